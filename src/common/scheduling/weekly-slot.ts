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
  slots.forEach((slot, index) => {
    const overlapping = slots.findIndex(
      (other, otherIndex) =>
        otherIndex < index &&
        other.day === slot.day &&
        minutesOfDay(other.start) < minutesOfDay(slot.end) &&
        minutesOfDay(slot.start) < minutesOfDay(other.end),
    );
    if (overlapping >= 0) problems.push({ index, reason: `overlaps slot ${overlapping}` });
  });
  return problems;
}
