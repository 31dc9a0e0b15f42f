/**
 * The rules a logged session must satisfy before it is stored (DOMAIN rules 3–4; issue 5): within the
 * assignment's period, not in the future, and km on a group session shared between the members present.
 * Pure: no Nest, no TypeORM. Overlaps are the database's job (an exclusion constraint), quotas are in
 * decisions/quota.ts.
 */
import { compare, IsoDate } from '../common/dates';

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$|^24:00$/;

/** 'HH:MM' (00:00–24:00) to minutes since midnight. */
export function timeToMinutes(time: string): number {
  const match = TIME.exec(time);
  if (!match) throw new RangeError('a time must be written HH:MM');
  if (time === '24:00') return 24 * 60;
  return Number(match[1]) * 60 + Number(match[2]);
}

export const isTimeOfDay = (value: unknown): value is string => typeof value === 'string' && TIME.test(value);

/** Whole minutes from `start` to `end` on one day; a session that passes midnight is logged as two. */
export function sessionMinutes(start: string, end: string): number {
  return timeToMinutes(end) - timeToMinutes(start);
}

/** True when `date` lies within an assignment running from `startsOn` to `endsOn` (inclusive; null = open). */
export function withinAssignment(date: IsoDate, startsOn: IsoDate, endsOn: IsoDate | null): boolean {
  return compare(date, startsOn) >= 0 && (endsOn === null || compare(date, endsOn) <= 0);
}

/**
 * True when the session has not ended yet at `now` (Oslo date and time of day): a later date, or today with an
 * end after the current minute. Sessions are logged after they happen.
 */
export function endsInFuture(date: IsoDate, end: string, today: IsoDate, nowTime: string): boolean {
  const order = compare(date, today);
  if (order !== 0) return order > 0;
  return timeToMinutes(end) > timeToMinutes(nowTime);
}

/**
 * Splits a whole number (km in tenths) into `parts` whole shares that add up to it exactly: equal shares, the
 * remainder given one each to the first parts. A group session's km are shared by the members present, so each
 * is invoiced for their own share and the shares add up to what the contact drove.
 */
export function splitEvenly(total: number, parts: number): number[] {
  if (!Number.isSafeInteger(total) || total < 0)
    throw new RangeError('total must be a whole number, 0 or more');
  if (!Number.isSafeInteger(parts) || parts < 1)
    throw new RangeError('parts must be a whole number, 1 or more');
  const base = Math.floor(total / parts);
  const remainder = total - base * parts;
  return Array.from({ length: parts }, (_, i) => base + (i < remainder ? 1 : 0));
}

/** Km with at most one decimal to whole tenths (12.5 km → 125). */
export function kmToTenths(km: number): number {
  if (typeof km !== 'number' || !Number.isFinite(km) || km < 0) throw new RangeError('km must be 0 or more');
  const tenths = Math.round(km * 10);
  if (Math.abs(km * 10 - tenths) > 1e-6) throw new RangeError('km may have at most 1 decimal');
  return tenths;
}

export const tenthsToKm = (tenths: number): number => tenths / 10;

const osloTimeFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Oslo',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The time of day in Norway ('HH:MM', Europe/Oslo with its summer time) at the instant `now`. */
export function timeOfDayInOslo(now: Date): string {
  const parts = osloTimeFormat.formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${part('hour')}:${part('minute')}`;
}
