import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Expensive work is capped: one manual matching run queued or running per municipality. A second request while
 * one is on its way would only repeat it (and thirty requests made thirty runs), so the database refuses it and
 * the API answers 409 with the pending run's id. Runs already piled up are closed as superseded, newest kept.
 */
export class OnePendingManualRun1763900015000 implements MigrationInterface {
  name = 'OnePendingManualRun1763900015000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      UPDATE matching_runs SET status = 'failed', failure_reason = 'superseded by a newer manual run',
             finished_at = now()
       WHERE trigger = 'manual' AND status IN ('queued', 'running')
         AND id NOT IN (SELECT DISTINCT ON (municipality_id) id FROM matching_runs
                         WHERE trigger = 'manual' AND status IN ('queued', 'running')
                         ORDER BY municipality_id, created_at DESC)`);
    await db.query(`
      CREATE UNIQUE INDEX matching_runs_one_pending_manual ON matching_runs (municipality_id)
        WHERE trigger = 'manual' AND status IN ('queued', 'running')`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX matching_runs_one_pending_manual`);
  }
}
