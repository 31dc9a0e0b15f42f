import { join } from 'node:path';
import { DataSourceOptions } from 'typeorm';

/**
 * One definition of the connection, used by the API, the worker, the migration CLI and the tests.
 * The schema comes only from migrations/; `synchronize` stays off everywhere.
 */
export function dataSourceOptions(databaseUrl: string) {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities: [join(__dirname, '..', '**', '*.entity.{ts,js}')],
    migrations: [join(__dirname, '..', '..', 'migrations', '*.{ts,js}')],
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    migrationsRun: false,
    synchronize: false,
    // Extensions too come from migrations; the application role could not create one.
    installExtensions: false,
    // Fail fast when PostgreSQL is down instead of queueing requests (TRUST 30).
    extra: { max: 20, connectionTimeoutMillis: 2000, idleTimeoutMillis: 30000, statement_timeout: 15000 },
  } satisfies DataSourceOptions;
}
