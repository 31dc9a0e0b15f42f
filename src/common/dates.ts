/**
 * Date-only helpers on 'YYYY-MM-DD' strings.
 *
 * Arithmetic runs on whole days counted from 1970-01-01 and never goes through a local `Date`, so the server's
 * time zone and daylight saving time cannot shift a date. Invalid input throws a RangeError: request DTOs
 * validate dates first, so reaching one here is a programming error. Error messages never echo the value,
 * since a caller may pass personal data by mistake.
 */

/** A calendar date without time or zone, 'YYYY-MM-DD' (years 0001–9999). */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

interface Ymd {
  year: number;
  month: number;
  day: number;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function splitIsoDate(value: unknown): Ymd | null {
  if (typeof value !== 'string') return null;
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/** True for a real calendar date written exactly as 'YYYY-MM-DD' ('2023-02-29' is false). */
export function isValidIsoDate(value: unknown): value is IsoDate {
  return splitIsoDate(value) !== null;
}

/** Throws a RangeError naming `name` (never the value) unless `value` is a real 'YYYY-MM-DD' date. */
export function assertIsoDate(value: unknown, name = 'date'): asserts value is IsoDate {
  if (!isValidIsoDate(value))
    throw new RangeError(`${name} must be a real calendar date written as YYYY-MM-DD`);
}

function parse(value: IsoDate, name: string): Ymd {
  const ymd = splitIsoDate(value);
  if (!ymd) throw new RangeError(`${name} must be a real calendar date written as YYYY-MM-DD`);
  return ymd;
}

function format({ year, month, day }: Ymd): IsoDate {
  if (year < 1 || year > 9999) throw new RangeError('date arithmetic left the years 0001–9999');
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function assertInteger(value: number, name: string): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${name} must be an integer`);
}

// Days since 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's days_from_civil).
function toEpochDay({ year, month, day }: Ymd): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

// Inverse of toEpochDay (Hinnant's civil_from_days).
function fromEpochDay(epochDay: number): Ymd {
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function addDays(date: IsoDate, days: number): IsoDate {
  assertInteger(days, 'days');
  return format(fromEpochDay(toEpochDay(parse(date, 'date')) + days));
}

/** Adds calendar months; a day that does not exist in the target month is clamped to its last day. */
export function addMonths(date: IsoDate, months: number): IsoDate {
  assertInteger(months, 'months');
  const { year, month, day } = parse(date, 'date');
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12 + 1;
  if (targetYear < 1 || targetYear > 9999) throw new RangeError('date arithmetic left the years 0001–9999');
  return format({
    year: targetYear,
    month: targetMonth,
    day: Math.min(day, daysInMonth(targetYear, targetMonth)),
  });
}

/** Signed number of days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toEpochDay(parse(to, 'to')) - toEpochDay(parse(from, 'from'));
}

/** -1, 0 or 1; usable as an Array.prototype.sort comparator. */
export function compare(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  parse(a, 'a');
  parse(b, 'b');
  // Valid 'YYYY-MM-DD' strings order the same way as the dates they name.
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Completed years on `onDate`; negative before the birth date. Someone born on 29 February gains a year on
 * 1 March in common years.
 */
export function ageInYears(birthDate: IsoDate, onDate: IsoDate): number {
  const birth = parse(birthDate, 'birthDate');
  const on = parse(onDate, 'onDate');
  const hadBirthdayThisYear = on.month > birth.month || (on.month === birth.month && on.day >= birth.day);
  return on.year - birth.year - (hadBirthdayThisYear ? 0 : 1);
}

/** The Monday of the ISO week (Monday–Sunday) containing `date`. */
export function startOfIsoWeek(date: IsoDate): IsoDate {
  const epochDay = toEpochDay(parse(date, 'date'));
  // 1970-01-01 was a Thursday, index 3 when Monday is 0.
  const weekdayFromMonday = (((epochDay + 3) % 7) + 7) % 7;
  return format(fromEpochDay(epochDay - weekdayFromMonday));
}

export function startOfMonth(date: IsoDate): IsoDate {
  const { year, month } = parse(date, 'date');
  return format({ year, month, day: 1 });
}

export function endOfMonth(date: IsoDate): IsoDate {
  const { year, month } = parse(date, 'date');
  return format({ year, month, day: daysInMonth(year, month) });
}

// Building a DateTimeFormat is costly; one instance serves every call.
const osloDateFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Oslo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

// The last answer, by UTC minute: Oslo's offset is a whole number of hours, so its date only changes on a whole
// minute, and formatToParts is too slow to call on every request.
let remembered = { minute: Number.NaN, date: '' };

/** The calendar date in Norway (Europe/Oslo, with its summer time) at the instant `now`. */
export function todayInOslo(now: Date): IsoDate {
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) throw new RangeError('now must be a valid Date');
  const minute = Math.floor(now.getTime() / 60_000);
  if (minute === remembered.minute) return remembered.date;
  const parts = osloDateFormat.formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((candidate) => candidate.type === type)?.value);
  const today = format({ year: part('year'), month: part('month'), day: part('day') });
  assertIsoDate(today, 'the formatted Oslo date'); // guards against unexpected formatter output
  remembered = { minute, date: today };
  return today;
}

const osloTimeFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Oslo',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** Minutes since midnight in Norway (Europe/Oslo, with its summer time) at the instant `now`. */
export function minuteOfDayInOslo(now: Date): number {
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) throw new RangeError('now must be a valid Date');
  const parts = osloTimeFormat.formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((candidate) => candidate.type === type)?.value);
  return part('hour') * 60 + part('minute');
}
