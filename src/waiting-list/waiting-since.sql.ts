/**
 * "Waiting since": the date the need for a contact arose. It is the later of the vedtak's waiting_since and the day
 * after the user's last ended assignment, so a user whose assignment ends is back on the waiting list from the
 * first day without a contact, while a user whose introduction was declined keeps their original date.
 * Derived, never stored: a vedtak is never edited, and a renewed vedtak keeps the current contact.
 *
 * Shared by the waiting list and the matching run, so both order users the same way. `today` is a bound
 * parameter of type date; an assignment ending today still counts as a contact today.
 */
export const effectiveWaitingSinceSql = (userRef: string, decisionWaitingSince: string, today: string) =>
  `GREATEST(${decisionWaitingSince}, (SELECT max(a.ends_on) + 1 FROM assignments a
                                     WHERE a.service_user_id = ${userRef} AND a.ends_on < ${today}::date))`;
