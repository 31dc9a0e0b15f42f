import { openAssignmentSql } from '../assignments/open-assignment';
import { preparedStatement } from '../database/prepared-statement';
import type { CapacityLoad } from './capacity';
import type { Contact } from './contact.entity';

/**
 * Introductions on their way hold the contact's room until they start or are declined (the same statuses as
 * introductions/transitions.ts PENDING_INTRODUCTION_STATUSES; contact.queries.spec.ts holds them equal).
 */
export const PENDING_INTRODUCTION_SQL = `('awaiting_booking', 'booked')`;

/**
 * What holds a contact's capacity, counted one way by everyone who counts it (the contact's record, the check
 * before an assignment or an introduction, the matching run and group formation): assignments not ended by
 * `today` (ending today still counts; a group seat counts like a user), and introductions on their way, which
 * become assignments. Rows (contact_id, service_user_id, weekly_hours). `scope` is a condition on the columns
 * both tables have (contact_id, municipality_id, service_user_id).
 */
export const capacityTakenSql = (scope: string, today: string): string => `
  SELECT contact_id, service_user_id, weekly_hours FROM assignments
   WHERE ${scope} AND ${openAssignmentSql(null, today)}
  UNION ALL
  SELECT contact_id, service_user_id, weekly_hours FROM introductions
   WHERE ${scope} AND status IN ${PENDING_INTRODUCTION_SQL}`;

/**
 * A contact's absences that end on `today` or later, as a JSON array of { startsOn, endsOn } ('YYYY-MM-DD'):
 * what the matching loaders hand to absences.ts with each contact row.
 */
export const upcomingAbsencesSql = (contactRef: string, today: string): string =>
  `(SELECT coalesce(json_agg(json_build_object('startsOn', ab.starts_on, 'endsOn', ab.ends_on)
                             ORDER BY ab.starts_on), '[]'::json)
      FROM contact_absences ab WHERE ab.contact_id = ${contactRef} AND ab.ends_on >= ${today}::date)`;

/** A contact as the read model gives it: every column but the municipality, and their current load. */
export type ContactReadRow = Omit<Contact, 'municipalityId'> & { load: CapacityLoad };

/**
 * One contact ($1) of the caller's municipality ($3) with their load on `$2`, as one prepared statement: a read
 * is one round trip, planned once per connection. Columns are named as the entity's properties, dates as
 * 'YYYY-MM-DD' text and numerics as numbers, as TypeORM gives them. The row is found by primary key before the
 * municipality is checked, so the planner never prefers the (municipality, name) index and reads them all.
 */
export const READ_CONTACT = preparedStatement(
  'contacts.read-one',
  `WITH c AS MATERIALIZED (SELECT * FROM contacts WHERE id = $1)
   SELECT c.id, c.first_name AS "firstName", c.last_name AS "lastName", c.email, c.phone,
          c.birth_year AS "birthYear", c.gender, c.languages, c.postal_code AS "postalCode", c.latitude,
          c.longitude, c.interests, c.availability, c.max_users AS "maxUsers",
          c.max_weekly_hours::float8 AS "maxWeeklyHours", c.drives_own_car AS "drivesOwnCar",
          c.police_certificate_issued_on::text AS "policeCertificateIssuedOn",
          c.police_certificate_presented_on::text AS "policeCertificatePresentedOn",
          c.confidentiality_signed_on::text AS "confidentialitySignedOn", c.active, c.version,
          c.created_at AS "createdAt", c.updated_at AS "updatedAt",
          (SELECT json_build_object('users', count(*), 'weeklyHours', coalesce(sum(t.weekly_hours), 0)::float8)
             FROM (${capacityTakenSql('contact_id = c.id', '$2')}) t) AS load
     FROM c
    WHERE c.municipality_id = $3`,
);
