/**
 * Introduction meetings are held in the municipality's meeting hours (a municipal setting; the saksbehandler takes
 * part, so the meeting falls in working hours): suggested only inside them, and booked only inside them. Times
 * are Oslo wall-clock. Pure: no Nest, no TypeORM.
 */
import { minutesOfDay, WeeklySlot } from '../common/scheduling/weekly-slot';
import { osloInstant, osloOffsetMinutes, weekdayOf } from './oslo-time';

/** Monday to Friday 08:00–16:00, Europe/Oslo, unless the municipality sets its own. */
export const DEFAULT_MEETING_HOURS: readonly WeeklySlot[] = Object.freeze(
  (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((day) =>
    Object.freeze({ day, start: '08:00', end: '16:00' }),
  ),
);

/** The Oslo calendar date of an instant. */
function osloDateOf(instant: Date): string {
  return new Date(instant.getTime() + osloOffsetMinutes(instant) * 60_000).toISOString().slice(0, 10);
}

/**
 * True when the meeting from `start` to `end` lies wholly inside one slot of the meeting hours, on the Oslo
 * weekday it starts (a meeting never runs past midnight or from one slot into the next).
 */
export function isWithinMeetingHours(start: Date, end: Date, hours: readonly WeeklySlot[]): boolean {
  if (!(end > start)) return false;
  const date = osloDateOf(start);
  const day = weekdayOf(date);
  return hours.some(
    (slot) =>
      slot.day === day &&
      osloInstant(date, minutesOfDay(slot.start)) <= start &&
      end <= osloInstant(date, minutesOfDay(slot.end)),
  );
}
