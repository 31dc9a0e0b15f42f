import 'reflect-metadata';
import { Client } from 'pg';
import { migrate } from '../../src/database/migrate';
import { writeFileSync } from 'node:fs';
import { guardRun } from './run-guard';
import { TEST_DATABASE_URL, TEST_LOG_FILE } from './test-env';

/** Creates the e2e database afresh and builds its schema with the real migrations (never synchronize). */
export default async function globalSetup(): Promise<void> {
  guardRun();
  writeFileSync(TEST_LOG_FILE, '');
  const url = new URL(TEST_DATABASE_URL);
  const database = url.pathname.slice(1);
  const admin = new Client({
    connectionString: Object.assign(new URL(url), { pathname: '/postgres' }).toString(),
  });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${database}"`);
  await admin.end();

  // As a deployment does: the owner migrates; the app under test connects as the application role (test-env.ts).
  await migrate(TEST_DATABASE_URL);
}
