/** The calendar day before an åååå-mm-dd day, as the API writes dates. */
export function dayBefore(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, date - 1)).toISOString().slice(0, 10);
}

/**
 * The days to ask the quota of, newest period first: today's period, then the day before each period's start,
 * back to the assignment's start, at most `count` periods.
 */
export async function periodsBack<T extends { periodStart: string }>(
  startsOn: string,
  count: number,
  quotaOn: (day: string | undefined) => Promise<T | undefined>,
): Promise<T[]> {
  const periods: T[] = [];
  let day: string | undefined;
  while (periods.length < count) {
    const quota = await quotaOn(day);
    if (!quota) break;
    periods.push(quota);
    day = dayBefore(quota.periodStart);
    if (day < startsOn) break;
  }
  return periods;
}
