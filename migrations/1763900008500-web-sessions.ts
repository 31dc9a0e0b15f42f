import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The web app's sessions, kept server-side so they survive a restart and end when the server says so. The
 * browser holds only a random id; the table holds its SHA-256, so a copy of the table signs nobody in.
 * `web_sign_ins` holds a started OpenID Connect sign-in (PKCE verifier, state, nonce) until its callback.
 */
export class WebSessions1763900008500 implements MigrationInterface {
  name = 'WebSessions1763900008500';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE web_sessions (
        id_hash bytea PRIMARY KEY CHECK (octet_length(id_hash) = 32),
        subject text NOT NULL CHECK (subject <> ''),
        name text NOT NULL,
        role text NOT NULL CHECK (role IN ('coordinator', 'caseworker', 'contact', 'admin')),
        municipality_id uuid NOT NULL,
        contact_id uuid,
        csrf_token text NOT NULL CHECK (length(csrf_token) >= 32),
        id_token text,
        created_at timestamptz NOT NULL,
        last_seen_at timestamptz NOT NULL,
        idle_expires_at timestamptz NOT NULL,
        absolute_expires_at timestamptz NOT NULL,
        CHECK ((role = 'contact') = (contact_id IS NOT NULL)),
        CHECK (idle_expires_at <= absolute_expires_at)
      )`);
    await db.query(`CREATE INDEX web_sessions_idle_expiry ON web_sessions (idle_expires_at)`);
    await db.query(`
      CREATE TABLE web_sign_ins (
        id_hash bytea PRIMARY KEY CHECK (octet_length(id_hash) = 32),
        state text NOT NULL,
        nonce text NOT NULL,
        code_verifier text NOT NULL,
        return_to text NOT NULL CHECK (left(return_to, 1) = '/'),
        expires_at timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX web_sign_ins_expiry ON web_sign_ins (expires_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE web_sign_ins`);
    await db.query(`DROP TABLE web_sessions`);
  }
}
