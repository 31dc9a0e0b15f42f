import type { WeeklySlot } from './queries';

export type Weekday = WeeklySlot['day'];
export const WEEKDAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** The parts of a day a person picks on the phone; matching speaks of day, afternoon and evening (rule 7). */
export const BLOCKS = [
  { key: 'day', start: '08:00', end: '16:00' },
  { key: 'afternoon', start: '16:00', end: '19:00' },
  { key: 'evening', start: '19:00', end: '22:00' },
] as const;
export type BlockKey = (typeof BLOCKS)[number]['key'];
export type Cell = `${Weekday}:${BlockKey}`;

const minutes = (time: string): number => {
  const [h, m] = time.split(':').map(Number);
  return h * 60 + m;
};

/** The cells that a saved availability touches: a block is marked when any free time falls in it. */
export function cellsOf(slots: WeeklySlot[]): Set<Cell> {
  const cells = new Set<Cell>();
  for (const slot of slots) {
    for (const block of BLOCKS) {
      if (minutes(slot.start) < minutes(block.end) && minutes(block.start) < minutes(slot.end)) {
        cells.add(`${slot.day}:${block.key}`);
      }
    }
  }
  return cells;
}

/** The marked cells as the API's weekly slots: touching blocks of one day become one slot. */
export function slotsOf(cells: Set<Cell>): WeeklySlot[] {
  const slots: WeeklySlot[] = [];
  for (const day of WEEKDAYS) {
    let open: WeeklySlot | null = null;
    for (const block of BLOCKS) {
      if (cells.has(`${day}:${block.key}`)) {
        if (open) open.end = block.end;
        else {
          open = { day, start: block.start, end: block.end };
          slots.push(open);
        }
      } else open = null;
    }
  }
  return slots;
}
