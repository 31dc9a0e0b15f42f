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
console.log('web/src/api/schema.d.ts matches docs/openapi.json');
