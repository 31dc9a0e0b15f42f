/**
 * Suggests times for an introduction meeting (DOMAIN rule 8): when the user and the contact are both free by their
 * weekly availability, and the saksbehandler and both of them have nothing else booked. Pure: no Nest, no TypeORM.
 */
import { IsoDate } from '../common/dates';
import { minutesOfDay, WeeklySlot } from '../common/scheduling/weekly-slot';
import { datesFrom, osloInstant, weekdayOf } from './oslo-time';

export interface Interval {
  start: Date;
  end: Date;
}

export interface MeetingTimeQuery {
  /** Oslo date of the first day to look at. */
  firstDate: IsoDate;
  /** How many days to look ahead. */
  days: number;
  durationMinutes: number;
  /** Start times are on this grid (e.g. every 30 minutes). */
  stepMinutes: number;
  /** How many suggestions to return; at most one a day, so the coordinator gets a real choice. */
  count: number;
  /** No suggestion starts before this instant. */
  notBefore: Date;
  userAvailability: WeeklySlot[];
  contactAvailability: WeeklySlot[];
  /** Busy times of the saksbehandler, and meetings already booked for any of the three. */
  busy: Interval[];
}

/** When neither the user nor the contact has recorded availability: weekdays in office hours. */
export const OFFICE_HOURS: WeeklySlot[] = (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((day) => ({
  day,
  start: '09:00',
  end: '16:00',
}));

type Window = [number, number];

const windowsOf = (slots: WeeklySlot[], day: string): Window[] =>
  slots.filter((s) => s.day === day).map((s) => [minutesOfDay(s.start), minutesOfDay(s.end)]);

/** Intersection of two lists of minute windows of one day. */
export function intersectWindows(a: Window[], b: Window[]): Window[] {
  const out: Window[] = [];
  for (const [aStart, aEnd] of a)
    for (const [bStart, bEnd] of b) {
      const start = Math.max(aStart, bStart);
      const end = Math.min(aEnd, bEnd);
      if (end > start) out.push([start, end]);
    }
  return out.sort((x, y) => x[0] - y[0]);
}

/** The windows of one weekday in which the meeting may be held. An empty availability list means "not recorded". */
function dayWindows(query: MeetingTimeQuery, day: string): Window[] {
  const user = query.userAvailability;
  const contact = query.contactAvailability;
  if (user.length === 0 && contact.length === 0) return windowsOf(OFFICE_HOURS, day);
  if (user.length === 0) return windowsOf(contact, day);
  if (contact.length === 0) return windowsOf(user, day);
  return intersectWindows(windowsOf(user, day), windowsOf(contact, day));
}

const overlaps = (a: Interval, b: Interval) => a.start < b.end && b.start < a.end;

/** The first `count` meeting times, in time order, at most one a day. */
export function suggestMeetingTimes(query: MeetingTimeQuery): Interval[] {
  if (query.durationMinutes <= 0 || query.stepMinutes <= 0 || query.count <= 0) return [];
  const found: Interval[] = [];
  for (const date of datesFrom(query.firstDate, query.days)) {
    const day = weekdayOf(date);
    const slot = firstFreeSlot(query, date, dayWindows(query, day));
    if (slot) found.push(slot);
    if (found.length >= query.count) break;
  }
  return found;
}

function firstFreeSlot(query: MeetingTimeQuery, date: IsoDate, windows: Window[]): Interval | null {
  for (const [windowStart, windowEnd] of windows) {
    const firstOnGrid = Math.ceil(windowStart / query.stepMinutes) * query.stepMinutes;
    for (let minute = firstOnGrid; minute + query.durationMinutes <= windowEnd; minute += query.stepMinutes) {
      const candidate = {
        start: osloInstant(date, minute),
        end: osloInstant(date, minute + query.durationMinutes),
      };
      if (candidate.start < query.notBefore) continue;
      if (query.busy.some((busy) => overlaps(busy, candidate))) continue;
      return candidate;
    }
  }
  return null;
}
