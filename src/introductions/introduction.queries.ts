import { decisionInForceSql, MATCH_AHEAD_DAYS } from '../decisions/decision-in-force';

/** The read side of introductions: visible SQL joined with the names and the contract figures a reader needs. */
export const INTRODUCTION_ROWS = `
  SELECT i.id, i.status, i.service_user_id, su.first_name AS user_first_name, su.last_name AS user_last_name,
         i.contact_id, c.first_name AS contact_first_name, c.last_name AS contact_last_name,
         i.proposal_id, i.decision_id, i.weekly_hours, i.caseworker, i.starts_at, i.ends_at, i.location,
         i.decline_reason, i.declined_by, i.assignment_id, a.starts_on::text AS assignment_starts_on,
         d.hours_granted, d.hours_period, d.driving_km_granted, d.driving_period, i.version, i.created_at
    FROM introductions i
    JOIN service_users su ON su.id = i.service_user_id
    JOIN contacts c ON c.id = i.contact_id
    LEFT JOIN assignments a ON a.id = i.assignment_id
    LEFT JOIN decisions d ON d.id = coalesce(a.decision_id, i.decision_id)`;

/**
 * The vedtak an introduction is for: in force today or starting within the matching run's look-ahead, the latest
 * to take effect first (the same choice as the matching run's).
 */
export const DECISION_FOR_INTRODUCTION_SQL = `
  SELECT d.id, d.service_form, d.hours_granted, d.hours_period
    FROM (${decisionInForceSql({ userRef: '$1', onDate: '$3', aheadDays: String(MATCH_AHEAD_DAYS), columns: 'dif.*' })}) d
   WHERE d.municipality_id = $2`;

/** Meetings and busy times that block a new meeting of these people ($1 contact, $2 user, $3 municipality, $4 caseworker). */
export const BLOCKING_INTERVALS_SQL = `
  SELECT starts_at, ends_at FROM introductions
   WHERE status = 'booked' AND id <> $5 AND ends_at > $6
     AND (contact_id = $1 OR service_user_id = $2 OR (municipality_id = $3 AND caseworker = $4))
  UNION ALL
  SELECT starts_at, ends_at FROM caseworker_busy_times
   WHERE municipality_id = $3 AND caseworker = $4 AND ends_at > $6`;
