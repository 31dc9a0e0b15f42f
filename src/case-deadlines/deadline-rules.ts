/**
 * Deadlines from the law (DOMAIN rule 10; seeds 000, 003). Pure: no Nest, no TypeORM.
 *
 * - An application not decided within one month of its receipt gets a written interim notice (foreløpig svar,
 *   forvaltningsloven § 11 a) saying why and when to expect the vedtak. "One month" is a calendar month as a
 *   person reads it (src/common/calendar-months.ts): received 31 January → due 28 February.
 * - A complaint (klage) may be lodged within 4 weeks of the day the vedtak was received (pasient- og
 *   brukerrettighetsloven § 7-2): received on a Monday → the deadline is the Monday four weeks later. When the day
 *   of receipt is not known, the day it was sent stands in for it.
 */
import { lastDayWithinMonths, lastDayWithinMonthsSql } from '../common/calendar-months';
import { addDays, compare, daysBetween, IsoDate } from '../common/dates';

export const COMPLAINT_WEEKS = 4;

/** The day by which the vedtak should be made, or else the interim notice is due. */
export function interimNoticeDueOn(receivedOn: IsoDate): IsoDate {
  return lastDayWithinMonths(receivedOn, 1);
}

/** SQL twin of interimNoticeDueOn. */
export const interimNoticeDueOnSql = (receivedOnExpr: string): string =>
  lastDayWithinMonthsSql(receivedOnExpr, '1');

export type NoticeState = 'not_due' | 'due' | 'overdue';

/** 'due' on the day a month has passed without a vedtak, 'overdue' after it. */
export function interimNoticeState(receivedOn: IsoDate, today: IsoDate): NoticeState {
  const c = compare(today, interimNoticeDueOn(receivedOn));
  return c < 0 ? 'not_due' : c === 0 ? 'due' : 'overdue';
}

/** The last day a complaint may be lodged (inclusive). */
export function complaintDeadline(delivery: { sentOn: IsoDate; receivedOn: IsoDate | null }): IsoDate {
  return addDays(delivery.receivedOn ?? delivery.sentOn, COMPLAINT_WEEKS * 7);
}

/** SQL twin of complaintDeadline. */
export const complaintDeadlineSql = (sentOnExpr: string, receivedOnExpr: string): string =>
  `(coalesce(${receivedOnExpr}, ${sentOnExpr}) + ${COMPLAINT_WEEKS * 7})`;

export function complaintInTime(deadline: IsoDate, lodgedOn: IsoDate): boolean {
  return compare(lodgedOn, deadline) <= 0;
}

/** Days left to lodge a complaint, counting today; negative once the deadline has passed. */
export function daysLeft(deadline: IsoDate, today: IsoDate): number {
  return daysBetween(today, deadline);
}
