import { openAssignmentSql } from '../assignments/open-assignment';
import { decisionInForceSql } from '../decisions/decision-in-force';
import { preparedStatement } from '../database/prepared-statement';
import type { DecisionSummary } from '../decisions/decision.entity';
import type { ServiceUserListQuery } from './dto/service-user.query';
import type { ServiceUser } from './service-user.entity';

/**
 * The SQL that decides "the decision valid on a date" and "has a contact", shared by the list filters and the
 * flags on each response, so the filter and the flag can never disagree. `$today` is a bound parameter name.
 */

/** The id of the decision valid on `$today` for the user `userRef`: the latest to take effect wins. */
export const currentDecisionSql = (userRef: string, today: string): string =>
  `(${decisionInForceSql({ userRef, onDate: today, columns: 'dif.id' })})`;

/**
 * The user has a contact: an assignment of their own that has not ended, or a place in a group that has a
 * contact assigned. Assignments starting later count: a contact has been found.
 */
export const hasContactSql = (userRef: string, today: string): string => `(
  EXISTS (SELECT 1 FROM assignments a
           WHERE a.service_user_id = ${userRef} AND ${openAssignmentSql('a', today)})
  OR EXISTS (SELECT 1 FROM group_members gm JOIN assignments a ON a.group_id = gm.group_id
              WHERE gm.service_user_id = ${userRef} AND ${openAssignmentSql('a', today)}))`;

/** Waiting list membership (DOMAIN rule 9): a decision in force today and no contact yet. */
export const waitingSql = (userRef: string, today: string): string =>
  `(${currentDecisionSql(userRef, today)} IS NOT NULL AND NOT ${hasContactSql(userRef, today)})`;

/** A user as the read model gives it: every column but the municipality, the decision in force and the contact flag. */
export type ServiceUserReadRow = Omit<ServiceUser, 'municipalityId'> & {
  currentDecision: DecisionSummary | null;
  hasContact: boolean;
};

/**
 * The read model of service users as staff see them, one row per user: the user (columns named as the entity's
 * properties, dates as 'YYYY-MM-DD' text as TypeORM gives them), the decision in force on `$2` and whether they
 * have a contact. Every read of users is one of the two statements below, prepared, so it is one round trip and
 * PostgreSQL plans it once per connection. `$2` is today and `$3` the caller's municipality in both.
 * The rows are found by primary key first and only then checked against the municipality: given both conditions
 * at once, the planner rates the (municipality, name) index as good as the key in a municipality of a few hundred
 * users, and then reads them all to find one (a third of the speed, measured with pgbench).
 */
const readServiceUsersSql = (byId: string): string =>
  `WITH u AS MATERIALIZED (${byId})
   SELECT u.id, u.national_id AS "nationalId", u.first_name AS "firstName", u.last_name AS "lastName",
          u.birth_date::text AS "birthDate", u.gender, u.phone, u.languages, u.postal_code AS "postalCode",
          u.latitude, u.longitude, u.interests, u.availability, u.wishes,
          u.preferred_contact_gender AS "preferredContactGender", u.preferred_language AS "preferredLanguage",
          u.preferred_contact_age_min AS "preferredContactAgeMin",
          u.preferred_contact_age_max AS "preferredContactAgeMax",
          u.guardian_name AS "guardianName", u.guardian_phone AS "guardianPhone",
          u.companion_card AS "companionCard", u.version,
          u.created_at AS "createdAt", u.updated_at AS "updatedAt",
          (SELECT json_build_object('id', d.id, 'serviceForm', d.service_form, 'hoursGranted', d.hours_granted,
                                    'hoursPeriod', d.hours_period, 'validFrom', d.valid_from,
                                    'validTo', d.valid_to, 'waitingSince', d.waiting_since)
             FROM decisions d WHERE d.id = ${currentDecisionSql('u.id', '$2')}) AS "currentDecision",
          ${hasContactSql('u.id', '$2')} AS "hasContact"
     FROM u
    WHERE u.municipality_id = $3`;

/**
 * One user by id ($1). Its own statement because a generic plan for "one id" is the primary-key lookup, so
 * PostgreSQL keeps the plan it made; for an array of ids it would estimate ten rows and re-plan every time.
 */
export const READ_SERVICE_USER = preparedStatement(
  'service-users.read-one',
  readServiceUsersSql('SELECT * FROM service_users WHERE id = $1'),
);

/** A page of users by id ($1, an array), joined rather than `= ANY`, so each is a primary-key lookup. */
export const READ_SERVICE_USERS = preparedStatement(
  'service-users.read-many',
  readServiceUsersSql(
    'SELECT s.* FROM unnest($1::uuid[]) AS wanted(id) JOIN service_users s ON s.id = wanted.id',
  ),
);

/** Positional parameters for hand-written SQL: `add(value)` returns its placeholder. */
export class SqlParams {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** Escapes LIKE wildcards so a search for "50%" finds "50%". */
export const likePattern = (text: string): string => `%${text.replace(/[%_\\]/g, '\\$&')}%`;

export interface SqlStatement {
  text: string;
  values: unknown[];
}

/** The count and the page of user ids for a list query, in one municipality. */
export function serviceUserListSql(
  municipalityId: string,
  query: ServiceUserListQuery,
  todayDate: string,
): { count: SqlStatement; page: SqlStatement } {
  const params = new SqlParams();
  const conditions = [`u.municipality_id = ${params.add(municipalityId)}`];
  // Bound only when a filter or the order uses it: PostgreSQL refuses a parameter it cannot type.
  let todayParam: string | undefined;
  const today = () => (todayParam ??= params.add(todayDate));
  if (query.q) {
    const q = params.add(likePattern(query.q));
    conditions.push(
      `(u.first_name ILIKE ${q} OR u.last_name ILIKE ${q} OR u.first_name || ' ' || u.last_name ILIKE ${q})`,
    );
  }
  if (query.interest) conditions.push(`${params.add(query.interest)} = ANY(u.interests)`);
  if (query.postalCode) conditions.push(`u.postal_code = ${params.add(query.postalCode)}`);
  if (query.serviceForm) {
    const form = params.add(query.serviceForm);
    conditions.push(
      `(SELECT d.service_form FROM decisions d WHERE d.id = ${currentDecisionSql('u.id', today())}) = ${form}::service_form`,
    );
  }
  if (query.waiting !== undefined)
    conditions.push(`${query.waiting ? '' : 'NOT '}${waitingSql('u.id', today())}`);
  const where = conditions.join(' AND ');
  const count = {
    text: `SELECT count(*) AS total FROM service_users u WHERE ${where}`,
    values: [...params.values],
  };

  // Longest waiting first (DOMAIN rule 9); users without a decision in force last.
  const order =
    query.sort === 'waitingSince'
      ? `(SELECT d.waiting_since FROM decisions d WHERE d.id = ${currentDecisionSql('u.id', today())}) ASC NULLS LAST, `
      : '';
  const limit = params.add(query.pageSize);
  const offset = params.add(query.offset);
  const page = {
    text: `SELECT u.id FROM service_users u WHERE ${where}
            ORDER BY ${order}u.last_name ASC, u.first_name ASC, u.id ASC
            LIMIT ${limit} OFFSET ${offset}`,
    values: params.values,
  };
  return { count, page };
}
