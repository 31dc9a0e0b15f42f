import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { pgErrorCode } from '../common/errors/postgres-errors';
import { dataSourceOptions } from './data-source-options';

/** One advisory lock key for "migrating this database" (advisory locks are per database). */
const MIGRATION_LOCK = 7_310_040_210;

export interface MigrateOptions {
  /** Set as the application role's password after the migrations (DATABASE_APP_PASSWORD). */
  appRole?: string;
  appPassword?: string;
}

/**
 * Runs the pending migrations as the owner, once per deployment: a session-level advisory lock makes a second
 * run started at the same moment (another replica's start, a second `npm run migration:run`) wait, then find
 * nothing left to do. TypeORM takes no lock of its own. Returns the names of the migrations this run applied.
 */
export async function migrate(ownerUrl: string, options: MigrateOptions = {}): Promise<string[]> {
  const lock = new Client({ connectionString: ownerUrl });
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const dataSource = new DataSource(dataSourceOptions(ownerUrl));
    await dataSource.initialize();
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      if (options.appRole && options.appPassword) {
        await lock.query(
          `ALTER ROLE "${options.appRole}" PASSWORD ${lock.escapeLiteral(options.appPassword)}`,
        );
      }
      return applied.map((migration) => migration.name);
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await lock.end(); // ending the session releases the lock
  }
}

/**
 * The migrations this code knows that the database has not applied. The application role may read the migrations'
 * table but never create it, so a database without one has everything pending.
 */
export async function pendingMigrations(dataSource: DataSource): Promise<string[]> {
  let applied: Set<string>;
  try {
    const rows: { name: string }[] = await dataSource.query(`SELECT name FROM schema_migrations`);
    applied = new Set(rows.map((row) => row.name));
  } catch (error) {
    if (pgErrorCode(error) !== '42P01') throw error; // undefined_table
    applied = new Set();
  }
  return migrationNames(dataSource).filter((name) => !applied.has(name));
}

/** The migrations this code knows, oldest first (each name ends with its timestamp). */
export function migrationNames(dataSource: DataSource): string[] {
  const timestamp = (name: string) => Number(/(\d+)$/.exec(name)?.[1] ?? 0);
  return dataSource.migrations
    .map((migration) => migration.name ?? migration.constructor.name)
    .sort((a, b) => timestamp(a) - timestamp(b));
}
