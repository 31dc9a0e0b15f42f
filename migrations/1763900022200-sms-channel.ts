import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * SMS beside e-mail (issue 16 "Notifications"; "SMS through the same outbox once a municipality's SMS provider is
 * configured"): `notify_by` and the outbox's `channel` gain 'sms'. A contact's and a user's number is the one on
 * their record (`phone`, `guardian_phone`); staff, who are token subjects, keep theirs with their settings.
 */
export class SmsChannel1763900022200 implements MigrationInterface {
  name = 'SmsChannel1763900022200';

  async up(db: QueryRunner): Promise<void> {
    // ADD VALUE may run in a transaction, but the new value is not used before the migration commits.
    await db.query(`ALTER TYPE notify_channel ADD VALUE IF NOT EXISTS 'sms'`);
    await db.query(`
      ALTER TABLE staff_notification_settings
        ADD COLUMN phone text CHECK (phone IS NULL OR phone ~ '^\\+?[0-9 ]{8,18}$')`);
  }

  async down(db: QueryRunner): Promise<void> {
    // PostgreSQL cannot drop an enum value: rows on 'sms' go back to e-mail, and the value stays unused.
    await db.query(`UPDATE contacts SET notify_by = 'email' WHERE notify_by::text = 'sms'`);
    await db.query(`UPDATE service_users SET notify_by = 'email' WHERE notify_by::text = 'sms'`);
    await db.query(
      `UPDATE staff_notification_settings SET notify_by = 'email' WHERE notify_by::text = 'sms'`,
    );
    await db.query(`ALTER TABLE staff_notification_settings DROP COLUMN phone`);
  }
}
