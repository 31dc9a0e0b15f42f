/**
 * "The vedtak in force for a user on a date": the one rule, owned here and used by every caller (the waiting list
 * and the user's flags, matching, group formation, introductions, sessions), so a proposal, the introduction made
 * from it and the hours logged later all name the same vedtak.
 *
 * - In force on D: valid_from ≤ D ≤ valid_to. For matching and introductions, a vedtak starting within
 *   MATCH_AHEAD_DAYS counts too (the start is often set a month ahead, and the contact is found meanwhile).
 * - Several at once (a renewal overlapping the old one): the latest to take effect wins; then the latest decided,
 *   the latest recorded, and the id, so the choice never depends on the order rows come back in.
 */

/** Vedtak starting within this many days are matched and introduced now. */
export const MATCH_AHEAD_DAYS = 60;

/** `created_at` of the decisions alias `d` as text that sorts as the time (for DecisionDates in quota.ts). */
export const CREATED_AT_SORTABLE_SQL = `to_char(d.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`;

/** The precedence among a user's vedtak in force at once, for `ORDER BY` on the decisions alias `d`. */
export const decisionPrecedenceSql = (d: string): string =>
  `${d}.valid_from DESC, ${d}.decided_on DESC, ${d}.created_at DESC, ${d}.id DESC`;

/**
 * A subquery giving the columns `columns` of the vedtak in force for `userRef` on the date parameter `onDate`
 * (bound, type date), or, when `aheadDays` (an integer parameter or literal) is given, the latest one to take
 * effect among those in force or starting within that many days. Use as `JOIN LATERAL (…) d ON true`.
 */
export function decisionInForceSql(options: {
  userRef: string;
  onDate: string;
  aheadDays?: string;
  columns?: string;
}): string {
  const { userRef, onDate, aheadDays, columns = '*' } = options;
  const startsBy = aheadDays ? `${onDate}::date + ${aheadDays}::integer` : `${onDate}::date`;
  return `SELECT ${columns} FROM decisions dif
           WHERE dif.service_user_id = ${userRef} AND dif.valid_to >= ${onDate}::date AND dif.valid_from <= ${startsBy}
           ORDER BY ${decisionPrecedenceSql('dif')} LIMIT 1`;
}
