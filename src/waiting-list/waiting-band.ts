/**
 * Helsedirektoratet measures the wait from vedtak to start in three bands: within 15 days, 16–30 days, and
 * 31 days or more. Pure.
 */
export const WAITING_BANDS = ['0-15', '16-30', '31+'] as const;
export type WaitingBand = (typeof WAITING_BANDS)[number];

export function waitingBand(days: number): WaitingBand {
  if (!Number.isInteger(days)) throw new RangeError('days must be a whole number');
  if (days <= 15) return '0-15';
  if (days <= 30) return '16-30';
  return '31+';
}

/** The SQL twin of `waitingBand`, for filtering and counting in the database; `daysRef` is an integer expression. */
export const waitingBandSql = (daysRef: string): string =>
  `(CASE WHEN ${daysRef} <= 15 THEN '0-15' WHEN ${daysRef} <= 30 THEN '16-30' ELSE '31+' END)`;
