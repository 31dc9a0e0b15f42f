import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for "has this user a contact?" (service-user.queries.ts: hasContactSql), asked on every read of a user
 * and by the waiting list: the user's group places, and the contacts assigned to a group. Without them both
 * sides of the group branch were sequential scans.
 */
export class StandingIndexes1763900007000 implements MigrationInterface {
  name = 'StandingIndexes1763900007000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX group_members_service_user ON group_members (service_user_id)`);
    await db.query(`CREATE INDEX assignments_group ON assignments (group_id) WHERE group_id IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX assignments_group`);
    await db.query(`DROP INDEX group_members_service_user`);
  }
}
