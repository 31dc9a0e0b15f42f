import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Swagger names a DTO's schema after its class, and a second class of the same name silently replaces the first
 * in the document (the web client then types one answer with the other's fields). Every exported class of
 * `src/` has its own name.
 */
describe('schema names', () => {
  it('gives every exported class of src/ its own name', () => {
    const root = join(__dirname, '..', '..');
    const seen = new Map<string, string[]>();
    const visit = (folder: string): void => {
      for (const entry of readdirSync(folder, { withFileTypes: true })) {
        const path = join(folder, entry.name);
        if (entry.isDirectory()) visit(path);
        else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts')) {
          for (const match of readFileSync(path, 'utf8').matchAll(/^export class (\w+)/gm)) {
            seen.set(match[1], [...(seen.get(match[1]) ?? []), relative(root, path)]);
          }
        }
      }
    };
    visit(root);
    const twice = [...seen].filter(([, files]) => files.length > 1);
    expect(twice).toEqual([]);
    expect(seen.size).toBeGreaterThan(100);
  });
});
