import { DataSource } from 'typeorm';
import { todayInOslo } from '../../src/common/dates';

/**
 * A large synthetic municipality made by PostgreSQL itself (generate_series, seeded random): `size` users with
 * an individual decision, and as many contacts, in an area of about 33 × 33 km. The fault tests use it for a run
 * long enough to interrupt, and `npm run bench:matching` for its end-to-end row. Dates count from the service's
 * today in Oslo (the Clock's rule), never the database's current_date.
 */
export async function seedLargeMunicipality(
  db: DataSource,
  size: number,
  today: string = todayInOslo(new Date()),
  into?: string,
): Promise<string> {
  // `into`: add the users and contacts to that municipality (the web benchmark's 5,000 users in the demo one).
  const id: string =
    into ??
    (
      await db.query(`INSERT INTO municipalities (name) VALUES ('Storby ' || gen_random_uuid()) RETURNING id`)
    )[0].id;
  await db.query(`SELECT setseed(0.42)`);
  await db.query(
    `INSERT INTO interests (municipality_id, code, label)
     SELECT $1, 'interest_' || n, 'Interesse ' || n FROM generate_series(1, 20) AS n
     ON CONFLICT DO NOTHING`,
    [id],
  );
  const slots = `jsonb_build_array(jsonb_build_object('day', (ARRAY['mon','tue','wed','thu','fri','sat','sun'])[1 + (n % 7)],
                   'start', '16:00', 'end', '21:00'), jsonb_build_object('day', 'sat', 'start', '10:00', 'end', '15:00'))`;
  const interests = `ARRAY['interest_' || (1 + n % 20), 'interest_' || (1 + (n * 7) % 20)]`;
  const place = `59.9 + (random() - 0.5) * 0.3, 10.75 + (random() - 0.5) * 0.6`;
  await db.query(
    `INSERT INTO contacts (municipality_id, first_name, last_name, birth_year, gender, languages, latitude, longitude,
                           interests, availability, max_users, max_weekly_hours, police_certificate_issued_on,
                           police_certificate_presented_on, confidentiality_signed_on)
     SELECT $1, 'Kontakt', 'Nr ' || n, 1970 + n % 30, (ARRAY['female','male'])[1 + n % 2]::gender, '{nb}', ${place},
            ${interests}, ${slots}, 1 + n % 3, 12, $3::date - 100, $3::date - 90, $3::date - 90
       FROM generate_series(1, $2) AS n`,
    [id, size, today],
  );
  await db.query(
    `WITH users AS (
       INSERT INTO service_users (municipality_id, national_id, first_name, last_name, birth_date, languages, latitude,
                                  longitude, interests, availability)
       SELECT $1, lpad(n::text, 11, '0'), 'Bruker', 'Nr ' || n, date '1990-01-01' + (n % 9000), '{nb}', ${place},
              ${interests}, ${slots}
         FROM generate_series(1, $2) AS n
       RETURNING id)
     INSERT INTO decisions (municipality_id, service_user_id, service_form, hours_granted, hours_period, decided_on,
                            valid_from, valid_to, waiting_since, created_by)
     SELECT $1, id, 'individual', 3, 'week', $3::date - 40, $3::date - 30, $3::date + 300, $3::date - 30, 'test'
       FROM users`,
    [id, size, today],
  );
  return id;
}
