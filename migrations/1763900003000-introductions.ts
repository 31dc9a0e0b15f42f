import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * From proposal to assignment (DOMAIN rule 8): introductions (første møte) of a user and a proposed støttekontakt
 * with the saksbehandler, the saksbehandler's busy times, and the case history (every state change: who, when,
 * from, to).
 *
 * Nobody is double-booked: three exclusion constraints keep a booked meeting's time range apart from every other
 * booked meeting of the same contact, the same user and the same saksbehandler, so two parallel bookings cannot
 * both commit (SQLSTATE 23P01). A user has at most one introduction on its way (partial unique index).
 */
export class Introductions1763900003000 implements MigrationInterface {
  name = 'Introductions1763900003000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    await db.query(
      `CREATE TYPE introduction_status AS ENUM ('awaiting_booking', 'booked', 'started', 'declined')`,
    );

    await db.query(`
      CREATE TABLE introductions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL REFERENCES municipalities(id),
        service_user_id uuid NOT NULL REFERENCES service_users(id) ON DELETE CASCADE,
        contact_id uuid NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
        decision_id uuid REFERENCES decisions(id) ON DELETE SET NULL,
        -- null when the coordinator picked the contact by hand
        proposal_id uuid REFERENCES proposals(id) ON DELETE SET NULL,
        -- the hours a week the contact will take on; counted against their capacity while the introduction is pending
        weekly_hours numeric(5,2) NOT NULL CHECK (weekly_hours >= 0),
        status introduction_status NOT NULL DEFAULT 'awaiting_booking',
        -- the saksbehandler holding the meeting: the subject of their login
        caseworker text,
        starts_at timestamptz,
        ends_at timestamptz,
        meeting tstzrange GENERATED ALWAYS AS (tstzrange(starts_at, ends_at, '[)')) STORED,
        location text,
        decline_reason text,
        declined_by text,
        assignment_id uuid REFERENCES assignments(id) ON DELETE SET NULL,
        version integer NOT NULL DEFAULT 1,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT introductions_meeting_complete
          CHECK ((starts_at IS NULL) = (ends_at IS NULL) AND (starts_at IS NULL OR ends_at > starts_at)),
        CONSTRAINT introductions_booked_has_meeting
          CHECK (status <> 'booked' OR (starts_at IS NOT NULL AND caseworker IS NOT NULL)),
        CONSTRAINT introductions_declined_has_reason CHECK (status <> 'declined' OR decline_reason IS NOT NULL),
        CONSTRAINT introductions_started_has_assignment CHECK (status <> 'started' OR assignment_id IS NOT NULL),
        CONSTRAINT introductions_contact_not_double_booked
          EXCLUDE USING gist (contact_id WITH =, meeting WITH &&) WHERE (status = 'booked'),
        CONSTRAINT introductions_user_not_double_booked
          EXCLUDE USING gist (service_user_id WITH =, meeting WITH &&) WHERE (status = 'booked'),
        CONSTRAINT introductions_caseworker_not_double_booked
          EXCLUDE USING gist (municipality_id WITH =, caseworker WITH =, meeting WITH &&) WHERE (status = 'booked')
      )`);
    await db.query(
      `CREATE UNIQUE INDEX introductions_one_pending_per_user ON introductions (service_user_id)
        WHERE status IN ('awaiting_booking', 'booked')`,
    );
    await db.query(
      `CREATE INDEX introductions_pending_contact ON introductions (contact_id)
        WHERE status IN ('awaiting_booking', 'booked')`,
    );
    await db.query(
      `CREATE INDEX introductions_municipality ON introductions (municipality_id, created_at DESC)`,
    );

    // A saksbehandler's simple calendar: times they cannot hold a meeting.
    await db.query(`
      CREATE TABLE caseworker_busy_times (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL REFERENCES municipalities(id),
        caseworker text NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        period tstzrange GENERATED ALWAYS AS (tstzrange(starts_at, ends_at, '[)')) STORED,
        note text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT caseworker_busy_times_order CHECK (ends_at > starts_at),
        CONSTRAINT caseworker_busy_times_no_overlap
          EXCLUDE USING gist (municipality_id WITH =, caseworker WITH =, period WITH &&)
      )`);

    // Every state change of a user's case: proposals, introductions and assignments. Append-only by convention.
    await db.query(`
      CREATE TABLE case_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        municipality_id uuid NOT NULL REFERENCES municipalities(id),
        service_user_id uuid NOT NULL REFERENCES service_users(id) ON DELETE CASCADE,
        subject_type text NOT NULL CHECK (subject_type IN ('proposal', 'introduction', 'assignment')),
        subject_id uuid NOT NULL,
        from_state text,
        to_state text NOT NULL,
        reason_code text,
        note text,
        actor text NOT NULL,
        occurred_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await db.query(`CREATE INDEX case_events_subject ON case_events (subject_id, id)`);
    await db.query(`CREATE INDEX case_events_user ON case_events (service_user_id, id)`);
    await db.query(
      `CREATE INDEX case_events_declines ON case_events (municipality_id, occurred_at) WHERE to_state = 'declined'`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE case_events`);
    await db.query(`DROP TABLE caseworker_busy_times`);
    await db.query(`DROP TABLE introductions`);
    await db.query(`DROP TYPE introduction_status`);
  }
}
