/**
 * Pay periods: contacts are paid monthly as contractors from their timesheets, commonly for the 21st to the
 * 20th (DOMAIN, "Facts from Norwegian practice"). The first day is a municipal setting (1–28; 1 = calendar month).
 * Pure: no Nest, no TypeORM.
 */
import { addDays, addMonths, IsoDate } from '../common/dates';

export const DEFAULT_PAY_PERIOD_START_DAY = 21;

export interface PayPeriod {
  /** First day, inclusive. */
  start: IsoDate;
  /** Last day, inclusive. */
  end: IsoDate;
  /** The month the period ends in ('YYYY-MM'): the pay month it is paid with. */
  label: string;
}

function assertStartDay(startDay: number): void {
  if (!Number.isInteger(startDay) || startDay < 1 || startDay > 28) {
    throw new RangeError('the pay period start day must be a whole day of 1–28');
  }
}

/** The pay period containing `date` when periods start on `startDay` of each month. */
export function payPeriodContaining(date: IsoDate, startDay = DEFAULT_PAY_PERIOD_START_DAY): PayPeriod {
  assertStartDay(startDay);
  const day = Number(date.slice(8, 10));
  const monthStart = `${date.slice(0, 8)}${String(startDay).padStart(2, '0')}`;
  const start = day >= startDay ? monthStart : addMonths(monthStart, -1);
  const end = addDays(addMonths(start, 1), -1);
  return { start, end, label: end.slice(0, 7) };
}

/** The pay period that starts on `start`, or a RangeError when `start` is not the first day of one. */
export function payPeriodStartingOn(start: IsoDate, startDay = DEFAULT_PAY_PERIOD_START_DAY): PayPeriod {
  const period = payPeriodContaining(start, startDay);
  if (period.start !== start) throw new RangeError(`a pay period starts on day ${startDay} of a month`);
  return period;
}
