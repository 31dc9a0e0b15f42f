/**
 * Quota arithmetic for a vedtak (decision): hours are granted per week or per month, and hours used are
 * tracked against that quota per period, with a warning before it is overrun (DOMAIN rule 3; seeds 001, 002).
 *
 * Everything is counted in whole minutes, so sums never drift the way 0.1 + 0.2 hours would.
 */
import {
  addDays,
  compare,
  daysBetween,
  endOfMonth,
  IsoDate,
  startOfIsoWeek,
  startOfMonth,
} from '../common/dates';

export type HoursPeriod = 'week' | 'month';

/** Inclusive first and last day of a quota period. */
export interface QuotaPeriod {
  start: IsoDate;
  end: IsoDate;
}

const WEEKS_PER_YEAR = 52;
const MONTHS_PER_YEAR = 12;

function assertNonNegativeFinite(value: number, name: string): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new RangeError(`${name} must be a finite number of 0 or more`);
  }
}

/**
 * Hours to whole minutes. Hours are given with at most 2 decimals, as stored (numeric(5,2)); 0.01 h is 36
 * seconds, so the result is rounded to the nearest minute (1.33 h → 80 min, which is what "1 h 20 min" meant).
 * More decimals are refused rather than silently rounded.
 */
export function hoursToMinutes(hours: number): number {
  assertNonNegativeFinite(hours, 'hours');
  const hundredths = Math.round(hours * 100);
  // A tolerance of 1e-6 accepts values like 0.1 + 0.2 but refuses 1.005 or 1.001.
  if (Math.abs(hours * 100 - hundredths) > 1e-6) throw new RangeError('hours may have at most 2 decimals');
  return Math.round((hundredths * 60) / 100);
}

/** Minutes to hours with 2 decimals, for display. */
export function minutesToHours(minutes: number): number {
  if (!Number.isSafeInteger(minutes)) throw new RangeError('minutes must be an integer');
  return Math.round((minutes * 100) / 60) / 100;
}

/**
 * Hours per week for a grant of `hours` per `period`, rounded to 2 decimals; a month counts 52/12 weeks.
 * Used to compare a grant with a contact's weekly capacity.
 */
export function weeklyHoursEquivalent(hours: number, period: HoursPeriod): number {
  assertNonNegativeFinite(hours, 'hours');
  if (period === 'week') return Math.round(hours * 100) / 100;
  if (period === 'month') return Math.round((hours * MONTHS_PER_YEAR * 100) / WEEKS_PER_YEAR) / 100;
  throw new RangeError("period must be 'week' or 'month'");
}

/** The quota period containing `date`: its ISO week (Monday–Sunday) or its calendar month. */
export function quotaPeriodContaining(date: IsoDate, period: HoursPeriod): QuotaPeriod {
  if (period === 'week') {
    const start = startOfIsoWeek(date);
    return { start, end: addDays(start, 6) };
  }
  if (period === 'month') return { start: startOfMonth(date), end: endOfMonth(date) };
  throw new RangeError("period must be 'week' or 'month'");
}

export interface QuotaInput {
  grantedMinutes: number;
  /** Minutes already registered in the period. */
  usedMinutes: number;
  /** Minutes about to be registered (0 when only asking for the status). */
  requestedMinutes?: number;
  /** Warn once usage reaches this share of the quota (0 < ratio ≤ 1). */
  warnAtRatio?: number;
}

export interface QuotaStatus {
  /** Minutes left before the request, never below 0. */
  remainingMinutes: number;
  /**
   * (used + requested) / granted, rounded to 4 decimals; above 1 means overrun. Infinity when nothing was granted
   * but minutes are used (serialise with care: JSON turns it into null).
   */
  usedRatio: number;
  /** Usage including the request reaches warnAtRatio of the quota. */
  warning: boolean;
  /** Usage including the request is above the quota; the caller must refuse it or ask for confirmation. */
  wouldExceed: boolean;
}

function assertMinutes(value: number, name: string): void {
  if (!Number.isSafeInteger(value) || value < 0)
    throw new RangeError(`${name} must be a whole number of minutes, 0 or more`);
}

export function quotaStatus({
  grantedMinutes,
  usedMinutes,
  requestedMinutes = 0,
  warnAtRatio = 0.8,
}: QuotaInput): QuotaStatus {
  assertMinutes(grantedMinutes, 'grantedMinutes');
  assertMinutes(usedMinutes, 'usedMinutes');
  assertMinutes(requestedMinutes, 'requestedMinutes');
  if (typeof warnAtRatio !== 'number' || !(warnAtRatio > 0 && warnAtRatio <= 1)) {
    throw new RangeError('warnAtRatio must be above 0 and at most 1');
  }
  const projected = usedMinutes + requestedMinutes;
  // The warning threshold as whole minutes, so 0.8 × 600 cannot land a hair above 480 and miss the warning.
  const warnAtMinutes = Math.ceil(warnAtRatio * grantedMinutes - 1e-9);
  const usedRatio =
    grantedMinutes > 0
      ? Math.round((projected / grantedMinutes) * 10_000) / 10_000
      : projected > 0
        ? Infinity
        : 0;
  return {
    remainingMinutes: Math.max(0, grantedMinutes - usedMinutes),
    usedRatio,
    warning: projected > 0 && projected >= warnAtMinutes,
    wouldExceed: projected > grantedMinutes,
  };
}

/** A period's quota with the overruns a coordinator approved, in whole units (minutes, or km in tenths). */
export interface PeriodQuotaInput {
  /** Granted by the vedtak for one period. */
  granted: number;
  /** Extra approved by a coordinator for this period, with a reason. */
  approvedOverrun: number;
  /** Already registered in the period. */
  used: number;
  /** About to be registered. */
  requested: number;
  warnAtRatio?: number;
}

export interface PeriodQuotaFigures extends QuotaStatus {
  granted: number;
  approvedOverrun: number;
  /** granted + approvedOverrun: what may be used in the period. */
  allowed: number;
  used: number;
  requested: number;
  /** How much of the request lies beyond what is allowed (0 when it fits). */
  excess: number;
}

/**
 * Whether a new registration fits the period's quota, with the figures a refusal or a warning shows. A request
 * of 0 (a session without driving, say) always fits, even in an overrun period.
 */
export function periodQuota({
  granted,
  approvedOverrun,
  used,
  requested,
  warnAtRatio = 0.8,
}: PeriodQuotaInput): PeriodQuotaFigures {
  assertMinutes(approvedOverrun, 'approvedOverrun');
  const allowed = granted + approvedOverrun;
  const status = quotaStatus({
    grantedMinutes: allowed,
    usedMinutes: used,
    requestedMinutes: requested,
    warnAtRatio,
  });
  const excess = Math.max(0, used + requested - allowed);
  return {
    ...status,
    wouldExceed: requested > 0 && status.wouldExceed,
    granted,
    approvedOverrun,
    allowed,
    used,
    requested,
    excess: requested > 0 ? Math.min(excess, requested) : 0,
  };
}

/** An inclusive range of days. */
export interface DateRange {
  from: IsoDate;
  to: IsoDate;
}

/** What tells which of a user's vedtak is in force on a day (decision-in-force.ts gives the same precedence in SQL). */
export interface DecisionDates {
  id: string;
  validFrom: IsoDate;
  validTo: IsoDate;
  decidedOn: IsoDate;
  /** A text that sorts as the time it was recorded (ISO 8601 in UTC, with microseconds). */
  createdAt: string;
}

const order = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The TypeScript twin of decisionPrecedenceSql: a positive number when `a` takes precedence over `b`. */
export function precedence(a: DecisionDates, b: DecisionDates): number {
  return (
    order(a.validFrom, b.validFrom) ||
    order(a.decidedOn, b.decidedOn) ||
    order(a.createdAt, b.createdAt) ||
    order(a.id, b.id)
  );
}

/**
 * The days of [from, to] on which `decision` is the vedtak in force among the user's `decisions`: its validity,
 * less the days a vedtak that takes precedence covers (a renewal from its first day). So a renewal inside a period
 * never grants a day twice.
 */
export function daysInForce(
  decision: DecisionDates,
  decisions: readonly DecisionDates[],
  from: IsoDate,
  to: IsoDate,
): DateRange[] {
  let ranges: DateRange[] = [
    {
      from: compare(decision.validFrom, from) > 0 ? decision.validFrom : from,
      to: compare(decision.validTo, to) < 0 ? decision.validTo : to,
    },
  ].filter((r) => compare(r.from, r.to) <= 0);
  for (const other of decisions) {
    if (other.id === decision.id || precedence(other, decision) <= 0) continue;
    ranges = ranges.flatMap((r) => {
      if (compare(other.validTo, r.from) < 0 || compare(other.validFrom, r.to) > 0) return [r];
      const left = { from: r.from, to: addDays(other.validFrom, -1) };
      const right = { from: addDays(other.validTo, 1), to: r.to };
      return [left, right].filter((part) => compare(part.from, part.to) <= 0);
    });
  }
  return ranges;
}

/**
 * What a vedtak granting `perPeriod` units (minutes, or km in tenths) per `period` grants over `ranges`: each quota
 * period's grant, pro rata for the days of the period the ranges cover (a whole period covered grants it whole).
 * Rounded to whole units once, at the end. Used by the quota of a session's period and by the reports alike.
 */
export function grantedInRanges(
  perPeriod: number,
  period: HoursPeriod,
  ranges: readonly DateRange[],
): number {
  let total = 0;
  for (const range of ranges) {
    let cursor = range.from;
    while (compare(cursor, range.to) <= 0) {
      const quotaPeriod = quotaPeriodContaining(cursor, period);
      const last = compare(quotaPeriod.end, range.to) <= 0 ? quotaPeriod.end : range.to;
      const covered = daysBetween(cursor, last) + 1;
      const length = daysBetween(quotaPeriod.start, quotaPeriod.end) + 1;
      total += (perPeriod * covered) / length;
      cursor = addDays(last, 1);
    }
  }
  return Math.round(total);
}
