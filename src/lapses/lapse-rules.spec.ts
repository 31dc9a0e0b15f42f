import { LAPSE_SCAN_CRON, lapseScanDue, lapseStatus } from './lapse-rules';

describe('lapseStatus', () => {
  it.each([
    ['2026-11-22', '2026-11-23', 'lapsed'], // valid until yesterday
    ['2026-11-23', '2026-11-23', 'lapsing'], // last valid day today
    ['2026-12-22', '2026-11-23', 'lapsing'], // lapses on the 30th day from now
    ['2026-12-23', '2026-11-23', null],
    ['2027-01-05', '2026-12-20', 'lapsing'], // across the year end
    ['2020-01-01', '2026-11-23', 'lapsed'],
  ])('valid until %s, on %s: %p', (validUntil, today, status) => {
    expect(lapseStatus(validUntil, today)).toBe(status);
  });
});

describe('the daily scan', () => {
  it('is due from 05:15 Oslo time, the time its cron names', () => {
    expect(LAPSE_SCAN_CRON).toBe('15 5 * * *');
    expect(lapseScanDue(5 * 60 + 14)).toBe(false);
    expect(lapseScanDue(5 * 60 + 15)).toBe(true);
    expect(lapseScanDue(23 * 60 + 59)).toBe(true);
    expect(lapseScanDue(0)).toBe(false);
  });
});
