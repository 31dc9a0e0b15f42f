/**
 * Pure arithmetic of the reports (issue 5): hours granted within a date range, Helsedirektoratet's waiting-time
 * bands, and how soon a match ended. No Nest, no TypeORM.
 */
import { addDays, addMonths, compare, daysBetween, IsoDate } from '../common/dates';
import { HoursPeriod, hoursToMinutes, quotaPeriodContaining } from '../decisions/quota';

export interface GrantTerms {
  hoursGranted: number;
  hoursPeriod: HoursPeriod;
  validFrom: IsoDate;
  validTo: IsoDate;
}

const later = (a: IsoDate, b: IsoDate) => (compare(a, b) >= 0 ? a : b);
const earlier = (a: IsoDate, b: IsoDate) => (compare(a, b) <= 0 ? a : b);

/**
 * Minutes a vedtak grants within [from, to]: each quota period's grant, pro rata for the days of the period that
 * lie both in the range and in the vedtak's validity (a whole month in range counts its whole grant).
 */
export function grantedMinutesInRange(terms: GrantTerms, from: IsoDate, to: IsoDate): number {
  const start = later(from, terms.validFrom);
  const end = earlier(to, terms.validTo);
  if (compare(start, end) > 0) return 0;
  const perPeriod = hoursToMinutes(terms.hoursGranted);
  let total = 0;
  let cursor = start;
  while (compare(cursor, end) <= 0) {
    const period = quotaPeriodContaining(cursor, terms.hoursPeriod);
    const last = earlier(period.end, end);
    const covered = daysBetween(cursor, last) + 1;
    const length = daysBetween(period.start, period.end) + 1;
    total += (perPeriod * covered) / length;
    cursor = addDays(last, 1);
  }
  return Math.round(total);
}

/** Helsedirektoratet's bands for the wait from vedtak to start. */
export type WaitingBand = 'within15Days' | 'from16To30Days' | 'from31Days';

export function waitingBand(days: number): WaitingBand {
  if (days <= 15) return 'within15Days';
  return days <= 30 ? 'from16To30Days' : 'from31Days';
}

export type DurationBand = 'within3Months' | 'within6Months' | 'within12Months' | 'after12Months';

/** How soon an assignment ended: within 3, 6 or 12 months of its start, or later. */
export function durationBand(startsOn: IsoDate, endsOn: IsoDate): DurationBand {
  if (compare(endsOn, addMonths(startsOn, 3)) < 0) return 'within3Months';
  if (compare(endsOn, addMonths(startsOn, 6)) < 0) return 'within6Months';
  return compare(endsOn, addMonths(startsOn, 12)) < 0 ? 'within12Months' : 'after12Months';
}
