import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A daily lapse scan whose every attempt failed ends `failed` with the error, instead of staying `running` for
 * ever (which read as a scan still at work). The enum is rebuilt rather than extended: a value added with
 * ALTER TYPE … ADD VALUE cannot be used by a CHECK in the same transaction.
 */
export class LapseScanFailed1763900026000 implements MigrationInterface {
  name = 'LapseScanFailed1763900026000';

  async up(db: QueryRunner): Promise<void> {
    await this.retype(db, ['queued', 'running', 'completed', 'failed']);
    await db.query(`ALTER TABLE lapse_scans ADD COLUMN error text`);
    await db.query(`
      ALTER TABLE lapse_scans
        ADD CONSTRAINT lapse_scans_finished CHECK ((status IN ('completed', 'failed')) = (finished_at IS NOT NULL)),
        ADD CONSTRAINT lapse_scans_error CHECK ((status = 'failed') = (error IS NOT NULL))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM lapse_scans WHERE status = 'failed'`);
    await db.query(`ALTER TABLE lapse_scans DROP CONSTRAINT lapse_scans_error`);
    await db.query(`ALTER TABLE lapse_scans DROP COLUMN error`);
    await this.retype(db, ['queued', 'running', 'completed']);
    await db.query(
      `ALTER TABLE lapse_scans ADD CONSTRAINT lapse_scans_check CHECK ((status = 'completed') = (finished_at IS NOT NULL))`,
    );
  }

  /** Rebuilds lapse_scan_status with these values; drops the finished CHECK, which the caller writes again. */
  private async retype(db: QueryRunner, values: string[]): Promise<void> {
    await db.query(`ALTER TABLE lapse_scans DROP CONSTRAINT IF EXISTS lapse_scans_check`);
    await db.query(`ALTER TABLE lapse_scans DROP CONSTRAINT IF EXISTS lapse_scans_finished`);
    await db.query(`DROP INDEX lapse_scans_queued`);
    await db.query(`ALTER TABLE lapse_scans ALTER COLUMN status DROP DEFAULT, ALTER COLUMN status TYPE text`);
    await db.query(`DROP TYPE lapse_scan_status`);
    await db.query(`CREATE TYPE lapse_scan_status AS ENUM (${values.map((v) => `'${v}'`).join(', ')})`);
    await db.query(`
      ALTER TABLE lapse_scans
        ALTER COLUMN status TYPE lapse_scan_status USING status::lapse_scan_status,
        ALTER COLUMN status SET DEFAULT 'queued'`);
    await db.query(`CREATE INDEX lapse_scans_queued ON lapse_scans (created_at) WHERE status = 'queued'`);
  }
}
