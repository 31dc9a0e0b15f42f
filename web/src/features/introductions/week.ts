import { osloDay } from '../../common/format/format';

export interface Slot {
  startsAt: string;
  endsAt: string;
}

export interface WeekDay<S extends Slot> {
  /** The Oslo calendar day, åååå-mm-dd */
  day: string;
  slots: S[];
}

export interface Week<S extends Slot> {
  /** ISO 8601 week number, as Norwegian calendars count weeks */
  week: number;
  days: WeekDay<S>[];
}

const DAY_MS = 86_400_000;

function dayNumber(day: string): number {
  return Date.parse(`${day}T00:00:00Z`) / DAY_MS;
}

function dayString(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** Monday = 0 … Sunday = 6 */
function weekdayIndex(n: number): number {
  return (new Date(n * DAY_MS).getUTCDay() + 6) % 7;
}

/** The ISO week of a calendar day: the week with the year's first Thursday is week 1. */
export function isoWeek(day: string): number {
  const n = dayNumber(day);
  const thursday = n - weekdayIndex(n) + 3;
  const year = new Date(thursday * DAY_MS).getUTCFullYear();
  const firstThursdayOfYear = dayNumber(`${year}-01-04`);
  const weekOneMonday = firstThursdayOfYear - weekdayIndex(firstThursdayOfYear);
  return Math.floor((thursday - 3 - weekOneMonday) / 7) + 1;
}

/**
 * The suggested times on a week view: every Monday-to-Sunday week the times fall in, each day of it in order
 * (days without a time too, so the week reads as a calendar), the times by their Oslo day, earliest first.
 */
export function weeksOf<S extends Slot>(slots: S[]): Week<S>[] {
  if (slots.length === 0) return [];
  const sorted = [...slots].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  const byDay = new Map<string, S[]>();
  for (const slot of sorted) {
    const day = osloDay(new Date(slot.startsAt));
    byDay.set(day, [...(byDay.get(day) ?? []), slot]);
  }
  const days = [...byDay.keys()].map(dayNumber);
  const first = Math.min(...days);
  const last = Math.max(...days);
  const weeks: Week<S>[] = [];
  for (let monday = first - weekdayIndex(first); monday <= last; monday += 7) {
    const week: Week<S> = { week: isoWeek(dayString(monday)), days: [] };
    for (let n = monday; n < monday + 7; n++) {
      const day = dayString(n);
      week.days.push({ day, slots: byDay.get(day) ?? [] });
    }
    weeks.push(week);
  }
  return weeks;
}
