/** Calendar months for the reports' series, on åååå-mm-dd strings. Pure. */
export interface MonthRange {
  /** åååå-mm */
  month: string;
  from: string;
  /** The month's last day, or today for the month in progress. */
  to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The `count` months up to and including the one of `today`, oldest first. */
export function lastMonths(today: string, count: number): MonthRange[] {
  const [year, month] = today.split('-').map(Number);
  const months: MonthRange[] = [];
  for (let back = count - 1; back >= 0; back--) {
    const index = year * 12 + (month - 1) - back;
    const y = Math.floor(index / 12);
    const m = (index % 12) + 1;
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    const end = `${y}-${pad(m)}-${pad(last)}`;
    months.push({ month: `${y}-${pad(m)}`, from: `${y}-${pad(m)}-01`, to: end < today ? end : today });
  }
  return months;
}

/** Percentage of `part` in `whole`, one decimal; null when there is nothing to compare with. */
export function percentOf(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 1000) / 10 : null;
}
