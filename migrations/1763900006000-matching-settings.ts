import { MigrationInterface, QueryRunner } from 'typeorm';

/** Each municipality may tune the matching (travel radius, meeting length, score weights); empty = the defaults. */
export class MatchingSettings1763900006000 implements MigrationInterface {
  name = 'MatchingSettings1763900006000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `ALTER TABLE municipalities ADD COLUMN matching_settings jsonb NOT NULL DEFAULT '{}'
         CHECK (jsonb_typeof(matching_settings) = 'object')`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE municipalities DROP COLUMN matching_settings`);
  }
}
