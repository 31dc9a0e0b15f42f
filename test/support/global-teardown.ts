import { existsSync, readFileSync } from 'node:fs';
import { parseNationalId } from '../../src/service-users/national-id';
import { guardExit } from './run-guard';
import { TEST_LOG_FILE } from './test-env';

/**
 * After the whole e2e run: no log line may hold a fødselsnummer (TRUST 13). Any 11-digit run that is a valid
 * number (synthetic ones included, as the tests use them) fails the run. The database is left in place so a
 * failing test's data can be inspected.
 */
export default async function globalTeardown(): Promise<void> {
  guardExit();
  if (!existsSync(TEST_LOG_FILE)) return;
  const log = readFileSync(TEST_LOG_FILE, 'utf8');
  // Request ids and record ids are UUIDs, whose hex groups can hold 11 digits in a row by chance: not a leak.
  const withoutUuids = log.replace(
    /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi,
    '<uuid>',
  );
  const leaks = [...withoutUuids.matchAll(/(?<!\d)\d{11}(?!\d)/g)]
    .map((match) => match[0])
    .filter((digits) => parseNationalId(digits, { allowSynthetic: true }).valid);
  const lines = log.split('\n').filter(Boolean).length;
  if (leaks.length > 0) {
    throw new Error(`${leaks.length} fødselsnummer-like values found in the e2e log ${TEST_LOG_FILE}`);
  }
  process.stdout.write(`\nLog scan: ${lines} log lines of the e2e run hold no fødselsnummer.\n`);
}
