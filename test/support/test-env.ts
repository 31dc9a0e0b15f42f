import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The e2e suite's own database and queue prefix, so it never touches development data. */
export const TEST_DATABASE_URL =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/stottekontakt_test';

/**
 * The same database as the application role, as the API and the worker connect in production (the test cluster
 * trusts local connections, so the role needs no password). The owner URL is for migrations and admin work only.
 */
export function applicationRoleUrl(ownerUrl: string): string {
  const url = new URL(ownerUrl);
  url.username = process.env.DATABASE_APP_ROLE ?? 'stottekontakt_app';
  url.password = '';
  return url.toString();
}

export const TEST_APP_DATABASE_URL = applicationRoleUrl(TEST_DATABASE_URL);

/** Every log line of the e2e run; the global teardown scans it for fødselsnumre (TRUST 13). */
export const TEST_LOG_FILE =
  process.env.TEST_LOG_FILE ??
  join(tmpdir(), `stottekontakt-e2e-${new URL(TEST_DATABASE_URL).pathname.slice(1)}.log`);

export function applyTestEnvironment(): void {
  process.env.LOG_FILE = TEST_LOG_FILE;
  process.env.NODE_ENV = 'test';
  process.env.DATABASE_OWNER_URL = TEST_DATABASE_URL;
  process.env.DATABASE_URL = TEST_APP_DATABASE_URL;
  process.env.REDIS_URL = process.env.TEST_REDIS_URL ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  process.env.QUEUE_PREFIX = `stottekontakt-test-${process.pid}`;
  process.env.LOG_LEVEL = process.env.TEST_LOG_LEVEL ?? 'info';
  process.env.ALLOW_SYNTHETIC_NATIONAL_IDS = 'true';
  // The tests sign their own tokens; everywhere else the local signer is off unless asked for.
  process.env.LOCAL_SIGNER_ENABLED = 'true';
  process.env.SCHEDULER_ENABLED = 'false';
}
