import { MigrationInterface, QueryRunner } from 'typeorm';

const CANONICAL_FIELDS = `
        SELECT access_log_field(($1).chain_seq::text)
            || access_log_field(($1).municipality_id::text)
            || access_log_field((extract(epoch FROM ($1).occurred_at) * 1000000)::bigint::text)
            || access_log_field(($1).actor)
            || access_log_field(($1).role)
            || access_log_field(($1).subject_type)
            || access_log_field(($1).subject_id::text)
            || access_log_field(($1).action)
            || access_log_field(($1).route)
            || access_log_field(($1).request_id)
            || access_log_field(($1).client_request_id)
            || access_log_field(($1).outcome::text)`;

/**
 * The access log names the contact where a støttekontakt read (issue 11): `actor` is the login's subject, which
 * says nothing to the user asking who looked; `actor_contact_id` is the roster entry behind it. No foreign key:
 * the log outlives the roster, and an append-only row could not follow a deleted contact anyway.
 *
 * The contact id is in the hash chain. It is appended to the canonical text only when set, so every row written
 * before (all without it) keeps its hash and the chain stays verifiable from its first row; setting, changing or
 * clearing it on any row changes that row's text and breaks the chain there.
 */
export class AccessLogContact1763900021100 implements MigrationInterface {
  name = 'AccessLogContact1763900021100';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE access_log ADD COLUMN actor_contact_id uuid,
        ADD CONSTRAINT access_log_contact_actor CHECK (actor_contact_id IS NULL OR role = 'contact')`);
    await db.query(`
      CREATE OR REPLACE FUNCTION access_log_canonical(entry access_log) RETURNS text LANGUAGE sql STABLE AS $$
        ${CANONICAL_FIELDS}
            || CASE WHEN ($1).actor_contact_id IS NULL THEN ''
                    ELSE access_log_field(($1).actor_contact_id::text) END
      $$`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE OR REPLACE FUNCTION access_log_canonical(entry access_log) RETURNS text LANGUAGE sql STABLE AS $$
        ${CANONICAL_FIELDS}
      $$`);
    await db.query(`ALTER TABLE access_log DROP CONSTRAINT access_log_contact_actor`);
    await db.query(`ALTER TABLE access_log DROP COLUMN actor_contact_id`);
  }
}
