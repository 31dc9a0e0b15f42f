/**
 * A støttekontakt's absences (ferie): whole Oslo calendar days, first and last included. While absent, a contact
 * is not proposed, no introduction meeting is suggested or booked with them, and no session is logged (issues 14
 * and 16). Pure: no Nest, no TypeORM.
 */
import { addDays, compare, daysBetween, IsoDate } from '../common/dates';

export interface Absence {
  id?: string;
  startsOn: IsoDate;
  endsOn: IsoDate;
}

/** The longest absence one entry may cover; a longer break is the contact's being inactive, not a holiday. */
export const MAX_ABSENCE_DAYS = 366;

/** The absence covering any day from `from` to `to` (inclusive), if there is one. */
export function absenceDuring(
  absences: readonly Absence[],
  from: IsoDate,
  to: IsoDate = from,
): Absence | undefined {
  return absences.find((a) => compare(a.startsOn, to) <= 0 && compare(from, a.endsOn) <= 0);
}

/** Why a new absence cannot be kept, by field; empty when it can. */
export function absenceProblems(absence: Absence, today: IsoDate): { field: string; reason: string }[] {
  if (compare(absence.endsOn, absence.startsOn) < 0)
    return [{ field: 'endsOn', reason: 'endsOn must be on or after startsOn' }];
  if (daysBetween(absence.startsOn, absence.endsOn) + 1 > MAX_ABSENCE_DAYS)
    return [{ field: 'endsOn', reason: `an absence lasts at most ${MAX_ABSENCE_DAYS} days` }];
  if (compare(absence.endsOn, today) < 0)
    return [{ field: 'endsOn', reason: 'an absence that has already ended cannot be registered' }];
  return [];
}

/**
 * Days ahead a proposal must leave free: a proposal made tonight is followed by an introduction meeting within
 * the week, so a contact leaving within it is not proposed.
 */
export const PROPOSAL_NOTICE_DAYS = 7;

/** Whether the contact may be proposed on `today`: not absent today nor in the week a meeting would follow. */
export const availableForProposals = (absences: readonly Absence[], today: IsoDate): boolean =>
  !absenceDuring(absences, today, addDays(today, PROPOSAL_NOTICE_DAYS - 1));
