// npm run bench:web: the gzipped JavaScript of the app's first load (the entry chunk and what index.html
// preloads), beside the 250 kB budget. Run after `npm run build --workspace web`.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 250;
const dist = fileURLToPath(new URL('../dist/', import.meta.url));
if (!existsSync(`${dist}index.html`)) {
  console.error('web/dist/index.html is missing: run `npm run build --workspace web` first.');
  process.exit(1);
}
const html = readFileSync(`${dist}index.html`, 'utf8');
const scripts = [
  ...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="\/([^"]+\.js)"/g),
].map((match) => match[1]);
let total = 0;
for (const file of new Set(scripts)) {
  const size = gzipSync(readFileSync(`${dist}${file}`), { level: 9 }).length;
  total += size;
  console.log(`${file.padEnd(40)} ${(size / 1024).toFixed(1).padStart(7)} kB gzipped`);
}
const kb = total / 1024;
console.log(
  `first load JS: ${kb.toFixed(1)} kB gzipped (budget ${BUDGET_KB} kB) ${kb <= BUDGET_KB ? 'OK' : 'OVER BUDGET'}`,
);
process.exit(kb <= BUDGET_KB ? 0 : 1);
