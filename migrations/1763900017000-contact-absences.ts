import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A støttekontakt's absences (ferie, issue 16 "Tilgjengelighet"; issue 14): whole Oslo calendar days, first and
 * last day included. While absent a contact is not proposed, no introduction meeting is suggested or booked, and
 * no session is logged. One contact's absences never overlap (they would only be one longer absence).
 */
export class ContactAbsences1763900017000 implements MigrationInterface {
  name = 'ContactAbsences1763900017000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE contact_absences (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
        contact_id uuid NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        days daterange GENERATED ALWAYS AS (daterange(starts_on, ends_on, '[]')) STORED,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT contact_absences_order CHECK (ends_on >= starts_on),
        CONSTRAINT contact_absences_at_most_a_year CHECK (ends_on - starts_on < 366),
        CONSTRAINT contact_absences_no_overlap EXCLUDE USING gist (contact_id WITH =, days WITH &&)
      )`);
    await db.query(`CREATE INDEX contact_absences_contact ON contact_absences (contact_id, ends_on)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE contact_absences`);
  }
}
