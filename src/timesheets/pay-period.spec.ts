import { payPeriodContaining, payPeriodStartingOn } from './pay-period';

describe('payPeriodContaining', () => {
  it.each([
    ['2026-01-21', '2026-01-21', '2026-02-20', '2026-02'],
    ['2026-02-20', '2026-01-21', '2026-02-20', '2026-02'],
    ['2026-02-21', '2026-02-21', '2026-03-20', '2026-03'],
    // across the year end
    ['2025-12-31', '2025-12-21', '2026-01-20', '2026-01'],
    ['2026-01-05', '2025-12-21', '2026-01-20', '2026-01'],
    ['2025-12-20', '2025-11-21', '2025-12-20', '2025-12'],
    // February in a leap year lies inside 21 Feb–20 Mar
    ['2028-02-29', '2028-02-21', '2028-03-20', '2028-03'],
  ])('the default period (21st–20th) holding %s is %s–%s, paid in %s', (date, start, end, label) => {
    expect(payPeriodContaining(date)).toEqual({ start, end, label });
  });

  it.each([
    [1, '2026-02-14', '2026-02-01', '2026-02-28'],
    [1, '2028-02-29', '2028-02-01', '2028-02-29'],
    [16, '2026-01-15', '2025-12-16', '2026-01-15'],
    [28, '2026-03-27', '2026-02-28', '2026-03-27'],
  ])('start day %i: %s lies in %s–%s', (startDay, date, start, end) => {
    expect(payPeriodContaining(date, startDay)).toMatchObject({ start, end });
  });

  it.each([0, 29, 31, 1.5])('refuses a start day of %p', (startDay) => {
    expect(() => payPeriodContaining('2026-01-01', startDay)).toThrow(RangeError);
  });

  it('periods tile the calendar: every day lies in exactly one, and they follow each other', () => {
    let date = '2025-11-01';
    let previous = payPeriodContaining(date);
    for (let i = 0; i < 800; i++) {
      const day = new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
      const period = payPeriodContaining(day, 21);
      if (period.start !== previous.start) {
        expect(period.start).toBe(
          new Date(Date.parse(`${previous.end}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10),
        );
      }
      expect(day >= period.start && day <= period.end).toBe(true);
      previous = period;
      date = day;
    }
  });
});

describe('payPeriodStartingOn', () => {
  it('accepts the first day of a period', () => {
    expect(payPeriodStartingOn('2026-01-21').end).toBe('2026-02-20');
  });
  it('refuses any other day', () => {
    expect(() => payPeriodStartingOn('2026-01-20')).toThrow(RangeError);
  });
});
