import { lapseStatus } from './lapse-rules';

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
