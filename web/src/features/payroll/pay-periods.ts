/**
 * Pay periods as the server counts them (src/timesheets/pay-period.ts): from `startDay` of one month to the day
 * before it in the next (21st → 20th by default; 1 = the calendar month). Pure, on åååå-mm-dd strings.
 */
export interface PayPeriod {
  start: string;
  end: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The period starting in `year`-`month` (1–12) on `startDay`. */
function periodFrom(year: number, month: number, startDay: number): PayPeriod {
  const start = `${year}-${pad(month)}-${pad(startDay)}`;
  const nextYear = month === 12 ? year + 1 : year;
  const nextMonth = month === 12 ? 1 : month + 1;
  const endDay = startDay - 1;
  const end =
    endDay === 0
      ? `${year}-${pad(month)}-${pad(daysIn(year, month))}`
      : `${nextYear}-${pad(nextMonth)}-${pad(endDay)}`;
  return { start, end };
}

/** The pay period containing `day`. */
export function payPeriodContaining(day: string, startDay: number): PayPeriod {
  const [year, month, date] = day.split('-').map(Number);
  if (date >= startDay) return periodFrom(year, month, startDay);
  return month === 1 ? periodFrom(year - 1, 12, startDay) : periodFrom(year, month - 1, startDay);
}

/** The `count` periods before the one containing `today`, latest first (the last whole period first). */
export function recentPayPeriods(today: string, startDay: number, count: number): PayPeriod[] {
  const periods: PayPeriod[] = [];
  let current = payPeriodContaining(today, startDay);
  for (let i = 0; i < count; i++) {
    const [year, month] = current.start.split('-').map(Number);
    current = month === 1 ? periodFrom(year - 1, 12, startDay) : periodFrom(year, month - 1, startDay);
    periods.push(current);
  }
  return periods;
}
