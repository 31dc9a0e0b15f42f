import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Ledsagerbevis (companion card) on the user, as the coordinator records it: the user has one, has applied, or has
 * none; NULL while nobody has recorded it. The contact sees it (it decides whether they get in free).
 */
export class CompanionCard1763900023000 implements MigrationInterface {
  name = 'CompanionCard1763900023000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TYPE companion_card AS ENUM ('has', 'applied', 'none')`);
    await db.query(`ALTER TABLE service_users ADD COLUMN companion_card companion_card`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE service_users DROP COLUMN companion_card`);
    await db.query(`DROP TYPE companion_card`);
  }
}
