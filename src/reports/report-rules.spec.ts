import { durationBand, grantedMinutesInRange, waitingBand } from './report-rules';

describe('grantedMinutesInRange', () => {
  const monthly = {
    hoursGranted: 10,
    hoursPeriod: 'month' as const,
    validFrom: '2026-01-01',
    validTo: '2026-12-31',
  };

  it('counts whole months whole', () => {
    expect(grantedMinutesInRange(monthly, '2026-01-01', '2026-12-31')).toBe(120 * 60);
    expect(grantedMinutesInRange(monthly, '2026-02-01', '2026-02-28')).toBe(600);
  });

  it('counts part of a month pro rata, and nothing outside the vedtak', () => {
    expect(grantedMinutesInRange(monthly, '2026-04-16', '2026-04-30')).toBe(300); // 15 of 30 days
    expect(grantedMinutesInRange({ ...monthly, validFrom: '2026-07-01' }, '2026-01-01', '2026-12-31')).toBe(
      60 * 60,
    );
    expect(grantedMinutesInRange(monthly, '2027-01-01', '2027-03-31')).toBe(0);
  });

  it('counts weeks across the year end', () => {
    const weekly = {
      hoursGranted: 3.5,
      hoursPeriod: 'week' as const,
      validFrom: '2026-01-01',
      validTo: '2027-12-31',
    };
    // 2026-12-28 (Mon) … 2027-01-03 (Sun) is one ISO week
    expect(grantedMinutesInRange(weekly, '2026-12-28', '2027-01-03')).toBe(210);
    expect(grantedMinutesInRange(weekly, '2027-01-01', '2027-01-03')).toBe(90); // 3 of 7 days
  });
});

describe('waitingBand', () => {
  it.each([
    [0, 'within15Days'],
    [15, 'within15Days'],
    [16, 'from16To30Days'],
    [30, 'from16To30Days'],
    [31, 'from31Days'],
  ] as const)('%i days → %s', (days, band) => expect(waitingBand(days)).toBe(band));
});

describe('durationBand', () => {
  it.each([
    ['2026-01-31', '2026-04-29', 'within3Months'],
    ['2026-01-31', '2026-04-30', 'within6Months'], // 31 Jan + 3 months is clamped to 30 April
    ['2026-01-15', '2026-07-14', 'within6Months'],
    ['2026-01-15', '2026-07-15', 'within12Months'],
    ['2026-01-15', '2027-01-14', 'within12Months'],
    ['2026-01-15', '2027-01-15', 'after12Months'],
  ] as const)('%s → %s: %s', (start, end, band) => expect(durationBand(start, end)).toBe(band));
});
