import { MigrationInterface, QueryRunner } from 'typeorm';
import { validateEnvironment } from '../src/config/environment';

/** The configured application role (DATABASE_APP_ROLE), already checked to be a plain identifier. */
const appRole = () => `"${validateEnvironment(process.env, { verifiesTokens: false }).DATABASE_APP_ROLE}"`;

/**
 * A tamper-evident access log (Normen faktaark 15): append-only is not enough when the owner or a superuser can
 * switch the trigger off, so each row carries a SHA-256 hash chained to the previous row of its municipality.
 * Altering, deleting or inserting a row in the middle breaks the chain, and `npm run access-log:verify` finds the
 * first broken link.
 *
 * The chain is kept by the database, not the application: a BEFORE INSERT trigger numbers the row and hashes it,
 * whatever the inserting role sent. It runs as the owner (SECURITY DEFINER), so the application role needs no right
 * on the chain heads and cannot move a head. The per-municipality head row is locked for the insert's transaction,
 * which orders concurrent inserts of one municipality (the API's group commit keeps that to one insert per batch).
 *
 * The hashed text is `access_log_canonical()`: every field length-prefixed in octets, so the verifier (in
 * TypeScript, src/access-log/access-log-chain.ts) rebuilds it byte for byte without trusting this function.
 * Also: the caller's own X-Request-Id, if any, is kept apart in `client_request_id`; `request_id` is the server's.
 */
export class AccessLogChain1763900014000 implements MigrationInterface {
  name = 'AccessLogChain1763900014000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE access_log
        ADD COLUMN client_request_id text,
        ADD COLUMN chain_seq bigint,
        ADD COLUMN previous_hash bytea,
        ADD COLUMN row_hash bytea`);
    await db.query(`
      CREATE TABLE access_log_chain_heads (
        municipality_id uuid PRIMARY KEY,
        last_seq bigint NOT NULL,
        last_hash bytea NOT NULL
      )`);
    // The heads are the database's own bookkeeping: the application may read them (the verifier), never move them.
    const role = appRole();
    await db.query(`REVOKE ALL ON access_log_chain_heads FROM PUBLIC, ${role}`);
    await db.query(`GRANT SELECT ON access_log_chain_heads TO ${role}`);

    await db.query(`
      CREATE FUNCTION access_log_field(value text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
        SELECT CASE WHEN value IS NULL THEN '~;' ELSE octet_length(value)::text || ':' || value || ';' END
      $$`);
    await db.query(`
      CREATE FUNCTION access_log_canonical(entry access_log) RETURNS text LANGUAGE sql STABLE AS $$
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
            || access_log_field(($1).outcome::text)
      $$`);
    await db.query(`
      CREATE FUNCTION access_log_chain() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
        SET search_path = public, pg_temp AS $$
      DECLARE
        head access_log_chain_heads%ROWTYPE;
      BEGIN
        INSERT INTO access_log_chain_heads (municipality_id, last_seq, last_hash)
          VALUES (NEW.municipality_id, 0, '\\x'::bytea) ON CONFLICT (municipality_id) DO NOTHING;
        SELECT * INTO head FROM access_log_chain_heads WHERE municipality_id = NEW.municipality_id FOR UPDATE;
        NEW.occurred_at := coalesce(NEW.occurred_at, now());
        NEW.chain_seq := head.last_seq + 1;
        NEW.previous_hash := head.last_hash;
        NEW.row_hash := sha256(head.last_hash || convert_to(access_log_canonical(NEW), 'UTF8'));
        UPDATE access_log_chain_heads SET last_seq = NEW.chain_seq, last_hash = NEW.row_hash
          WHERE municipality_id = NEW.municipality_id;
        RETURN NEW;
      END $$`);
    await db.query(`REVOKE ALL ON FUNCTION access_log_chain() FROM PUBLIC`);

    // Chain the rows written so far, in the order they were written (the owner may lift the guard; nobody else).
    await db.query(`ALTER TABLE access_log DISABLE TRIGGER access_log_no_update_or_delete`);
    await db.query(`
      DO $$ DECLARE r access_log; head bytea; seq bigint; current_municipality uuid; BEGIN
        FOR r IN SELECT * FROM access_log ORDER BY municipality_id, id LOOP
          IF current_municipality IS DISTINCT FROM r.municipality_id THEN
            current_municipality := r.municipality_id; head := '\\x'::bytea; seq := 0;
          END IF;
          seq := seq + 1;
          r.chain_seq := seq;
          UPDATE access_log SET chain_seq = seq, previous_hash = head,
                 row_hash = sha256(head || convert_to(access_log_canonical(r), 'UTF8'))
           WHERE id = r.id RETURNING row_hash INTO head;
          INSERT INTO access_log_chain_heads VALUES (r.municipality_id, seq, head)
            ON CONFLICT (municipality_id) DO UPDATE SET last_seq = EXCLUDED.last_seq, last_hash = EXCLUDED.last_hash;
        END LOOP;
      END $$`);
    await db.query(`ALTER TABLE access_log ENABLE TRIGGER access_log_no_update_or_delete`);
    await db.query(`
      ALTER TABLE access_log
        ALTER COLUMN chain_seq SET NOT NULL,
        ALTER COLUMN previous_hash SET NOT NULL,
        ALTER COLUMN row_hash SET NOT NULL`);
    await db.query(`
      CREATE UNIQUE INDEX access_log_chain_position ON access_log (municipality_id, chain_seq)`);
    await db.query(`
      CREATE TRIGGER access_log_chain BEFORE INSERT ON access_log
        FOR EACH ROW EXECUTE FUNCTION access_log_chain()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER access_log_chain ON access_log`);
    await db.query(`DROP FUNCTION access_log_chain()`);
    await db.query(`DROP FUNCTION access_log_canonical(access_log)`);
    await db.query(`DROP FUNCTION access_log_field(text)`);
    await db.query(`DROP TABLE access_log_chain_heads`);
    await db.query(`DROP INDEX access_log_chain_position`);
    await db.query(`ALTER TABLE access_log DISABLE TRIGGER access_log_no_update_or_delete`);
    await db.query(`
      ALTER TABLE access_log DROP COLUMN client_request_id, DROP COLUMN chain_seq,
        DROP COLUMN previous_hash, DROP COLUMN row_hash`);
    await db.query(`ALTER TABLE access_log ENABLE TRIGGER access_log_no_update_or_delete`);
  }
}
