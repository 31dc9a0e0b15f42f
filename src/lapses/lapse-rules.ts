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
