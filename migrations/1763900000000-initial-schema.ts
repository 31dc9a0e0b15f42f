import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The register's first schema: municipalities and their settings, the interest vocabulary, the roster
 * (contacts), service users with their decisions (vedtak), activity groups and assignments (oppdrag).
 * Invariants that must never break are constraints here, not only checks in the service.
 */
export class InitialSchema1763900000000 implements MigrationInterface {
  name = 'InitialSchema1763900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    await db.query(`CREATE TYPE gender AS ENUM ('female', 'male', 'other')`);
    await db.query(`CREATE TYPE service_form AS ENUM ('individual', 'group', 'volunteer_partnership')`);
    await db.query(`CREATE TYPE quota_period AS ENUM ('week', 'month')`);
    await db.query(`CREATE TYPE group_status AS ENUM ('forming', 'active', 'closed')`);
    await db.query(
      `CREATE TYPE assignment_end_reason AS ENUM ('user_moved', 'contact_quit', 'decision_expired', 'needs_changed', 'not_a_good_match', 'eligibility_lapsed', 'other')`,
    );

    await db.query(`
      CREATE TABLE municipalities (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
        -- kommunenummer, four digits
        code char(4) UNIQUE CHECK (code ~ '^[0-9]{4}$'),
        police_certificate_max_age_days integer NOT NULL DEFAULT 90 CHECK (police_certificate_max_age_days BETWEEN 1 AND 3650),
        police_certificate_validity_months integer NOT NULL DEFAULT 36 CHECK (police_certificate_validity_months BETWEEN 1 AND 120),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);

    await db.query(`
      CREATE TABLE interests (
        municipality_id uuid NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
        code text NOT NULL CHECK (code ~ '^[a-z][a-z0-9_]{1,39}$'),
        label text NOT NULL CHECK (length(trim(label)) > 0),
        PRIMARY KEY (municipality_id, code)
      )`);

    await db.query(`
      CREATE TABLE contacts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL REFERENCES municipalities(id),
        first_name text NOT NULL CHECK (length(trim(first_name)) > 0),
        last_name text NOT NULL CHECK (length(trim(last_name)) > 0),
        email text,
        phone text,
        birth_year integer NOT NULL CHECK (birth_year BETWEEN 1900 AND 2100),
        gender gender,
        languages text[] NOT NULL DEFAULT '{}',
        postal_code char(4) CHECK (postal_code ~ '^[0-9]{4}$'),
        latitude double precision CHECK (latitude BETWEEN -90 AND 90),
        longitude double precision CHECK (longitude BETWEEN -180 AND 180),
        interests text[] NOT NULL DEFAULT '{}',
        availability jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(availability) = 'array'),
        max_users integer NOT NULL DEFAULT 1 CHECK (max_users BETWEEN 0 AND 50),
        max_weekly_hours numeric(5,2) NOT NULL DEFAULT 6 CHECK (max_weekly_hours BETWEEN 0 AND 80),
        drives_own_car boolean NOT NULL DEFAULT false,
        police_certificate_issued_on date,
        police_certificate_presented_on date,
        confidentiality_signed_on date,
        active boolean NOT NULL DEFAULT true,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT contacts_coordinates_together CHECK ((latitude IS NULL) = (longitude IS NULL)),
        CONSTRAINT contacts_certificate_presented_after_issue
          CHECK (police_certificate_presented_on IS NULL OR police_certificate_issued_on IS NULL
                 OR police_certificate_presented_on >= police_certificate_issued_on),
        CONSTRAINT contacts_email_unique UNIQUE (municipality_id, email)
      )`);
    await db.query(
      `CREATE INDEX contacts_municipality_name ON contacts (municipality_id, last_name, first_name)`,
    );

    await db.query(`
      CREATE TABLE service_users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL REFERENCES municipalities(id),
        -- fødselsnummer or D-number; validated by the service, never in a URL or a log line
        national_id char(11) NOT NULL CHECK (national_id ~ '^[0-9]{11}$'),
        first_name text NOT NULL CHECK (length(trim(first_name)) > 0),
        last_name text NOT NULL CHECK (length(trim(last_name)) > 0),
        birth_date date NOT NULL,
        gender gender,
        phone text,
        languages text[] NOT NULL DEFAULT '{}',
        postal_code char(4) CHECK (postal_code ~ '^[0-9]{4}$'),
        latitude double precision CHECK (latitude BETWEEN -90 AND 90),
        longitude double precision CHECK (longitude BETWEEN -180 AND 180),
        interests text[] NOT NULL DEFAULT '{}',
        availability jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(availability) = 'array'),
        -- "Hva er viktig for deg?": the user's own words; may hold health-related information
        wishes text,
        preferred_contact_gender gender,
        preferred_language text,
        preferred_contact_age_min integer CHECK (preferred_contact_age_min BETWEEN 18 AND 100),
        preferred_contact_age_max integer CHECK (preferred_contact_age_max BETWEEN 18 AND 100),
        guardian_name text,
        guardian_phone text,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT service_users_national_id_unique UNIQUE (municipality_id, national_id),
        CONSTRAINT service_users_coordinates_together CHECK ((latitude IS NULL) = (longitude IS NULL)),
        CONSTRAINT service_users_age_band CHECK (preferred_contact_age_min IS NULL OR preferred_contact_age_max IS NULL
                 OR preferred_contact_age_min <= preferred_contact_age_max)
      )`);
    await db.query(
      `CREATE INDEX service_users_municipality_name ON service_users (municipality_id, last_name, first_name)`,
    );

    await db.query(`
      CREATE TABLE decisions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL REFERENCES municipalities(id),
        service_user_id uuid NOT NULL REFERENCES service_users(id) ON DELETE CASCADE,
        service_form service_form NOT NULL,
        hours_granted numeric(6,2) NOT NULL CHECK (hours_granted >= 0 AND hours_granted <= 744),
        hours_period quota_period NOT NULL,
        driving_km_granted integer NOT NULL DEFAULT 0 CHECK (driving_km_granted >= 0),
        driving_period quota_period NOT NULL DEFAULT 'month',
        decided_on date NOT NULL,
        valid_from date NOT NULL,
        valid_to date NOT NULL,
        -- barnevernstjenesten may grant the service to a child under school age (DOMAIN rule 6)
        granted_by_child_welfare boolean NOT NULL DEFAULT false,
        -- when the need for a contact arose; the waiting list is ordered by it
        waiting_since date NOT NULL,
        -- the reasoned decision; health-related, staff only
        decision_text text,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT decisions_period_order CHECK (valid_to >= valid_from)
      )`);
    await db.query(`CREATE INDEX decisions_user_period ON decisions (service_user_id, valid_from DESC)`);
    await db.query(
      `CREATE INDEX decisions_municipality_waiting ON decisions (municipality_id, waiting_since)`,
    );

    await db.query(`
      CREATE TABLE activity_groups (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL REFERENCES municipalities(id),
        name text NOT NULL CHECK (length(trim(name)) > 0),
        interests text[] NOT NULL DEFAULT '{}',
        postal_code char(4) CHECK (postal_code ~ '^[0-9]{4}$'),
        latitude double precision CHECK (latitude BETWEEN -90 AND 90),
        longitude double precision CHECK (longitude BETWEEN -180 AND 180),
        meeting_times jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(meeting_times) = 'array'),
        status group_status NOT NULL DEFAULT 'forming',
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT activity_groups_name_unique UNIQUE (municipality_id, name)
      )`);

    // A group has at most 6 members (DOMAIN rule 2): each member holds one of seats 1..6.
    await db.query(`
      CREATE TABLE group_members (
        group_id uuid NOT NULL REFERENCES activity_groups(id) ON DELETE CASCADE,
        service_user_id uuid NOT NULL REFERENCES service_users(id),
        seat smallint NOT NULL CHECK (seat BETWEEN 1 AND 6),
        joined_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (group_id, service_user_id),
        CONSTRAINT group_members_seat_unique UNIQUE (group_id, seat)
      )`);

    await db.query(`
      CREATE TABLE assignments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL REFERENCES municipalities(id),
        contact_id uuid NOT NULL REFERENCES contacts(id),
        service_user_id uuid REFERENCES service_users(id),
        group_id uuid REFERENCES activity_groups(id),
        decision_id uuid REFERENCES decisions(id),
        -- hours a week the assignment takes of the contact's capacity
        weekly_hours numeric(5,2) NOT NULL CHECK (weekly_hours >= 0 AND weekly_hours <= 80),
        starts_on date NOT NULL,
        ends_on date,
        end_reason assignment_end_reason,
        end_note text,
        -- a group is run by one or two contacts (DOMAIN rule 2): seats 1..2 among its open assignments
        group_contact_seat smallint CHECK (group_contact_seat BETWEEN 1 AND 2),
        version integer NOT NULL DEFAULT 1,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT assignments_one_subject CHECK ((service_user_id IS NULL) <> (group_id IS NULL)),
        CONSTRAINT assignments_group_seat CHECK ((group_id IS NULL) = (group_contact_seat IS NULL)),
        CONSTRAINT assignments_period_order CHECK (ends_on IS NULL OR ends_on >= starts_on),
        CONSTRAINT assignments_end_has_reason CHECK ((ends_on IS NULL) = (end_reason IS NULL))
      )`);
    await db.query(`CREATE INDEX assignments_contact ON assignments (contact_id) WHERE end_reason IS NULL`);
    await db.query(
      `CREATE INDEX assignments_service_user ON assignments (service_user_id) WHERE service_user_id IS NOT NULL`,
    );
    await db.query(
      `CREATE UNIQUE INDEX assignments_open_pair ON assignments (contact_id, service_user_id) WHERE end_reason IS NULL AND service_user_id IS NOT NULL`,
    );
    await db.query(
      `CREATE UNIQUE INDEX assignments_open_group_seat ON assignments (group_id, group_contact_seat) WHERE end_reason IS NULL AND group_id IS NOT NULL`,
    );
    await db.query(
      `CREATE UNIQUE INDEX assignments_open_group_contact ON assignments (group_id, contact_id) WHERE end_reason IS NULL AND group_id IS NOT NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE assignments`);
    await db.query(`DROP TABLE group_members`);
    await db.query(`DROP TABLE activity_groups`);
    await db.query(`DROP TABLE decisions`);
    await db.query(`DROP TABLE service_users`);
    await db.query(`DROP TABLE contacts`);
    await db.query(`DROP TABLE interests`);
    await db.query(`DROP TABLE municipalities`);
    await db.query(`DROP TYPE assignment_end_reason`);
    await db.query(`DROP TYPE group_status`);
    await db.query(`DROP TYPE quota_period`);
    await db.query(`DROP TYPE service_form`);
    await db.query(`DROP TYPE gender`);
  }
}
