/** How Norwegians write dates, times, numbers and kroner; times always in Europe/Oslo. */
const TIME_ZONE = 'Europe/Oslo';

const dateFormat = new Intl.DateTimeFormat('nb-NO', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  timeZone: TIME_ZONE,
});
const timeFormat = new Intl.DateTimeFormat('nb-NO', {
  hour: '2-digit',
  minute: '2-digit',
  timeZone: TIME_ZONE,
});
const weekdayFormat = new Intl.DateTimeFormat('nb-NO', { weekday: 'long', timeZone: TIME_ZONE });
const numberFormat = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 2 });
const kronerFormat = new Intl.NumberFormat('nb-NO', {
  style: 'currency',
  currency: 'NOK',
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});

function toDate(value: string | Date): Date {
  // A bare date (2026-11-23) is a calendar day, not a UTC midnight: read it as noon so no zone moves it.
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(`${value}T12:00:00Z`);
  return typeof value === 'string' ? new Date(value) : value;
}

/** dd.mm.åååå */
export function formatDate(value: string | Date): string {
  return dateFormat.format(toDate(value));
}

/** HH:mm in Oslo time */
export function formatTime(value: string | Date): string {
  return timeFormat.format(toDate(value));
}

/** dd.mm.åååå kl. HH:mm in Oslo time */
export function formatDateTime(value: string | Date, at = 'kl.'): string {
  const date = toDate(value);
  return `${dateFormat.format(date)} ${at} ${timeFormat.format(date)}`;
}

export function formatWeekday(value: string | Date): string {
  return weekdayFormat.format(toDate(value));
}

/** 1 234,5 (a narrow no-break space between thousands, as Intl writes nb-NO) */
export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

/** 1 234,50 kr */
export function formatKroner(value: number): string {
  return kronerFormat.format(value);
}

/** The Oslo calendar day (åååå-mm-dd) of an instant, as the API writes dates. */
export function osloDay(value: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone: TIME_ZONE,
  }).format(value);
  return parts;
}

const osloParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** Oslo's offset from UTC in minutes at an instant (60 in winter, 120 in summer). */
function osloOffsetMinutes(instant: number): number {
  const part = (parts: Intl.DateTimeFormatPart[], type: string) =>
    Number(parts.find((p) => p.type === type)?.value);
  const parts = osloParts.formatToParts(new Date(instant));
  const asUtc = Date.UTC(
    part(parts, 'year'),
    part(parts, 'month') - 1,
    part(parts, 'day'),
    part(parts, 'hour'),
    part(parts, 'minute'),
  );
  return Math.round((asUtc - Math.floor(instant / 60_000) * 60_000) / 60_000);
}

/** The instant of an Oslo wall-clock time (`2026-03-05`, `10:30`), as an ISO string with Z. */
export function osloInstant(day: string, time: string): string {
  const [year, month, date] = day.split('-').map(Number);
  const [hour, minute] = time.split(':').map(Number);
  const wall = Date.UTC(year, month - 1, date, hour, minute);
  let instant = wall - osloOffsetMinutes(wall) * 60_000;
  instant = wall - osloOffsetMinutes(instant) * 60_000; // the offset on the far side of a DST change
  return new Date(instant).toISOString();
}

/** HH:mm in Oslo of an instant, for a time field. */
export function osloClock(value: Date): string {
  return formatTime(value);
}

/** Kroner as a person types them ("129", "129,50", "129.5") in whole øre; null when it is not an amount. */
export function kronerToOre(text: string): number | null {
  const match = /^\s*(\d{1,6})(?:[.,](\d{1,2}))?\s*$/.exec(text);
  return match ? Number(match[1]) * 100 + Number((match[2] ?? '0').padEnd(2, '0')) : null;
}
