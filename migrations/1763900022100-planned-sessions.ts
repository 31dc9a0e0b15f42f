import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Planned sessions (issue 16 "Calendars": "for contacts their planned sessions"): a støttekontakt plans a time with
 * their user ahead, and it shows in their private calendar feed. Only the time and the assignment: no activity, no
 * note, nothing about health. A plan goes when it is cancelled, or when a session is logged over it (the plan came
 * true); one contact's plans never overlap.
 */
export class PlannedSessions1763900022100 implements MigrationInterface {
  name = 'PlannedSessions1763900022100';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE planned_sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
        assignment_id uuid NOT NULL REFERENCES assignments(id) ON DELETE CASCADE,
        contact_id uuid NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
        session_date date NOT NULL,
        starts_at time NOT NULL,
        ends_at time NOT NULL,
        period tsrange GENERATED ALWAYS AS (tsrange(session_date + starts_at, session_date + ends_at, '[)')) STORED,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT planned_sessions_end_after_start CHECK (ends_at > starts_at OR ends_at = '24:00'::time),
        CONSTRAINT planned_sessions_no_overlap EXCLUDE USING gist (contact_id WITH =, period WITH &&)
      )`);
    await db.query(
      `CREATE INDEX planned_sessions_contact_date ON planned_sessions (contact_id, session_date)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE planned_sessions`);
  }
}
