/**
 * Suggests times for an introduction meeting (DOMAIN rule 8): when the user and the contact are both free by their
 * weekly availability, the contact is not away, and the saksbehandler and both of them have nothing else booked. Pure: no Nest, no TypeORM.
 */
import { IsoDate } from '../common/dates';
import { Absence, absenceDuring } from '../contacts/absences';
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
  /** The municipality's meeting hours: no suggestion outside them (meeting-hours.ts). */
  meetingHours: readonly WeeklySlot[];
  /** The contact's absences (ferie): no suggestion on those days. */
  contactAbsences?: readonly Absence[];
}

type Window = [number, number];

const windowsOf = (slots: readonly WeeklySlot[], day: string): Window[] =>
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

/**
 * The windows of one weekday in which the meeting may be held: inside the meeting hours, and when both are free.
 * An empty availability list means "not recorded".
 */
function dayWindows(query: MeetingTimeQuery, day: string): Window[] {
  const user = query.userAvailability;
  const contact = query.contactAvailability;
  let free = windowsOf(query.meetingHours, day);
  if (user.length > 0) free = intersectWindows(free, windowsOf(user, day));
  if (contact.length > 0) free = intersectWindows(free, windowsOf(contact, day));
  return free;
}

const overlaps = (a: Interval, b: Interval) => a.start < b.end && b.start < a.end;

/** The first `count` meeting times, in time order, at most one a day. */
export function suggestMeetingTimes(query: MeetingTimeQuery): Interval[] {
  if (query.durationMinutes <= 0 || query.stepMinutes <= 0 || query.count <= 0) return [];
  const found: Interval[] = [];
  for (const date of datesFrom(query.firstDate, query.days)) {
    if (absenceDuring(query.contactAbsences ?? [], date)) continue;
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
