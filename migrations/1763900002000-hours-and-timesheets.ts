import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hours, driving and timesheets (issue 5; DOMAIN rules 3–5): sessions a contact logs on an assignment, who was
 * present (a group session counts for every member present), coordinators' approved quota overruns, timesheets
 * per assignment and pay period (signed by the user or a guardian, then approved), and the municipal rates.
 *
 * What must never break is here: a contact's live sessions never overlap (exclusion constraint), a session
 * never crosses midnight, a signed timesheet and its sessions never change (triggers; a correction is a new
 * session that replaces the old one, which is only marked as replaced).
 */
export class HoursAndTimesheets1763900002000 implements MigrationInterface {
  name = 'HoursAndTimesheets1763900002000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TYPE timesheet_status AS ENUM ('open', 'signed', 'approved')`);
    await db.query(`CREATE TYPE timesheet_signer AS ENUM ('user', 'guardian')`);
    await db.query(`CREATE TYPE quota_kind AS ENUM ('hours', 'km')`);

    await db.query(`
      CREATE TABLE pay_settings (
        municipality_id uuid PRIMARY KEY REFERENCES municipalities(id) ON DELETE CASCADE,
        -- pay periods run from this day of a month to the day before it in the next (default 21st → 20th)
        pay_period_start_day smallint NOT NULL DEFAULT 21 CHECK (pay_period_start_day BETWEEN 1 AND 28),
        updated_by text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await db.query(`
      CREATE TABLE compensation_rates (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
        valid_from date NOT NULL,
        hourly_rate_ore integer NOT NULL CHECK (hourly_rate_ore BETWEEN 0 AND 10000000),
        km_rate_ore integer NOT NULL CHECK (km_rate_ore BETWEEN 0 AND 100000),
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT compensation_rates_one_per_day UNIQUE (municipality_id, valid_from)
      )`);

    await db.query(`
      CREATE TABLE timesheets (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL REFERENCES municipalities(id),
        assignment_id uuid NOT NULL REFERENCES assignments(id),
        contact_id uuid NOT NULL REFERENCES contacts(id),
        period_start date NOT NULL,
        period_end date NOT NULL,
        status timesheet_status NOT NULL DEFAULT 'open',
        signed_by timesheet_signer,
        signer_service_user_id uuid REFERENCES service_users(id),
        -- the user's or the guardian's name as on record when signed
        signer_name text,
        signed_at timestamptz,
        signature_recorded_by text,
        signature_recorded_at timestamptz,
        approved_by text,
        approved_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT timesheets_one_per_period UNIQUE (assignment_id, period_start),
        CONSTRAINT timesheets_period_order CHECK (period_end >= period_start),
        CONSTRAINT timesheets_signature_complete CHECK (
          (status = 'open') = (signed_at IS NULL)
          AND (status = 'open' OR (signed_by IS NOT NULL AND signer_service_user_id IS NOT NULL
                                   AND signer_name IS NOT NULL AND signature_recorded_by IS NOT NULL
                                   AND signature_recorded_at IS NOT NULL))),
        CONSTRAINT timesheets_approval_complete CHECK (
          (status = 'approved') = (approved_at IS NOT NULL) AND (approved_at IS NULL) = (approved_by IS NULL))
      )`);
    await db.query(
      `CREATE INDEX timesheets_municipality_period ON timesheets (municipality_id, period_start, status)`,
    );
    await db.query(`CREATE INDEX timesheets_contact ON timesheets (contact_id, period_start DESC)`);

    await db.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL REFERENCES municipalities(id),
        assignment_id uuid NOT NULL REFERENCES assignments(id),
        contact_id uuid NOT NULL REFERENCES contacts(id),
        timesheet_id uuid NOT NULL REFERENCES timesheets(id),
        session_date date NOT NULL,
        starts_at time NOT NULL,
        ends_at time NOT NULL,
        minutes integer GENERATED ALWAYS AS ((EXTRACT(EPOCH FROM (ends_at - starts_at)) / 60)::integer) STORED,
        period tsrange GENERATED ALWAYS AS (tsrange(session_date + starts_at, session_date + ends_at, '[)')) STORED,
        activity text NOT NULL CHECK (length(trim(activity)) BETWEEN 1 AND 200),
        -- km driven with the user(s) as passenger, in tenths of a km
        km_tenths integer NOT NULL DEFAULT 0 CHECK (km_tenths BETWEEN 0 AND 100000),
        -- the contact's own outlays, reimbursed with the pay (øre)
        expenses_ore integer NOT NULL DEFAULT 0 CHECK (expenses_ore BETWEEN 0 AND 10000000),
        expenses_note text,
        corrects_session_id uuid REFERENCES sessions(id),
        correction_reason text,
        -- set once, when a correction replaces this session; the session itself never changes
        superseded_at timestamptz,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT sessions_end_after_start CHECK (ends_at > starts_at OR ends_at = '24:00'::time),
        CONSTRAINT sessions_minutes_positive CHECK (minutes > 0),
        CONSTRAINT sessions_correction_has_reason CHECK ((corrects_session_id IS NULL) = (correction_reason IS NULL)),
        CONSTRAINT sessions_corrected_once UNIQUE (corrects_session_id),
        CONSTRAINT sessions_no_overlap EXCLUDE USING gist (contact_id WITH =, period WITH &&)
          WHERE (superseded_at IS NULL)
      )`);
    await db.query(`CREATE INDEX sessions_timesheet ON sessions (timesheet_id)`);
    await db.query(`CREATE INDEX sessions_assignment_date ON sessions (assignment_id, session_date)`);
    await db.query(`CREATE INDEX sessions_municipality_date ON sessions (municipality_id, session_date)`);

    await db.query(`
      CREATE TABLE session_attendees (
        session_id uuid NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        service_user_id uuid NOT NULL REFERENCES service_users(id),
        -- the vedtak whose quota the session counts against
        decision_id uuid NOT NULL REFERENCES decisions(id),
        -- this passenger's share of the session's km (tenths); the shares add up to the session's km
        km_share_tenths integer NOT NULL CHECK (km_share_tenths >= 0),
        PRIMARY KEY (session_id, service_user_id)
      )`);
    await db.query(`CREATE INDEX session_attendees_decision ON session_attendees (decision_id)`);
    await db.query(`CREATE INDEX session_attendees_user ON session_attendees (service_user_id)`);

    await db.query(`
      CREATE TABLE quota_overruns (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL REFERENCES municipalities(id),
        decision_id uuid NOT NULL REFERENCES decisions(id) ON DELETE CASCADE,
        kind quota_kind NOT NULL,
        period_start date NOT NULL,
        period_end date NOT NULL,
        -- minutes for hours, tenths of a km for km
        extra integer NOT NULL CHECK (extra > 0),
        reason text NOT NULL CHECK (length(trim(reason)) BETWEEN 3 AND 1000),
        approved_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT quota_overruns_period_order CHECK (period_end >= period_start)
      )`);
    await db.query(
      `CREATE INDEX quota_overruns_decision ON quota_overruns (decision_id, kind, period_start)`,
    );

    // A session on a signed timesheet never changes and is never deleted; the only write ever allowed on a
    // session is marking it replaced by a correction, once.
    await db.query(`
      CREATE FUNCTION sessions_are_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' THEN
          -- generated columns are not computed yet in a BEFORE trigger, so they are left out of the comparison
          IF OLD.superseded_at IS NOT NULL
             OR (to_jsonb(NEW) - ARRAY['superseded_at', 'minutes', 'period'])
                IS DISTINCT FROM (to_jsonb(OLD) - ARRAY['superseded_at', 'minutes', 'period']) THEN
            RAISE EXCEPTION 'a logged session never changes; log a correction instead'
              USING ERRCODE = 'check_violation', CONSTRAINT = 'sessions_immutable';
          END IF;
          RETURN NEW;
        END IF;
        IF EXISTS (SELECT 1 FROM timesheets t WHERE t.id = OLD.timesheet_id AND t.status <> 'open') THEN
          RAISE EXCEPTION 'a session on a signed timesheet cannot be deleted'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'sessions_signed_immutable';
        END IF;
        RETURN OLD;
      END $$`);
    await db.query(`
      CREATE TRIGGER sessions_are_immutable BEFORE UPDATE OR DELETE ON sessions
      FOR EACH ROW EXECUTE FUNCTION sessions_are_immutable()`);
    await db.query(`
      CREATE FUNCTION sessions_only_on_open_timesheets() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM timesheets t WHERE t.id = NEW.timesheet_id AND t.status <> 'open') THEN
          RAISE EXCEPTION 'a signed timesheet takes no new sessions'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'sessions_signed_immutable';
        END IF;
        RETURN NEW;
      END $$`);
    await db.query(`
      CREATE TRIGGER sessions_only_on_open_timesheets BEFORE INSERT ON sessions
      FOR EACH ROW EXECUTE FUNCTION sessions_only_on_open_timesheets()`);

    // A signed timesheet keeps its signature; the only step left is approval, and an approved one is final.
    await db.query(`
      CREATE FUNCTION timesheets_are_immutable_once_signed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          IF OLD.status <> 'open' THEN
            RAISE EXCEPTION 'a signed timesheet cannot be deleted'
              USING ERRCODE = 'check_violation', CONSTRAINT = 'timesheets_immutable';
          END IF;
          RETURN OLD;
        END IF;
        IF OLD.status = 'approved'
           OR (OLD.status = 'signed' AND (NEW.status <> 'approved'
               OR (to_jsonb(NEW) - ARRAY['status', 'approved_by', 'approved_at', 'version'])
                  IS DISTINCT FROM (to_jsonb(OLD) - ARRAY['status', 'approved_by', 'approved_at', 'version']))) THEN
          RAISE EXCEPTION 'a signed timesheet never changes but for its approval'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'timesheets_immutable';
        END IF;
        RETURN NEW;
      END $$`);
    await db.query(`
      CREATE TRIGGER timesheets_are_immutable_once_signed BEFORE UPDATE OR DELETE ON timesheets
      FOR EACH ROW EXECUTE FUNCTION timesheets_are_immutable_once_signed()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE quota_overruns`);
    await db.query(`DROP TABLE session_attendees`);
    await db.query(`DROP TABLE sessions`);
    await db.query(`DROP TABLE timesheets`);
    await db.query(`DROP TABLE compensation_rates`);
    await db.query(`DROP TABLE pay_settings`);
    await db.query(`DROP FUNCTION timesheets_are_immutable_once_signed()`);
    await db.query(`DROP FUNCTION sessions_only_on_open_timesheets()`);
    await db.query(`DROP FUNCTION sessions_are_immutable()`);
    await db.query(`DROP TYPE quota_kind`);
    await db.query(`DROP TYPE timesheet_signer`);
    await db.query(`DROP TYPE timesheet_status`);
  }
}
