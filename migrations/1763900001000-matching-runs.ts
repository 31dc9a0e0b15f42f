import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Matching runs and their proposals. A run row is written before its job is enqueued and is the outbox for it:
 * a run still 'queued' after a while is enqueued again (same job id, so never twice at once).
 * One nightly run per municipality and date is a UNIQUE constraint, so several API instances cannot double it.
 */
export class MatchingRuns1763900001000 implements MigrationInterface {
  name = 'MatchingRuns1763900001000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TYPE matching_trigger AS ENUM ('nightly', 'manual')`);
    await db.query(`CREATE TYPE matching_run_status AS ENUM ('queued', 'running', 'completed', 'failed')`);
    await db.query(`CREATE TYPE proposal_status AS ENUM ('open', 'superseded', 'accepted', 'declined')`);
    await db.query(`CREATE TYPE exclusion_reason AS ENUM ('close_relative', 'declined', 'other')`);

    await db.query(`
      CREATE TABLE matching_runs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL REFERENCES municipalities(id),
        trigger matching_trigger NOT NULL,
        -- the Oslo date the run belongs to; one nightly run per municipality and date
        run_date date NOT NULL,
        status matching_run_status NOT NULL DEFAULT 'queued',
        progress integer NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
        attempts integer NOT NULL DEFAULT 0,
        summary jsonb,
        failure_reason text,
        requested_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz
      )`);
    await db.query(
      `CREATE UNIQUE INDEX matching_runs_one_nightly ON matching_runs (municipality_id, run_date) WHERE trigger = 'nightly'`,
    );
    await db.query(
      `CREATE INDEX matching_runs_municipality_created ON matching_runs (municipality_id, created_at DESC)`,
    );
    await db.query(
      `CREATE INDEX matching_runs_pending ON matching_runs (created_at) WHERE status IN ('queued', 'running')`,
    );

    await db.query(`
      CREATE TABLE proposals (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL REFERENCES municipalities(id),
        run_id uuid NOT NULL REFERENCES matching_runs(id) ON DELETE CASCADE,
        service_user_id uuid NOT NULL REFERENCES service_users(id) ON DELETE CASCADE,
        contact_id uuid NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
        decision_id uuid REFERENCES decisions(id) ON DELETE SET NULL,
        score integer NOT NULL,
        components jsonb NOT NULL,
        reason text NOT NULL,
        status proposal_status NOT NULL DEFAULT 'open',
        status_changed_at timestamptz,
        status_changed_by text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT proposals_one_per_user_and_run UNIQUE (run_id, service_user_id)
      )`);
    await db.query(`CREATE INDEX proposals_user ON proposals (service_user_id, created_at DESC)`);
    await db.query(`CREATE INDEX proposals_contact ON proposals (contact_id, created_at DESC)`);
    await db.query(`CREATE INDEX proposals_open ON proposals (municipality_id) WHERE status = 'open'`);

    // Pairs that must never be proposed: close relatives, and pairs declined before.
    await db.query(`
      CREATE TABLE pair_exclusions (
        municipality_id uuid NOT NULL REFERENCES municipalities(id),
        service_user_id uuid NOT NULL REFERENCES service_users(id) ON DELETE CASCADE,
        contact_id uuid NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
        reason exclusion_reason NOT NULL,
        note text,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (service_user_id, contact_id)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE pair_exclusions`);
    await db.query(`DROP TABLE proposals`);
    await db.query(`DROP TABLE matching_runs`);
    await db.query(`DROP TYPE exclusion_reason`);
    await db.query(`DROP TYPE proposal_status`);
    await db.query(`DROP TYPE matching_run_status`);
    await db.query(`DROP TYPE matching_trigger`);
  }
}
