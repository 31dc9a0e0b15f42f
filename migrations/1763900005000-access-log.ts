import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Normen (faktaark 15): who looked at whose data, when, and whether they were let in. Rows are append-only:
 * a trigger refuses UPDATE, DELETE and TRUNCATE for every role (a superuser included), and the table's
 * privileges are INSERT and SELECT only for anyone but its owner.
 */
export class AccessLog1763900005000 implements MigrationInterface {
  name = 'AccessLog1763900005000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TYPE access_outcome AS ENUM ('allowed', 'denied')`);
    await db.query(`
      CREATE TABLE access_log (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        municipality_id uuid NOT NULL,
        actor text NOT NULL,
        role text NOT NULL,
        subject_type text NOT NULL,
        subject_id uuid,
        action text NOT NULL,
        route text NOT NULL,
        request_id text NOT NULL,
        outcome access_outcome NOT NULL
      )`);
    await db.query(`CREATE INDEX access_log_subject ON access_log (subject_id, occurred_at DESC)`);
    await db.query(`CREATE INDEX access_log_municipality ON access_log (municipality_id, occurred_at DESC)`);
    await db.query(`
      CREATE FUNCTION access_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'access_log is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await db.query(`
      CREATE TRIGGER access_log_no_update_or_delete BEFORE UPDATE OR DELETE ON access_log
        FOR EACH ROW EXECUTE FUNCTION access_log_is_append_only()`);
    await db.query(`
      CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON access_log
        FOR EACH STATEMENT EXECUTE FUNCTION access_log_is_append_only()`);
    await db.query(`REVOKE ALL ON access_log FROM PUBLIC`);
    await db.query(`GRANT SELECT, INSERT ON access_log TO PUBLIC`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE access_log`);
    await db.query(`DROP FUNCTION access_log_is_append_only()`);
    await db.query(`DROP TYPE access_outcome`);
  }
}
