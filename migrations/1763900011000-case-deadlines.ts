import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Deadlines from the law (DOMAIN rule 10; seeds 000, 003): an application (søknad) with the day it was received,
 * the written interim notices (foreløpig svar) sent when it is not decided within a month, when a vedtak was sent
 * and received, and complaints (klage) with their dates and outcome.
 */
export class CaseDeadlines1763900011000 implements MigrationInterface {
  name = 'CaseDeadlines1763900011000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE applications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL REFERENCES municipalities(id),
        service_user_id uuid NOT NULL REFERENCES service_users(id) ON DELETE CASCADE,
        received_on date NOT NULL,
        decision_id uuid REFERENCES decisions(id) ON DELETE SET NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(
      `CREATE INDEX applications_open ON applications (municipality_id, received_on) WHERE decision_id IS NULL`,
    );
    await db.query(`
      CREATE TABLE interim_notices (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        application_id uuid NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
        sent_on date NOT NULL,
        reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
        expected_decision_by date NOT NULL CHECK (expected_decision_by >= sent_on),
        recorded_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX interim_notices_application ON interim_notices (application_id)`);
    await db.query(`
      CREATE TABLE decision_deliveries (
        decision_id uuid PRIMARY KEY REFERENCES decisions(id) ON DELETE CASCADE,
        municipality_id uuid NOT NULL REFERENCES municipalities(id),
        sent_on date NOT NULL,
        received_on date CHECK (received_on IS NULL OR received_on >= sent_on),
        recorded_by text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE TYPE complaint_outcome AS ENUM ('upheld', 'sent_to_statsforvalteren')`);
    await db.query(`
      CREATE TABLE complaints (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL REFERENCES municipalities(id),
        decision_id uuid NOT NULL REFERENCES decisions(id) ON DELETE CASCADE,
        received_on date NOT NULL,
        note text CHECK (note IS NULL OR length(note) <= 2000),
        outcome complaint_outcome,
        outcome_on date CHECK (outcome_on IS NULL OR outcome_on >= received_on),
        recorded_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((outcome IS NULL) = (outcome_on IS NULL))
      )`);
    await db.query(`CREATE INDEX complaints_decision ON complaints (decision_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE complaints`);
    await db.query(`DROP TYPE complaint_outcome`);
    await db.query(`DROP TABLE decision_deliveries`);
    await db.query(`DROP TABLE interim_notices`);
    await db.query(`DROP TABLE applications`);
  }
}
