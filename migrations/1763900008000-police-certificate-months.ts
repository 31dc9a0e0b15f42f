import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * "No older than 3 months" is read in calendar months (DOMAIN, facts), not 90 days: the municipal setting is kept
 * in months. Down converts back at 30 days a month.
 */
export class PoliceCertificateMonths1763900008000 implements MigrationInterface {
  name = 'PoliceCertificateMonths1763900008000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `ALTER TABLE municipalities ADD COLUMN police_certificate_max_age_months integer NOT NULL DEFAULT 3
         CHECK (police_certificate_max_age_months BETWEEN 1 AND 24)`,
    );
    await db.query(
      `UPDATE municipalities
          SET police_certificate_max_age_months = LEAST(24, GREATEST(1, round(police_certificate_max_age_days / 30.0)))`,
    );
    await db.query(`ALTER TABLE municipalities DROP COLUMN police_certificate_max_age_days`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(
      `ALTER TABLE municipalities ADD COLUMN police_certificate_max_age_days integer NOT NULL DEFAULT 90
         CHECK (police_certificate_max_age_days BETWEEN 1 AND 3650)`,
    );
    await db.query(
      `UPDATE municipalities SET police_certificate_max_age_days = police_certificate_max_age_months * 30`,
    );
    await db.query(`ALTER TABLE municipalities DROP COLUMN police_certificate_max_age_months`);
  }
}
