/**
 * When a politiattest or a vedtak counts as lapsing or lapsed (DOMAIN rules 1 and 3; issue 5): coordinators
 * are told 30 days ahead, and a lapsed one blocks new sessions and new assignments. Pure: no Nest, no TypeORM.
 */
import { daysBetween, IsoDate } from '../common/dates';

export const LAPSE_WARNING_DAYS = 30;

export type LapseStatus = 'lapsing' | 'lapsed';

/** `validUntil` is the last valid day: lapsed from the day after, lapsing when that is within `warningDays`. */
export function lapseStatus(
  validUntil: IsoDate,
  today: IsoDate,
  warningDays = LAPSE_WARNING_DAYS,
): LapseStatus | null {
  const daysLeft = daysBetween(today, validUntil);
  if (daysLeft < 0) return 'lapsed';
  return daysLeft < warningDays ? 'lapsing' : null;
}

/** The daily scan runs every morning before office hours, Europe/Oslo. */
export const LAPSE_SCAN_TIME = { hour: 5, minute: 15 } as const;
export const LAPSE_SCAN_CRON = `${LAPSE_SCAN_TIME.minute} ${LAPSE_SCAN_TIME.hour} * * *`;

/**
 * Whether today's scan is due: its hour has passed in Oslo. The relay asks it, so a day whose tick was lost
 * (Redis down at the hour and restarted without its data) still gets its scan.
 */
export function lapseScanDue(minuteOfDayInOslo: number): boolean {
  return minuteOfDayInOslo >= LAPSE_SCAN_TIME.hour * 60 + LAPSE_SCAN_TIME.minute;
}
