import { MigrationInterface, QueryRunner } from 'typeorm';

/** Introduction meetings are held in the municipality's meeting hours; by default Monday–Friday 08:00–16:00 Oslo. */
export class MeetingHours1763900010000 implements MigrationInterface {
  name = 'MeetingHours1763900010000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `ALTER TABLE municipalities ADD COLUMN meeting_hours jsonb NOT NULL DEFAULT
         '[{"day":"mon","start":"08:00","end":"16:00"},{"day":"tue","start":"08:00","end":"16:00"},
           {"day":"wed","start":"08:00","end":"16:00"},{"day":"thu","start":"08:00","end":"16:00"},
           {"day":"fri","start":"08:00","end":"16:00"}]'
         CHECK (jsonb_typeof(meeting_hours) = 'array')`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE municipalities DROP COLUMN meeting_hours`);
  }
}
