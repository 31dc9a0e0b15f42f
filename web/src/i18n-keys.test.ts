import { describe, expect, it } from 'vitest';
import { collectResources } from './i18n';

// The features' texts; common/ falls back to bokmål where English has no text yet (e.g. error codes).
const files = import.meta.glob<Record<string, unknown>>('./features/*/i18n.*.json', {
  eager: true,
  import: 'default',
});

/** Every key path of a text tree; plural forms (`_one`, `_other`) count as their base key. */
function keys(tree: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) => {
    const path = `${prefix}${key.replace(/_(zero|one|two|few|many|other)$/, '')}`;
    return value && typeof value === 'object' ? keys(value as Record<string, unknown>, `${path}.`) : [path];
  });
}

describe('texts in both languages', () => {
  const resources = collectResources(files);
  it.each(Object.keys(resources.nb))('namespace %s has the same keys in bokmål and English', (namespace) => {
    const nb = [...new Set(keys(resources.nb[namespace]))].sort();
    const en = [...new Set(keys(resources.en[namespace] ?? {}))].sort();
    expect(en).toEqual(nb);
  });
});
