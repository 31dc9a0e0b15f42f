import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source-options';
import { TEST_DATABASE_URL } from './support/test-env';

/** TRUST 24: every migration runs up and down on an empty database, and up again. */
describe('migrations', () => {
  const name = `stk_migrations_${process.pid}`;
  const adminUrl = Object.assign(new URL(TEST_DATABASE_URL), { pathname: '/postgres' }).toString();
  const url = Object.assign(new URL(TEST_DATABASE_URL), { pathname: `/${name}` }).toString();

  const admin = async (sql: string) => {
    const client = new Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };

  beforeAll(() =>
    admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).then(() => admin(`CREATE DATABASE "${name}"`)),
  );
  afterAll(() => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));

  it('run up, down to nothing, and up again', async () => {
    const dataSource = new DataSource(dataSourceOptions(url));
    await dataSource.initialize();
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      expect(applied.length).toBe(dataSource.migrations.length);
      for (let i = 0; i < applied.length; i++) await dataSource.undoLastMigration({ transaction: 'each' });
      const [{ count }] = await dataSource.query(
        `SELECT count(*)::int AS count FROM information_schema.tables
          WHERE table_schema = 'public' AND table_name <> 'schema_migrations'`,
      );
      expect(count).toBe(0);
      const [{ types }] = await dataSource.query(
        `SELECT count(*)::int AS types FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
          WHERE n.nspname = 'public' AND t.typtype = 'e'`,
      );
      expect(types).toBe(0);
      expect((await dataSource.runMigrations({ transaction: 'each' })).length).toBe(applied.length);
    } finally {
      await dataSource.destroy();
    }
  });
});
