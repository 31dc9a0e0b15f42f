/** The days of the API's weekly slots, Monday first as Norwegians count the week. */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface WeeklySlot {
  day: Weekday;
  start: string;
  end: string;
}

/** The free part of one hour on one day, in minutes from midnight; null when the hour is not free at all. */
export interface GridCell {
  from: number;
  to: number;
  /** The whole hour is free. */
  whole: boolean;
}

export interface WeekGrid {
  /** The hours shown, as minutes from midnight of each row's start (e.g. 480 for 08:00). */
  hours: number[];
  /** cells[row][column]: row by hour, column by WEEKDAYS. */
  cells: (GridCell | null)[][];
}

const minutes = (time: string): number => {
  const [hour, minute] = time.split(':').map(Number);
  return hour * 60 + minute;
};

/** 480 → "08:00" */
export function clock(totalMinutes: number): string {
  const hour = Math.floor(totalMinutes / 60);
  const minute = totalMinutes % 60;
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/**
 * The weekly availability as a table of whole hours (rows) by weekday (columns), from the hour the earliest slot
 * starts to the hour the latest one ends; overlapping slots on a day merge. No slots: no rows.
 */
export function buildWeekGrid(slots: readonly WeeklySlot[]): WeekGrid {
  const valid = slots
    .map((slot) => ({ day: slot.day, start: minutes(slot.start), end: minutes(slot.end) }))
    .filter((slot) => WEEKDAYS.includes(slot.day) && slot.end > slot.start);
  if (valid.length === 0) return { hours: [], cells: [] };
  const first = Math.floor(Math.min(...valid.map((s) => s.start)) / 60) * 60;
  const last = Math.ceil(Math.max(...valid.map((s) => s.end)) / 60) * 60;
  const hours: number[] = [];
  for (let hour = first; hour < last; hour += 60) hours.push(hour);
  const cells = hours.map((hour) =>
    WEEKDAYS.map((day) => {
      let from = Infinity;
      let to = -Infinity;
      for (const slot of valid) {
        if (slot.day !== day || slot.end <= hour || slot.start >= hour + 60) continue;
        from = Math.min(from, Math.max(slot.start, hour));
        to = Math.max(to, Math.min(slot.end, hour + 60));
      }
      return from < to ? { from, to, whole: from === hour && to === hour + 60 } : null;
    }),
  );
  return { hours, cells };
}
