/** A recurring weekly time range, e.g. Tuesday 17:00–20:00. Times are local (Europe/Oslo) wall-clock. */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface WeeklySlot {
  day: Weekday;
  start: string; // 'HH:MM'
  end: string; // 'HH:MM', after start; '24:00' allowed as end of day
}

export const TIME_OF_DAY = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;

export const minutesOfDay = (time: string): number => {
  const [hours, minutes] = time.split(':').map(Number);
  return hours * 60 + minutes;
};

/** Reasons a list of slots is unusable, as `[index]: reason`; empty when fine. */
export function weeklySlotProblems(slots: WeeklySlot[]): { index: number; reason: string }[] {
  const problems: { index: number; reason: string }[] = [];
  slots.forEach((slot, index) => {
    if (minutesOfDay(slot.end) <= minutesOfDay(slot.start))
      problems.push({ index, reason: 'end must be after start' });
  });
  // Sorted by day and start, a slot overlaps an earlier one exactly when it starts before the latest end seen
  // so far that day: O(n log n), so a hostile list of thousands of slots costs no more than sorting it.
  const order = slots
    .map((slot, index) => ({
      index,
      day: slot.day,
      start: minutesOfDay(slot.start),
      end: minutesOfDay(slot.end),
    }))
    .sort((a, b) => (a.day === b.day ? a.start - b.start || a.index - b.index : a.day < b.day ? -1 : 1));
  const overlaps: { index: number; reason: string }[] = [];
  let latest: (typeof order)[number] | undefined;
  for (const slot of order) {
    if (latest && latest.day === slot.day && slot.start < latest.end) {
      const [earlier, later] = latest.index < slot.index ? [latest, slot] : [slot, latest];
      overlaps.push({ index: later.index, reason: `overlaps slot ${earlier.index}` });
    }
    if (!latest || latest.day !== slot.day || slot.end > latest.end) latest = slot;
  }
  problems.push(...overlaps.sort((a, b) => a.index - b.index));
  return problems;
}
