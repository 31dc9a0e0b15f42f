import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The recruitment plan of a run (issue 17): which støttekontakter to recruit to serve the users the run left
 * waiting. Computed by the worker from the run's own instance and kept with the run, as its summary is; aggregate
 * only (counts, postal codes, waiting days), no user's id or name. Runs before this have none.
 */
export class RecruitmentPlan1763900016000 implements MigrationInterface {
  name = 'RecruitmentPlan1763900016000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE matching_runs ADD COLUMN recruitment jsonb`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE matching_runs DROP COLUMN recruitment`);
  }
}
