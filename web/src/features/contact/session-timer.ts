/**
 * The start/stop timer on "Før timer": the moment a session began is kept on the phone (localStorage), so it
 * keeps running across reloads and a lost connection; stopping turns it into the session's date, start and end
 * in Oslo time. Pure but for the storage helpers at the end.
 */
import { formatTime, osloDay } from '../../common/format/format';

export interface RunningTimer {
  /** ISO instant the session began. */
  startedAt: string;
}

export type StoppedTimer =
  | { ok: true; date: string; start: string; end: string; minutes: number; untilMidnight: boolean }
  | { ok: false; reason: 'too_short' };

/** A new timer at `now`, on the whole minute (the form's times are minutes). */
export function startTimer(now: Date): RunningTimer {
  const minute = new Date(now);
  minute.setSeconds(0, 0);
  return { startedAt: minute.toISOString() };
}

/** Whole minutes the timer has run at `now`. */
export function elapsedMinutes(timer: RunningTimer, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - new Date(timer.startedAt).getTime()) / 60_000));
}

/**
 * The session's date and times when stopped at `now`. A session is logged within one day, so one that ran past
 * midnight (Oslo) ends at 24:00 and says so; the rest is logged as a session of its own.
 */
export function stopTimer(timer: RunningTimer, now: Date): StoppedTimer {
  const started = new Date(timer.startedAt);
  const date = osloDay(started);
  const start = formatTime(started);
  const untilMidnight = osloDay(now) !== date;
  const end = untilMidnight ? '24:00' : formatTime(now);
  const minutes = toMinutes(end) - toMinutes(start);
  if (minutes < 1) return { ok: false, reason: 'too_short' };
  return { ok: true, date, start, end, minutes, untilMidnight };
}

const toMinutes = (time: string): number => {
  const [hours, minutes] = time.split(':').map(Number);
  return hours * 60 + minutes;
};

/** A stored timer, or null for nothing or anything that is not one. */
export function parseTimer(raw: string | null): RunningTimer | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as unknown;
    if (typeof value !== 'object' || value === null) return null;
    const startedAt = (value as { startedAt?: unknown }).startedAt;
    if (typeof startedAt !== 'string' || Number.isNaN(Date.parse(startedAt))) return null;
    return { startedAt: new Date(startedAt).toISOString() };
  } catch {
    return null;
  }
}

export const timerStorageKey = (contactId: string): string => `stottekontakt.session-timer.${contactId}`;

export function loadTimer(contactId: string): RunningTimer | null {
  return parseTimer(localStorage.getItem(timerStorageKey(contactId)));
}

export function saveTimer(contactId: string, timer: RunningTimer | null): void {
  if (timer) localStorage.setItem(timerStorageKey(contactId), JSON.stringify(timer));
  else localStorage.removeItem(timerStorageKey(contactId));
}
