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

  it('moves the open expense amounts of older sessions into "Annet (eldre registrering)", covered as they were paid', async () => {
    const dataSource = new DataSource(dataSourceOptions(url));
    await dataSource.initialize();
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      await dataSource.runMigrations({ transaction: 'each' });
      // Back to before expense categories, whatever came after them.
      while ((await dataSource.query(`SELECT to_regclass('expense_categories') AS t`))[0].t !== null) {
        await dataSource.undoLastMigration({ transaction: 'each' });
      }
      // Two older sessions, one with an open amount; only the municipality is needed as a real parent here.
      const [{ id: municipalityId }] = (
        await client.query<{ id: string }>(
          `INSERT INTO municipalities (name) VALUES ('Eldre kommune') RETURNING id`,
        )
      ).rows;
      await client.query(`SET session_replication_role = replica`);
      const session = (expensesOre: number, note: string | null, start: string) =>
        client.query<{ id: string }>(
          `INSERT INTO sessions (municipality_id, assignment_id, contact_id, timesheet_id, session_date, starts_at,
                                 ends_at, activity, expenses_ore, expenses_note, created_by)
           VALUES ($1, gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), '2026-03-10', $4, '23:00', 'Kino',
                   $2, $3, 'test') RETURNING id`,
          [municipalityId, expensesOre, note, start],
        );
      const paid = (await session(12_900, 'Kinobillett', '17:00')).rows[0].id;
      await session(0, null, '21:00');
      await client.query(`SET session_replication_role = DEFAULT`);
      await dataSource.runMigrations({ transaction: 'each' });
      const categories = await dataSource.query(
        `SELECT name, rule::text, active FROM expense_categories WHERE municipality_id = $1`,
        [municipalityId],
      );
      expect(categories).toEqual([
        { name: 'Annet (eldre registrering)', rule: 'not_covered', active: false },
      ]);
      const lines = await dataSource.query(
        `SELECT e.session_id, e.amount_ore, e.covered_ore, e.quantity, e.note FROM session_expenses e
           JOIN sessions s ON s.id = e.session_id WHERE s.municipality_id = $1`,
        [municipalityId],
      );
      expect(lines).toEqual([
        { session_id: paid, amount_ore: 12_900, covered_ore: 12_900, quantity: 1, note: 'Kinobillett' },
      ]);
    } finally {
      await client.end();
      await dataSource.destroy();
    }
  });
});
