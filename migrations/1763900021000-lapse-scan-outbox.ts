import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The daily lapse scan through an outbox, like matching runs: the morning tick writes the day's `lapse_scans`
 * row first and enqueues its job after, and a relay enqueues rows no worker picked up, so a Redis outage at the
 * scan's hour delays that day's scan instead of losing it. The table of that name so far held each
 * municipality's last scan date (which a rescan on demand also moves); it keeps that role under a name that
 * says so.
 */
export class LapseScanOutbox1763900021000 implements MigrationInterface {
  name = 'LapseScanOutbox1763900021000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE lapse_scans RENAME TO municipality_lapse_scans`);
    await db.query(`ALTER INDEX lapse_scans_pkey RENAME TO municipality_lapse_scans_pkey`);
    await db.query(
      `ALTER TABLE municipality_lapse_scans RENAME CONSTRAINT lapse_scans_municipality_id_fkey
         TO municipality_lapse_scans_municipality_id_fkey`,
    );
    await db.query(`CREATE TYPE lapse_scan_status AS ENUM ('queued', 'running', 'completed')`);
    await db.query(`
      CREATE TABLE lapse_scans (
        -- one daily scan of every municipality per date (Europe/Oslo)
        scan_date date PRIMARY KEY,
        status lapse_scan_status NOT NULL DEFAULT 'queued',
        attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz,
        CHECK ((status = 'completed') = (finished_at IS NOT NULL))
      )`);
    await db.query(`CREATE INDEX lapse_scans_queued ON lapse_scans (created_at) WHERE status = 'queued'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE lapse_scans`);
    await db.query(`DROP TYPE lapse_scan_status`);
    await db.query(
      `ALTER TABLE municipality_lapse_scans RENAME CONSTRAINT municipality_lapse_scans_municipality_id_fkey
         TO lapse_scans_municipality_id_fkey`,
    );
    await db.query(`ALTER INDEX municipality_lapse_scans_pkey RENAME TO lapse_scans_pkey`);
    await db.query(`ALTER TABLE municipality_lapse_scans RENAME TO lapse_scans`);
  }
}
