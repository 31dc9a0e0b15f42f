/**
 * Pure arithmetic of the reports (issue 5): hours granted within a date range, Helsedirektoratet's waiting-time
 * bands, and how soon a match ended. No Nest, no TypeORM.
 */
import { addMonths, compare, IsoDate } from '../common/dates';
import { DateRange, grantedInRanges, HoursPeriod, hoursToMinutes } from '../decisions/quota';

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
 * lie both in the range and in the vedtak's validity (a whole month in range counts its whole grant). The
 * arithmetic is the quota's own (decisions/quota.ts grantedInRanges); with several vedtak, pass each one's days in
 * force (daysInForce) instead of its validity, as the report does.
 */
export function grantedMinutesInRange(
  terms: GrantTerms,
  from: IsoDate,
  to: IsoDate,
  daysInForce?: readonly DateRange[],
): number {
  const start = later(from, terms.validFrom);
  const end = earlier(to, terms.validTo);
  const ranges = daysInForce ?? (compare(start, end) > 0 ? [] : [{ from: start, to: end }]);
  return grantedInRanges(hoursToMinutes(terms.hoursGranted), terms.hoursPeriod, ranges);
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
