/**
 * Wall-clock times in Norway (Europe/Oslo, with summer time) to instants and back. Weekly availability is stored
 * as local wall-clock slots; meetings are stored as instants (timestamptz). Pure: Intl only.
 */
import { addDays, daysBetween, IsoDate, startOfIsoWeek } from '../common/dates';
import { Weekday, WEEKDAYS } from '../common/scheduling/weekly-slot';

const osloParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Oslo',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** Minutes Oslo is ahead of UTC at `instant` (60 in winter, 120 in summer). */
export function osloOffsetMinutes(instant: Date): number {
  const parts = osloParts.formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  );
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The instant at `minutesOfDay` minutes after midnight, Oslo time, on `date` (1440 is the next midnight). In the
 * hour skipped in spring the time is read with the winter offset (02:30 → 03:30 summer time).
 */
export function osloInstant(date: IsoDate, minutesOfDay: number): Date {
  const [year, month, day] = date.split('-').map(Number);
  const wall = Date.UTC(year, month - 1, day, 0, minutesOfDay);
  const first = wall - osloOffsetMinutes(new Date(wall)) * 60_000;
  const second = wall - osloOffsetMinutes(new Date(first)) * 60_000;
  return new Date(Math.max(first, second));
}

/** The weekday of a calendar date. */
export function weekdayOf(date: IsoDate): Weekday {
  return WEEKDAYS[daysBetween(startOfIsoWeek(date), date)];
}

/** The Oslo calendar dates from `first` for `count` days. */
export function datesFrom(first: IsoDate, count: number): IsoDate[] {
  return Array.from({ length: count }, (_, i) => addDays(first, i));
}
