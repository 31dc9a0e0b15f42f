import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source-options';
import { migrate, migrationNames, pendingMigrations } from '../src/database/migrate';
import { freePort } from './support/private-services';
import { ownLines, spawnEntry } from './support/spawned-entry';
import { applicationRoleUrl, TEST_APP_DATABASE_URL, TEST_DATABASE_URL } from './support/test-env';

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Section 2 of "secure by default": the application holds least privilege, and migrations run once. */
describe('database roles', () => {
  describe('the application role on the e2e database (built by global-setup as the owner)', () => {
    const asApp = <T>(work: (client: Client) => Promise<T>) => withClient(TEST_APP_DATABASE_URL, work);

    it('is an ordinary role that owns no table and cannot create one', async () => {
      await asApp(async (db) => {
        const role = await db.query(`SELECT rolsuper, rolcreaterole, rolcreatedb, rolbypassrls FROM pg_roles
          WHERE rolname = current_user`);
        expect(role.rows).toEqual([
          { rolsuper: false, rolcreaterole: false, rolcreatedb: false, rolbypassrls: false },
        ]);
        const owned = await db.query(`SELECT tablename FROM pg_tables WHERE tableowner = current_user`);
        expect(owned.rows).toEqual([]);
        await expect(db.query(`CREATE TABLE mine (n int)`)).rejects.toThrow(/permission denied for schema/);
      });
    });

    it('may INSERT and SELECT on the access log and nothing else: no UPDATE, DELETE, TRUNCATE or trigger switch', async () => {
      await asApp(async (db) => {
        const inserted = await db.query(
          `INSERT INTO access_log (municipality_id, actor, role, subject_type, action, route, request_id, outcome)
           VALUES (gen_random_uuid(), 'roles-test', 'admin', 'service_user', 'read', 'GET /x', 'req-roles', 'allowed')
           RETURNING id`,
        );
        const id = inserted.rows[0].id as string;
        expect((await db.query(`SELECT actor FROM access_log WHERE id = $1`, [id])).rows).toEqual([
          { actor: 'roles-test' },
        ]);
        await expect(db.query(`UPDATE access_log SET actor = 'x' WHERE id = $1`, [id])).rejects.toThrow(
          /permission denied for table access_log/,
        );
        await expect(db.query(`DELETE FROM access_log WHERE id = $1`, [id])).rejects.toThrow(
          /permission denied for table access_log/,
        );
        await expect(db.query(`TRUNCATE access_log`)).rejects.toThrow(
          /permission denied for table access_log/,
        );
        for (const trigger of ['access_log_no_update_or_delete', 'access_log_no_truncate', 'ALL', 'USER']) {
          await expect(db.query(`ALTER TABLE access_log DISABLE TRIGGER ${trigger}`)).rejects.toThrow(
            /must be owner of table access_log/,
          );
        }
        await expect(db.query(`DROP TABLE access_log`)).rejects.toThrow(/must be owner/);
        expect((await db.query(`SELECT actor FROM access_log WHERE id = $1`, [id])).rows).toEqual([
          { actor: 'roles-test' },
        ]);
      });
    });

    it('holds the row rights the code needs on business tables, and reads but never writes the migrations', async () => {
      await asApp(async (db) => {
        const privileges = await db.query<{ table_name: string; rights: string }>(`
          SELECT table_name, string_agg(privilege_type, ',' ORDER BY privilege_type) AS rights
            FROM information_schema.role_table_grants
           WHERE grantee = current_user AND table_schema = 'public'
           GROUP BY table_name`);
        const rights = Object.fromEntries(privileges.rows.map((row) => [row.table_name, row.rights]));
        expect(rights.access_log).toBe('INSERT,SELECT');
        expect(rights.schema_migrations).toBe('SELECT');
        expect(rights.contacts).toBe('DELETE,INSERT,SELECT,UPDATE');
        expect(Object.values(rights).join(',')).not.toMatch(/TRUNCATE|TRIGGER|REFERENCES/);
        await expect(db.query(`DELETE FROM schema_migrations`)).rejects.toThrow(/permission denied/);
      });
    });
  });

  describe('on a fresh database', () => {
    const name = `stk_roles_${process.pid}`;
    const adminUrl = Object.assign(new URL(TEST_DATABASE_URL), { pathname: '/postgres' }).toString();
    const ownerUrl = Object.assign(new URL(TEST_DATABASE_URL), { pathname: `/${name}` }).toString();
    const admin = (sql: string) => withClient(adminUrl, (client) => client.query(sql));

    beforeAll(async () => {
      await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin(`CREATE DATABASE "${name}"`);
    });
    afterAll(() => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));

    it('the API refuses to start on a schema that is not current, in one line', async () => {
      const api = spawnEntry('src/main.ts', {
        DATABASE_URL: applicationRoleUrl(ownerUrl),
        REDIS_URL: process.env.REDIS_URL!,
        QUEUE_PREFIX: `stottekontakt-roles-${process.pid}`,
        SCHEDULER_ENABLED: 'false',
        OIDC_ISSUER_URL: 'https://issuer.invalid',
        // A production-like start: no local signer, so the one-time codes' pepper must be given.
        SIGNING_CODE_PEPPER: randomBytes(32).toString('base64url'),
        PORT: String(await freePort()),
      });
      expect(await api.exited).toBe(1);
      const lines = ownLines(api.output());
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(
        /^The database schema is not current: \d+ migration\(s\) pending \(.+\); run `npm run migration:run` as the owner first$/,
      );
    }, 120_000);

    it('two migration runs started at once leave one correct schema', async () => {
      const [first, second] = await Promise.all([migrate(ownerUrl), migrate(ownerUrl)]);
      const dataSource = new DataSource(dataSourceOptions(ownerUrl));
      await dataSource.initialize();
      try {
        const known = migrationNames(dataSource);
        // One run applied everything; the other waited for the lock and found nothing left.
        expect([first.length, second.length].sort((a, b) => a - b)).toEqual([0, known.length]);
        expect([...first, ...second]).toEqual(known);
        const rows: { name: string }[] = await dataSource.query(
          `SELECT name FROM schema_migrations ORDER BY id`,
        );
        expect(rows.map((row) => row.name)).toEqual(known);
        expect(await pendingMigrations(dataSource)).toEqual([]);
        const [{ count }] = await dataSource.query(
          `SELECT count(*)::int AS count FROM pg_tables WHERE schemaname = 'public'`,
        );
        expect(count).toBeGreaterThan(10);
      } finally {
        await dataSource.destroy();
      }
      expect(await migrate(ownerUrl)).toEqual([]);
      // And the application role is granted on this database too.
      await withClient(applicationRoleUrl(ownerUrl), async (db) => {
        await expect(db.query(`SELECT count(*)::int AS count FROM contacts`)).resolves.toMatchObject({
          rows: [{ count: expect.any(Number) }],
        });
        await expect(db.query(`TRUNCATE access_log`)).rejects.toThrow(/permission denied/);
      });
    });
  });
});
