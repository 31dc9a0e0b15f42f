import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The daily lapse scan's findings (DOMAIN rule 1 and 3): politiattester and vedtak that lapse within 30 days or
 * have lapsed, per municipality, as of the scan date. A scan replaces its municipality's rows in one
 * transaction, so running it twice gives the same rows.
 */
export class LapseAlerts1763900002100 implements MigrationInterface {
  name = 'LapseAlerts1763900002100';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TYPE lapse_kind AS ENUM ('police_certificate', 'decision')`);
    await db.query(`CREATE TYPE lapse_status AS ENUM ('lapsing', 'lapsed')`);
    await db.query(`
      CREATE TABLE lapse_alerts (
        municipality_id uuid NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
        kind lapse_kind NOT NULL,
        -- the contact (politiattest) or the decision (vedtak)
        subject_id uuid NOT NULL,
        contact_id uuid REFERENCES contacts(id) ON DELETE CASCADE,
        service_user_id uuid REFERENCES service_users(id) ON DELETE CASCADE,
        -- the last day it is valid
        valid_until date NOT NULL,
        status lapse_status NOT NULL,
        open_assignments integer NOT NULL CHECK (open_assignments >= 0),
        scanned_on date NOT NULL,
        PRIMARY KEY (municipality_id, kind, subject_id)
      )`);
    await db.query(`
      CREATE TABLE lapse_scans (
        municipality_id uuid PRIMARY KEY REFERENCES municipalities(id) ON DELETE CASCADE,
        scanned_on date NOT NULL,
        finished_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE lapse_scans`);
    await db.query(`DROP TABLE lapse_alerts`);
    await db.query(`DROP TYPE lapse_status`);
    await db.query(`DROP TYPE lapse_kind`);
  }
}
