import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Close relatives (nære pårørende) may not be a user's støttekontakt (DOMAIN, facts): recorded per pair, and
 * read together with the declined pairs through one view, `excluded_pairs`, by every path that proposes,
 * introduces, assigns or seats a pair. An individual assignment started without an introduction keeps why
 * (DOMAIN rule 8).
 */
export class CloseRelativesAndStartReason1763900009000 implements MigrationInterface {
  name = 'CloseRelativesAndStartReason1763900009000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE close_relatives (
        municipality_id uuid NOT NULL REFERENCES municipalities(id),
        contact_id uuid NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
        service_user_id uuid NOT NULL REFERENCES service_users(id) ON DELETE CASCADE,
        relation text CHECK (relation IS NULL OR length(relation) BETWEEN 1 AND 200),
        recorded_by text NOT NULL,
        recorded_by_role text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (contact_id, service_user_id)
      )`);
    await db.query(`CREATE INDEX close_relatives_user ON close_relatives (service_user_id)`);
    await db.query(`
      CREATE VIEW excluded_pairs AS
        SELECT municipality_id, service_user_id, contact_id, reason::text AS reason FROM pair_exclusions
        UNION ALL
        SELECT municipality_id, service_user_id, contact_id, 'close_relative' FROM close_relatives`);
    await db.query(
      `ALTER TABLE assignments ADD COLUMN started_without_introduction_reason text
         CHECK (started_without_introduction_reason IS NULL
                OR length(started_without_introduction_reason) BETWEEN 1 AND 1000)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE assignments DROP COLUMN started_without_introduction_reason`);
    await db.query(`DROP VIEW excluded_pairs`);
    await db.query(`DROP TABLE close_relatives`);
  }
}
