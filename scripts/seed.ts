/**
 * `npm run seed [-- --date YYYY-MM-DD] [--add-synthetic N]`: runs the migrations (as the owner), then fills an empty
 * database with the demo municipality. Deterministic: the same date gives the same data (default: today in
 * Europe/Oslo). `--add-synthetic N` then adds N synthetic waiting users and N contacts to the demo municipality (each
 * time it is given), for measuring the app at a municipality's size (`npm run bench:web` uses 5,000).
 */
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { isValidIsoDate, todayInOslo } from '../src/common/dates';
import { validateEnvironment } from '../src/config/environment';
import { dataSourceOptions } from '../src/database/data-source-options';
import { migrate } from '../src/database/migrate';
import { DEMO_MUNICIPALITY_ID } from './demo/demo-ids';
import { seedLargeMunicipality } from './demo/large-municipality';
import { seedDemoMunicipality } from './demo/seed-database';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { date: { type: 'string' }, 'add-synthetic': { type: 'string' } },
  });
  const synthetic = values['add-synthetic'] === undefined ? 0 : Number(values['add-synthetic']);
  if (!Number.isSafeInteger(synthetic) || synthetic < 0 || synthetic > 200_000)
    throw new Error('--add-synthetic must be a whole number from 0 to 200000');
  const today = values.date ?? todayInOslo(new Date());
  if (!isValidIsoDate(today)) throw new Error('--date must be a date YYYY-MM-DD');
  const environment = validateEnvironment(process.env, { verifiesTokens: false });
  await migrate(environment.DATABASE_OWNER_URL, {
    appRole: environment.DATABASE_APP_ROLE,
    appPassword: environment.DATABASE_APP_PASSWORD,
  });
  const dataSource = new DataSource(dataSourceOptions(environment.DATABASE_OWNER_URL));
  await dataSource.initialize();
  try {
    const result = await seedDemoMunicipality(dataSource, today);
    console.log(
      result.seeded
        ? `Seeded the demo municipality as of ${today}: ${result.contacts} contacts, ${result.users} users with decisions, ${result.groups} groups, ${result.assignments} assignments, ${result.signedTimesheets} signed timesheets awaiting approval.`
        : 'The demo municipality is already there; nothing changed.',
    );
    if (synthetic > 0) {
      await seedLargeMunicipality(dataSource, synthetic, today, DEMO_MUNICIPALITY_ID);
      console.log(
        `Added ${synthetic} synthetic waiting users and ${synthetic} contacts to the demo municipality.`,
      );
    }
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
