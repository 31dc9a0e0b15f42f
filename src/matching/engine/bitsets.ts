/** Bit tricks on 32-bit words: counting shared interests and finding common meeting windows. */
import { DAYS_PER_WEEK, FIRST_SLOT_MINUTE, SLOT_MINUTES, SLOTS_PER_DAY } from './types';

export function popcount32(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Bits that start a run of at least `length` consecutive set bits (0 when there is none). */
export function runStarts(word: number, length: number): number {
  let x = word;
  for (let k = 1; k < length && x !== 0; k++) x &= word >>> k;
  return x >>> 0;
}

/** Number of consecutive half-hour slots that make one meeting of `minutes` (rounded up). */
export function slotsForMinutes(minutes: number): number {
  return Math.max(1, Math.ceil(minutes / SLOT_MINUTES));
}

/** True when the two week masks share, on some day, a window of at least `runSlots` slots. */
export function sharesWindow(
  a: Uint32Array,
  aOffset: number,
  b: Uint32Array,
  bOffset: number,
  runSlots: number,
): boolean {
  if (runSlots > SLOTS_PER_DAY) return false;
  for (let d = 0; d < DAYS_PER_WEEK; d++) {
    if (runStarts(a[aOffset + d] & b[bOffset + d], runSlots) !== 0) return true;
  }
  return false;
}

export function sharedSlotCount(a: Uint32Array, aOffset: number, b: Uint32Array, bOffset: number): number {
  let n = 0;
  for (let d = 0; d < DAYS_PER_WEEK; d++) n += popcount32(a[aOffset + d] & b[bOffset + d]);
  return n;
}

export interface WeeklyInterval {
  /** 0 = Monday … 6 = Sunday. */
  day: number;
  /** Minutes since midnight. */
  startMinute: number;
  endMinute: number;
}

/** Day mask of the half-hour slots lying wholly inside [startMinute, endMinute), clipped to 07–23. */
export function slotMaskForInterval(startMinute: number, endMinute: number): number {
  const first = Math.max(0, Math.ceil((startMinute - FIRST_SLOT_MINUTE) / SLOT_MINUTES));
  const end = Math.min(SLOTS_PER_DAY, Math.floor((endMinute - FIRST_SLOT_MINUTE) / SLOT_MINUTES));
  let mask = 0;
  for (let i = first; i < end; i++) mask |= 1 << i;
  return mask >>> 0;
}

export function writeAvailability(
  target: Uint32Array,
  offset: number,
  intervals: readonly WeeklyInterval[],
): void {
  for (const { day, startMinute, endMinute } of intervals) {
    if (!Number.isInteger(day) || day < 0 || day >= DAYS_PER_WEEK)
      throw new RangeError(`weekday ${day} is not 0..6`);
    target[offset + day] = (target[offset + day] | slotMaskForInterval(startMinute, endMinute)) >>> 0;
  }
}

/** Sets the bits of small integer codes into `words` consecutive words starting at `offset`. */
export function writeCodes(
  target: Uint32Array,
  offset: number,
  words: number,
  codes: readonly number[],
): void {
  for (const code of codes) {
    if (!Number.isInteger(code) || code < 0 || code >= words * 32)
      throw new RangeError(`code ${code} is not 0..${words * 32 - 1}`);
    const w = offset + (code >>> 5);
    target[w] = (target[w] | (1 << (code & 31))) >>> 0;
  }
}

/** Codes set in a word, ascending. */
export function codesOf(word: number, base = 0): number[] {
  const out: number[] = [];
  for (let i = 0; i < 32; i++) if ((word >>> i) & 1) out.push(base + i);
  return out;
}
