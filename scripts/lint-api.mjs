/**
 * `npm run lint:api` (part of `npm test`): lints the OpenAPI document as an outside integrator would, with
 * Redocly's recommended rules (redocly.yaml) and Spectral's `spectral:oas` plus the OWASP API Security ruleset
 * (.spectral.yaml). `npm run openapi:check` runs first, so the file linted is the one the code generates. Any
 * error or warning from either fails; a rule judged not to apply is switched off in those files with its reason.
 */
import { spawnSync } from 'node:child_process';

const file = 'docs/openapi.json';
const run = (command, args) => {
  const result = spawnSync('npx', [command, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw result.error;
  return result;
};

const redocly = run('redocly', ['lint', file, '--format=json']);
const redoclyReport = JSON.parse(redocly.stdout.slice(redocly.stdout.indexOf('{')));
const redoclyProblems = redoclyReport.problems ?? [];
const { errors: redoclyErrors = 0, warnings: redoclyWarnings = 0, ignored = 0 } = redoclyReport.totals ?? {};

const spectral = run('spectral', ['lint', file, '--format=json', '--quiet']);
const spectralProblems = JSON.parse(spectral.stdout.trim() || '[]');
const spectralErrors = spectralProblems.filter((p) => p.severity === 0).length;
const spectralWarnings = spectralProblems.filter((p) => p.severity === 1).length;
const spectralOther = spectralProblems.length - spectralErrors - spectralWarnings;

for (const problem of redoclyProblems) {
  const where = problem.location?.[0]?.pointer ?? '';
  console.error(`redocly  ${problem.severity.padEnd(7)} ${problem.ruleId}  ${where}  ${problem.message}`);
}
for (const problem of spectralProblems) {
  const severity = ['error', 'warning', 'info', 'hint'][problem.severity];
  console.error(
    `spectral ${severity.padEnd(7)} ${problem.code}  ${problem.path.join('.')}  ${problem.message}`,
  );
}
console.log(
  `lint:api  Redocly (recommended): ${redoclyErrors} errors, ${redoclyWarnings} warnings (${ignored} judged not to apply, in .redocly.lint-ignore.yaml)`,
);
console.log(
  `lint:api  Spectral (spectral:oas + OWASP API Security): ${spectralErrors} errors, ${spectralWarnings} warnings, ${spectralOther} infos/hints`,
);
if (redoclyErrors + redoclyWarnings + spectralProblems.length > 0) process.exit(1);
