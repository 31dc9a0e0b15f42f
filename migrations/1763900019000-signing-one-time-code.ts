import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The user's signature by a one-time code on the contact's phone (issue 16): a second method of the same signing
 * request, bound to the same content hash and used once like the link.
 *
 * - `signing_requests` keeps the code as a hash (`code_hash`, of the request id and the code, set by the worker
 *   when it sends the e-mail, so the code exists only there), its expiry, the wrong tries, and where it went
 *   (masked), which the coordinator sees.
 * - `signing_code_requests`: each time a code is asked for, per timesheet, for the rate limit.
 * - `signature_method` gains 'one_time_code'; such a signature, like a link's, names its request and hash.
 */
export class SigningOneTimeCode1763900019000 implements MigrationInterface {
  name = 'SigningOneTimeCode1763900019000';

  async up(db: QueryRunner): Promise<void> {
    // ADD VALUE may run in a transaction, but the value cannot be used in it: the CHECK below compares text.
    await db.query(`ALTER TYPE signature_method ADD VALUE IF NOT EXISTS 'one_time_code'`);
    await db.query(`
      ALTER TABLE signing_requests
        ADD COLUMN code_hash bytea CHECK (code_hash IS NULL OR length(code_hash) = 32),
        ADD COLUMN code_expires_at timestamptz,
        ADD COLUMN code_attempts integer NOT NULL DEFAULT 0 CHECK (code_attempts >= 0),
        ADD COLUMN code_sent_to text CHECK (code_sent_to IS NULL OR length(code_sent_to) <= 320),
        ADD COLUMN code_seq integer NOT NULL DEFAULT 0 CHECK (code_seq >= 0)`);
    await db.query(`
      CREATE TABLE signing_code_requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        signing_request_id uuid NOT NULL REFERENCES signing_requests(id) ON DELETE CASCADE,
        timesheet_id uuid NOT NULL REFERENCES timesheets(id) ON DELETE CASCADE,
        requested_by text NOT NULL,
        requested_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(
      `CREATE INDEX signing_code_requests_timesheet ON signing_code_requests (timesheet_id, requested_at DESC)`,
    );
    await db.query(`ALTER TABLE timesheets DROP CONSTRAINT timesheets_signature_method`);
    await db.query(`
      ALTER TABLE timesheets ADD CONSTRAINT timesheets_signature_method
        CHECK ((status = 'open') = (signature_method IS NULL)
               AND (signature_method IS NULL OR signature_method::text NOT IN ('link', 'one_time_code')
                    OR (signature_content_hash IS NOT NULL AND signing_request_id IS NOT NULL)))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE timesheets DROP CONSTRAINT timesheets_signature_method`);
    await db.query(`ALTER TABLE timesheets DISABLE TRIGGER timesheets_are_immutable_once_signed`);
    // A code's signature was the signer's own, like a link's: it is kept as one.
    await db.query(
      `UPDATE timesheets SET signature_method = 'link' WHERE signature_method::text = 'one_time_code'`,
    );
    await db.query(`ALTER TABLE timesheets ENABLE TRIGGER timesheets_are_immutable_once_signed`);
    // An enum value cannot be dropped: the type is rebuilt without it.
    await db.query(`ALTER TYPE signature_method RENAME TO signature_method_old`);
    await db.query(`CREATE TYPE signature_method AS ENUM ('recorded', 'link')`);
    await db.query(
      `ALTER TABLE timesheets ALTER COLUMN signature_method TYPE signature_method
         USING signature_method::text::signature_method`,
    );
    await db.query(`DROP TYPE signature_method_old`);
    await db.query(`
      ALTER TABLE timesheets ADD CONSTRAINT timesheets_signature_method
        CHECK ((status = 'open') = (signature_method IS NULL)
               AND (signature_method IS DISTINCT FROM 'link'
                    OR (signature_content_hash IS NOT NULL AND signing_request_id IS NOT NULL)))`);
    await db.query(`DROP TABLE signing_code_requests`);
    await db.query(
      `ALTER TABLE signing_requests DROP COLUMN code_seq, DROP COLUMN code_sent_to, DROP COLUMN code_attempts,
         DROP COLUMN code_expires_at, DROP COLUMN code_hash`,
    );
  }
}
