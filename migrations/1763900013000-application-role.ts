import { MigrationInterface, QueryRunner } from 'typeorm';
import { validateEnvironment } from '../src/config/environment';

/** The configured application role (DATABASE_APP_ROLE), already checked to be a plain identifier. */
const appRole = () => `"${validateEnvironment(process.env, { verifiesTokens: false }).DATABASE_APP_ROLE}"`;

/**
 * Least privilege: the API and the worker connect as the application role, which may read and write business rows
 * and nothing more. It owns no table, so it can neither alter one nor disable a trigger; on the access log it may
 * only INSERT and SELECT (Normen faktaark 15: the logged cannot erase the log). Tables created by later migrations
 * get the same row rights by default; a table that must be append-only revokes them in its own migration.
 *
 * Roles belong to the whole PostgreSQL cluster, so the role is created only where it is missing (where the owner
 * may not create roles, a DBA creates it first) and is never dropped here: other databases may use it.
 */
export class ApplicationRole1763900013000 implements MigrationInterface {
  name = 'ApplicationRole1763900013000';

  async up(db: QueryRunner): Promise<void> {
    const role = appRole();
    const name = role.slice(1, -1);
    await db.query(`
      DO $$ BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${name}') THEN
          CREATE ROLE ${role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
        END IF;
      EXCEPTION WHEN duplicate_object OR unique_violation THEN
        NULL; -- created at this moment by a migration of another database on the same cluster
      END $$`);
    await db.query(`GRANT USAGE ON SCHEMA public TO ${role}`);
    await db.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role}`);
    await db.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${role}`);
    await db.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${role}`,
    );
    await db.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${role}`);
    // The log: append and read only, and only for the application (no longer for every role, as before).
    await db.query(`REVOKE ALL ON access_log FROM PUBLIC, ${role}`);
    await db.query(`GRANT SELECT, INSERT ON access_log TO ${role}`);
    // The migrations' own table: read (the start checks that the schema is current), never written.
    await db.query(`REVOKE ALL ON schema_migrations FROM ${role}`);
    await db.query(`GRANT SELECT ON schema_migrations TO ${role}`);
  }

  async down(db: QueryRunner): Promise<void> {
    const role = appRole();
    await db.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON SEQUENCES FROM ${role}`);
    await db.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON TABLES FROM ${role}`);
    await db.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${role}`);
    await db.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${role}`);
    await db.query(`REVOKE USAGE ON SCHEMA public FROM ${role}`);
    await db.query(`GRANT SELECT, INSERT ON access_log TO PUBLIC`);
  }
}
