import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications through an outbox, the user's own signature on a timesheet by a one-time link (DOMAIN rule 5),
 * and private calendar feeds (issue 16).
 *
 * - Each person chooses e-mail or none: `notify_by` on contacts and service users, and a row per staff login in
 *   `staff_notification_settings` (staff are token subjects, not records).
 * - `notification_outbox` is written in the transaction of the change that causes it; the worker sends each row
 *   once (`idempotency_key` is unique) and records to whom and when. No message body is kept: it is rebuilt from
 *   the row's ids, and a signing link's token exists only in the e-mail.
 * - `signing_requests`: the token is stored as its SHA-256 hash, bound to the timesheet's content hash, used once.
 */
export class NotificationsAndSigning1763900012000 implements MigrationInterface {
  name = 'NotificationsAndSigning1763900012000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TYPE notify_channel AS ENUM ('email', 'none')`);
    await db.query(`ALTER TABLE contacts ADD COLUMN notify_by notify_channel NOT NULL DEFAULT 'email'`);
    await db.query(`
      ALTER TABLE service_users
        ADD COLUMN email text CHECK (email IS NULL OR email ~ '^[^@\\s]+@[^@\\s]+$'),
        ADD COLUMN guardian_email text CHECK (guardian_email IS NULL OR guardian_email ~ '^[^@\\s]+@[^@\\s]+$'),
        ADD COLUMN notify_by notify_channel NOT NULL DEFAULT 'email'`);
    await db.query(`
      CREATE TABLE staff_notification_settings (
        municipality_id uuid NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
        -- the login's token subject
        subject text NOT NULL CHECK (length(subject) BETWEEN 1 AND 200),
        role text NOT NULL CHECK (role IN ('coordinator', 'caseworker', 'admin')),
        email text CHECK (email IS NULL OR email ~ '^[^@\\s]+@[^@\\s]+$'),
        notify_by notify_channel NOT NULL DEFAULT 'email',
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (municipality_id, subject)
      )`);

    await db.query(`CREATE TYPE notification_status AS ENUM ('pending', 'sent', 'failed')`);
    await db.query(`
      CREATE TABLE notification_outbox (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
        kind text NOT NULL,
        -- one message per event and recipient, however often the event is written or the job delivered
        idempotency_key text NOT NULL UNIQUE,
        recipient_kind text NOT NULL CHECK (recipient_kind IN ('contact', 'service_user', 'guardian', 'staff')),
        recipient_ref text NOT NULL,
        channel notify_channel NOT NULL DEFAULT 'email',
        address text NOT NULL,
        -- ids only; the message is rebuilt from them when it is sent
        payload jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(payload) = 'object'),
        status notification_status NOT NULL DEFAULT 'pending',
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        subject text,
        message_id text,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        CONSTRAINT notification_outbox_sent_complete CHECK ((status = 'sent') = (sent_at IS NOT NULL))
      )`);
    await db.query(
      `CREATE INDEX notification_outbox_pending ON notification_outbox (created_at) WHERE status = 'pending'`,
    );

    await db.query(`CREATE TYPE signing_request_status AS ENUM ('pending', 'signed', 'objected', 'voided')`);
    await db.query(`
      CREATE TABLE signing_requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
        timesheet_id uuid NOT NULL REFERENCES timesheets(id),
        service_user_id uuid NOT NULL REFERENCES service_users(id),
        signer timesheet_signer NOT NULL,
        -- SHA-256 of the link's token; null until the worker has sent the link
        token_hash bytea UNIQUE CHECK (token_hash IS NULL OR length(token_hash) = 32),
        -- SHA-256 over the timesheet's sessions when it was sent; any change since voids the link
        content_hash text NOT NULL CHECK (content_hash ~ '^[0-9a-f]{64}$'),
        expires_at timestamptz NOT NULL,
        status signing_request_status NOT NULL DEFAULT 'pending',
        comment text CHECK (comment IS NULL OR length(comment) <= 2000),
        requested_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        decided_at timestamptz,
        CONSTRAINT signing_requests_decided CHECK ((status IN ('signed', 'objected')) = (decided_at IS NOT NULL))
      )`);
    await db.query(
      `CREATE INDEX signing_requests_timesheet ON signing_requests (timesheet_id, created_at DESC)`,
    );
    await db.query(
      `CREATE UNIQUE INDEX signing_requests_one_pending ON signing_requests (timesheet_id) WHERE status = 'pending'`,
    );

    // How a signature was given, and over what content: 'link' is the user's own; 'recorded' is the contact's
    // account of it from before, which a coordinator can no longer approve.
    await db.query(`CREATE TYPE signature_method AS ENUM ('recorded', 'link')`);
    await db.query(`ALTER TABLE timesheets DISABLE TRIGGER timesheets_are_immutable_once_signed`);
    await db.query(`
      ALTER TABLE timesheets
        ADD COLUMN signature_method signature_method,
        ADD COLUMN signature_content_hash text CHECK (signature_content_hash ~ '^[0-9a-f]{64}$'),
        ADD COLUMN signing_request_id uuid REFERENCES signing_requests(id)`);
    await db.query(`UPDATE timesheets SET signature_method = 'recorded' WHERE status <> 'open'`);
    await db.query(`ALTER TABLE timesheets ENABLE TRIGGER timesheets_are_immutable_once_signed`);
    await db.query(`
      ALTER TABLE timesheets ADD CONSTRAINT timesheets_signature_method
        CHECK ((status = 'open') = (signature_method IS NULL)
               AND (signature_method IS DISTINCT FROM 'link'
                    OR (signature_content_hash IS NOT NULL AND signing_request_id IS NOT NULL)))`);

    await db.query(`
      CREATE TABLE calendar_feeds (
        municipality_id uuid NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
        owner_kind text NOT NULL CHECK (owner_kind IN ('contact', 'caseworker')),
        -- the contact's id, or the caseworker's token subject
        owner_ref text NOT NULL,
        token_hash bytea NOT NULL UNIQUE CHECK (length(token_hash) = 32),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (municipality_id, owner_kind, owner_ref)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE calendar_feeds`);
    await db.query(`ALTER TABLE timesheets DISABLE TRIGGER timesheets_are_immutable_once_signed`);
    await db.query(`ALTER TABLE timesheets DROP CONSTRAINT timesheets_signature_method`);
    await db.query(
      `ALTER TABLE timesheets DROP COLUMN signing_request_id, DROP COLUMN signature_content_hash,
         DROP COLUMN signature_method`,
    );
    await db.query(`ALTER TABLE timesheets ENABLE TRIGGER timesheets_are_immutable_once_signed`);
    await db.query(`DROP TYPE signature_method`);
    await db.query(`DROP TABLE signing_requests`);
    await db.query(`DROP TYPE signing_request_status`);
    await db.query(`DROP TABLE notification_outbox`);
    await db.query(`DROP TYPE notification_status`);
    await db.query(`DROP TABLE staff_notification_settings`);
    await db.query(
      `ALTER TABLE service_users DROP COLUMN notify_by, DROP COLUMN guardian_email, DROP COLUMN email`,
    );
    await db.query(`ALTER TABLE contacts DROP COLUMN notify_by`);
    await db.query(`DROP TYPE notify_channel`);
  }
}
