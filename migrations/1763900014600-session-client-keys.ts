import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A session logged on a phone without network is kept there and sent when the network is back: the phone names
 * it with a key of its own (Idempotency-Key), so a session sent twice is stored once.
 */
export class SessionClientKeys1763900014600 implements MigrationInterface {
  name = 'SessionClientKeys1763900014600';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE sessions ADD COLUMN client_key uuid`);
    await db.query(
      `CREATE UNIQUE INDEX sessions_one_per_client_key ON sessions (contact_id, client_key)
        WHERE client_key IS NOT NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX sessions_one_per_client_key`);
    await db.query(`ALTER TABLE sessions DROP COLUMN client_key`);
  }
}
