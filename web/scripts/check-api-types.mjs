// Fails when web/src/api/schema.d.ts is not what openapi-typescript makes of docs/openapi.json today
// (run `npm run web:types` and commit the file).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const committed = readFileSync(here('../src/api/schema.d.ts'), 'utf8');
const document = readFileSync(here('../../docs/openapi.json'), 'utf8');
const generated = astToString(await openapiTS(document));

if (generated.trim() !== committed.replace(/^\/\*\*[\s\S]*?\*\/\s*/, '').trim()) {
  console.error('web/src/api/schema.d.ts is stale: run `npm run web:types` and commit it.');
  process.exit(1);
}

// Where the document lacked a schema, openapi-typescript writes `Record<string, never>` or a body-less answer:
// the client would be untyped there. Only the empty webhooks/$defs, 204s and redirects may have no body.
const untyped = [];
let status = '';
generated.split('\n').forEach((line, index) => {
  status = /^\s+(\d{3}): \{$/.exec(line)?.[1] ?? status;
  const emptyRecord = /Record<string, never>/.test(line) && !/^export type (webhooks|\$defs) =/.test(line);
  const noBody = /content\?: never;/.test(line) && status !== '204' && !status.startsWith('3');
  if (emptyRecord || noBody)
    untyped.push(`line ${index + 1}: ${line.trim()}${noBody ? ` (a ${status} answer)` : ''}`);
});
if (untyped.length > 0) {
  console.error(
    `web/src/api/schema.d.ts has untyped parts (a schema is missing in the document):\n${untyped.join('\n')}`,
  );
  process.exit(1);
}
console.log('web/src/api/schema.d.ts matches docs/openapi.json, and every answer with a body is typed');
