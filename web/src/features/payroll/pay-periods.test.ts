import { describe, expect, it } from 'vitest';
import { payPeriodContaining, recentPayPeriods } from './pay-periods';

describe('pay periods', () => {
  it('runs from the 21st to the 20th by default', () => {
    expect(payPeriodContaining('2026-12-02', 21)).toEqual({ start: '2026-11-21', end: '2026-12-20' });
    expect(payPeriodContaining('2026-12-21', 21)).toEqual({ start: '2026-12-21', end: '2027-01-20' });
    expect(payPeriodContaining('2026-01-05', 21)).toEqual({ start: '2025-12-21', end: '2026-01-20' });
  });

  it('is the calendar month when periods start on the 1st', () => {
    expect(payPeriodContaining('2028-02-15', 1)).toEqual({ start: '2028-02-01', end: '2028-02-29' });
  });

  it('lists the whole periods before today, latest first, across the year end', () => {
    expect(recentPayPeriods('2026-02-02', 21, 3)).toEqual([
      { start: '2025-12-21', end: '2026-01-20' },
      { start: '2025-11-21', end: '2025-12-20' },
      { start: '2025-10-21', end: '2025-11-20' },
    ]);
  });
});
