import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Activity groups that form themselves (aktivitetsgruppe, DOMAIN rule 2): the matching run proposes new groups
 * of 3–6 users with 1–2 contacts, and newcomers for open seats of existing groups (group_id set). A coordinator
 * accepts (the group, its members and its contacts' assignments are created then) or declines with a reason.
 * A user is in at most one group proposal per run (UNIQUE on the members table).
 */
export class GroupProposals1763900004000 implements MigrationInterface {
  name = 'GroupProposals1763900004000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE TYPE group_proposal_status AS ENUM ('open', 'superseded', 'accepted', 'declined')`,
    );
    await db.query(`
      CREATE TABLE group_proposals (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL REFERENCES municipalities(id),
        run_id uuid NOT NULL REFERENCES matching_runs(id) ON DELETE CASCADE,
        -- set when the proposal fills open seats of an existing group rather than forming a new one
        group_id uuid REFERENCES activity_groups(id) ON DELETE CASCADE,
        name_suggestion text NOT NULL CHECK (length(trim(name_suggestion)) > 0),
        interests text[] NOT NULL DEFAULT '{}',
        meeting_day text NOT NULL CHECK (meeting_day IN ('mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun')),
        meeting_start time NOT NULL,
        meeting_end time NOT NULL,
        centre_latitude double precision NOT NULL CHECK (centre_latitude BETWEEN -90 AND 90),
        centre_longitude double precision NOT NULL CHECK (centre_longitude BETWEEN -180 AND 180),
        -- hours a week the group takes of each of its contacts' capacity
        weekly_hours numeric(5,2) NOT NULL CHECK (weekly_hours > 0 AND weekly_hours <= 80),
        score integer NOT NULL,
        reason text NOT NULL,
        status group_proposal_status NOT NULL DEFAULT 'open',
        decline_reason text,
        -- the group the accepted proposal became (or filled)
        accepted_group_id uuid REFERENCES activity_groups(id) ON DELETE SET NULL,
        status_changed_at timestamptz,
        status_changed_by text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT group_proposals_meeting_order CHECK (meeting_end > meeting_start),
        CONSTRAINT group_proposals_declined_has_reason CHECK (status <> 'declined' OR decline_reason IS NOT NULL)
      )`);
    await db.query(`CREATE INDEX group_proposals_run ON group_proposals (run_id)`);
    await db.query(
      `CREATE INDEX group_proposals_open ON group_proposals (municipality_id) WHERE status = 'open'`,
    );

    await db.query(`
      CREATE TABLE group_proposal_members (
        proposal_id uuid NOT NULL REFERENCES group_proposals(id) ON DELETE CASCADE,
        -- the proposal's run, so that one user is in one group proposal per run at most
        run_id uuid NOT NULL REFERENCES matching_runs(id) ON DELETE CASCADE,
        service_user_id uuid NOT NULL REFERENCES service_users(id) ON DELETE CASCADE,
        PRIMARY KEY (proposal_id, service_user_id),
        CONSTRAINT group_proposal_members_one_per_run UNIQUE (run_id, service_user_id)
      )`);
    await db.query(`CREATE INDEX group_proposal_members_user ON group_proposal_members (service_user_id)`);

    // One or two contacts (DOMAIN rule 2): position 1..2, unique per proposal.
    await db.query(`
      CREATE TABLE group_proposal_contacts (
        proposal_id uuid NOT NULL REFERENCES group_proposals(id) ON DELETE CASCADE,
        contact_id uuid NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
        position smallint NOT NULL CHECK (position BETWEEN 1 AND 2),
        PRIMARY KEY (proposal_id, contact_id),
        CONSTRAINT group_proposal_contacts_position_unique UNIQUE (proposal_id, position)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE group_proposal_contacts`);
    await db.query(`DROP TABLE group_proposal_members`);
    await db.query(`DROP TABLE group_proposals`);
    await db.query(`DROP TYPE group_proposal_status`);
  }
}
