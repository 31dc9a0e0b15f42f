/**
 * "No older than N months" as a person reads a date (DOMAIN, facts: the politiattest is read in calendar months).
 *
 * The reading: a date stays within N months of `from` through the same day-of-month N months later, clamped to
 * that month's last day when the month is shorter. Issued 15 January → within 3 months through 15 April; issued
 * 30 November → through 28 February (29 February in a leap year); issued 31 August → through 30 November. It is
 * never "90 days". PostgreSQL's `date + make_interval(months => n)` clamps the same way, so the SQL twin below
 * agrees with the TypeScript day for day (test/calendar-months.e2e-spec.ts checks both on the same dates).
 */
import { addMonths, compare, IsoDate } from './dates';

/** The last day that is still within `months` calendar months of `from` (inclusive). */
export function lastDayWithinMonths(from: IsoDate, months: number): IsoDate {
  return addMonths(from, months);
}

/** True when `onDate` is no more than `months` calendar months after `from`. */
export function isWithinCalendarMonths(from: IsoDate, onDate: IsoDate, months: number): boolean {
  return compare(onDate, lastDayWithinMonths(from, months)) <= 0;
}

/** The SQL twin of `lastDayWithinMonths`; the arguments are SQL expressions (columns or parameters). */
export function lastDayWithinMonthsSql(fromExpr: string, monthsExpr: string): string {
  return `(${fromExpr} + make_interval(months => ${monthsExpr}))::date`;
}

/** The SQL twin of `isWithinCalendarMonths`. */
export function isWithinCalendarMonthsSql(fromExpr: string, onExpr: string, monthsExpr: string): string {
  return `(${onExpr} <= ${lastDayWithinMonthsSql(fromExpr, monthsExpr)})`;
}
