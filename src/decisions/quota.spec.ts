import fc from 'fast-check';
import { addDays } from '../common/dates';
import {
  daysInForce,
  grantedInRanges,
  HoursPeriod,
  hoursToMinutes,
  minutesToHours,
  periodQuota,
  precedence,
  quotaPeriodContaining,
  quotaStatus,
  weeklyHoursEquivalent,
} from './quota';

describe('hoursToMinutes', () => {
  it.each([
    [0, 0],
    [1, 60],
    [2.5, 150],
    [0.25, 15],
    [0.75, 45],
    [1.33, 80], // 79.8 min: "1 h 20 min" typed with 2 decimals
    [1.67, 100],
    [0.01, 1], // 36 seconds rounds up to a minute
    [0.1 + 0.2, 18], // 0.30000000000000004 is still 2 decimals
    [123.45, 7407],
  ])('%d h = %d min', (hours, minutes) => expect(hoursToMinutes(hours)).toBe(minutes));

  it.each([1.005, 1.001, 0.333, 2.1234, 1 / 3])('refuses %d (more than 2 decimals)', (hours) => {
    expect(() => hoursToMinutes(hours)).toThrow('hours may have at most 2 decimals');
  });

  it.each([-1, -0.5, Number.NaN, Infinity, -Infinity])('refuses %d', (hours) => {
    expect(() => hoursToMinutes(hours)).toThrow(RangeError);
  });

  it('refuses non-numbers', () => {
    expect(() => hoursToMinutes('2' as unknown as number)).toThrow(RangeError);
  });

  it('returns whole minutes for every 2-decimal value, and round-trips through minutesToHours (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), (hundredths) => {
        const hours = hundredths / 100;
        const minutes = hoursToMinutes(hours);
        return (
          Number.isInteger(minutes) &&
          Math.abs(minutes - hours * 60) <= 0.5 &&
          // Whole minutes from whole quarter hours come back exactly
          (hundredths % 25 !== 0 || minutesToHours(minutes) === hours)
        );
      }),
    );
  });
});

describe('minutesToHours', () => {
  it.each([
    [0, 0],
    [60, 1],
    [90, 1.5],
    [80, 1.33],
    [100, 1.67],
    [1, 0.02],
  ])('%d min = %d h', (minutes, hours) => expect(minutesToHours(minutes)).toBe(hours));

  it('refuses fractional minutes', () => expect(() => minutesToHours(1.5)).toThrow(RangeError));
});

describe('weeklyHoursEquivalent', () => {
  it.each([
    [3, 'week', 3],
    [2.5, 'week', 2.5],
    [0, 'week', 0],
    [26, 'month', 6], // 26 × 12 / 52 = 6 exactly
    [10, 'month', 2.31], // 2.3077 → 2.31
    [4, 'month', 0.92], // 0.923 → 0.92
    [8, 'month', 1.85], // 1.846 → 1.85
    [0, 'month', 0],
    [13, 'month', 3],
  ] as const)('%d h per %s ≈ %d h per week', (hours, period, expected) => {
    expect(weeklyHoursEquivalent(hours, period)).toBe(expected);
  });

  it('refuses negative or non-finite hours and unknown periods', () => {
    expect(() => weeklyHoursEquivalent(-1, 'week')).toThrow(RangeError);
    expect(() => weeklyHoursEquivalent(Number.NaN, 'month')).toThrow(RangeError);
    expect(() => weeklyHoursEquivalent(1, 'day' as HoursPeriod)).toThrow(RangeError);
  });

  it('never has more than 2 decimals (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        fc.constantFrom<HoursPeriod>('week', 'month'),
        (h, period) => {
          const weekly = weeklyHoursEquivalent(h / 100, period);
          return Math.abs(weekly * 100 - Math.round(weekly * 100)) < 1e-9;
        },
      ),
    );
  });
});

describe('quotaPeriodContaining', () => {
  it.each([
    ['2025-01-01', 'week', '2024-12-30', '2025-01-05'], // a Wednesday, across New Year
    ['2025-01-06', 'week', '2025-01-06', '2025-01-12'], // a Monday
    ['2025-01-12', 'week', '2025-01-06', '2025-01-12'], // a Sunday belongs to the week before
    ['2024-02-29', 'week', '2024-02-26', '2024-03-03'],
    ['2025-03-30', 'week', '2025-03-24', '2025-03-30'], // summer time starts that Sunday
    ['2024-02-10', 'month', '2024-02-01', '2024-02-29'],
    ['2025-02-28', 'month', '2025-02-01', '2025-02-28'],
    ['2025-12-31', 'month', '2025-12-01', '2025-12-31'],
    ['2025-04-01', 'month', '2025-04-01', '2025-04-30'],
  ] as const)('%s, per %s: %s … %s', (date, period, start, end) => {
    expect(quotaPeriodContaining(date, period)).toEqual({ start, end });
  });

  it('refuses invalid dates and periods', () => {
    expect(() => quotaPeriodContaining('2025-02-29', 'month')).toThrow(RangeError);
    expect(() => quotaPeriodContaining('2025-02-28', 'year' as HoursPeriod)).toThrow(RangeError);
  });
});

describe('quotaStatus', () => {
  it('reports an untouched quota', () => {
    expect(quotaStatus({ grantedMinutes: 600, usedMinutes: 0 })).toEqual({
      remainingMinutes: 600,
      usedRatio: 0,
      warning: false,
      wouldExceed: false,
    });
  });

  it('warns from 80 % by default, counting the request', () => {
    expect(quotaStatus({ grantedMinutes: 600, usedMinutes: 479 })).toMatchObject({
      warning: false,
      usedRatio: 0.7983,
    });
    expect(quotaStatus({ grantedMinutes: 600, usedMinutes: 480 })).toMatchObject({
      warning: true,
      usedRatio: 0.8,
    });
    expect(quotaStatus({ grantedMinutes: 600, usedMinutes: 420, requestedMinutes: 60 })).toEqual({
      remainingMinutes: 180,
      usedRatio: 0.8,
      warning: true,
      wouldExceed: false,
    });
  });

  it('does not miss the warning at a threshold float arithmetic lands just beside', () => {
    // 0.7 × 10 = 7.000000000000001 and 0.1 × 30 = 3.0000000000000004 in floating point
    expect(quotaStatus({ grantedMinutes: 10, usedMinutes: 7, warnAtRatio: 0.7 }).warning).toBe(true);
    expect(quotaStatus({ grantedMinutes: 30, usedMinutes: 3, warnAtRatio: 0.1 }).warning).toBe(true);
    expect(quotaStatus({ grantedMinutes: 30, usedMinutes: 2, warnAtRatio: 0.1 }).warning).toBe(false);
  });

  it('accepts a request that uses the quota exactly', () => {
    expect(quotaStatus({ grantedMinutes: 600, usedMinutes: 540, requestedMinutes: 60 })).toEqual({
      remainingMinutes: 60,
      usedRatio: 1,
      warning: true,
      wouldExceed: false,
    });
  });

  it('flags a request that would go one minute over', () => {
    expect(quotaStatus({ grantedMinutes: 600, usedMinutes: 540, requestedMinutes: 61 })).toMatchObject({
      remainingMinutes: 60,
      wouldExceed: true,
      warning: true,
    });
  });

  it('reports a quota already overrun (e.g. the vedtak was reduced) without negative remaining minutes', () => {
    expect(quotaStatus({ grantedMinutes: 300, usedMinutes: 450 })).toEqual({
      remainingMinutes: 0,
      usedRatio: 1.5,
      warning: true,
      wouldExceed: true,
    });
  });

  it('uses a custom warning ratio', () => {
    expect(quotaStatus({ grantedMinutes: 600, usedMinutes: 500, warnAtRatio: 0.9 }).warning).toBe(false);
    expect(quotaStatus({ grantedMinutes: 600, usedMinutes: 540, warnAtRatio: 0.9 }).warning).toBe(true);
    expect(quotaStatus({ grantedMinutes: 600, usedMinutes: 599, warnAtRatio: 1 }).warning).toBe(false);
    expect(quotaStatus({ grantedMinutes: 600, usedMinutes: 600, warnAtRatio: 1 }).warning).toBe(true);
  });

  it('handles a decision that grants no hours', () => {
    expect(quotaStatus({ grantedMinutes: 0, usedMinutes: 0 })).toEqual({
      remainingMinutes: 0,
      usedRatio: 0,
      warning: false,
      wouldExceed: false,
    });
    expect(quotaStatus({ grantedMinutes: 0, usedMinutes: 0, requestedMinutes: 30 })).toEqual({
      remainingMinutes: 0,
      usedRatio: Infinity,
      warning: true,
      wouldExceed: true,
    });
  });

  it.each([
    [{ grantedMinutes: -1, usedMinutes: 0 }],
    [{ grantedMinutes: 60.5, usedMinutes: 0 }],
    [{ grantedMinutes: 60, usedMinutes: -5 }],
    [{ grantedMinutes: 60, usedMinutes: 0, requestedMinutes: 0.5 }],
    [{ grantedMinutes: 60, usedMinutes: Number.NaN }],
    [{ grantedMinutes: 60, usedMinutes: 0, warnAtRatio: 0 }],
    [{ grantedMinutes: 60, usedMinutes: 0, warnAtRatio: 1.2 }],
    [{ grantedMinutes: 60, usedMinutes: 0, warnAtRatio: Number.NaN }],
  ])('refuses %j', (input) => expect(() => quotaStatus(input)).toThrow(RangeError));

  it('never lets an accepted request push usage above the quota (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 50_000 }),
        fc.integer({ min: 0, max: 50_000 }),
        fc.integer({ min: 0, max: 50_000 }),
        fc.integer({ min: 1, max: 100 }),
        (granted, used, requested, percent) => {
          const status = quotaStatus({
            grantedMinutes: granted,
            usedMinutes: used,
            requestedMinutes: requested,
            warnAtRatio: percent / 100,
          });
          const projected = used + requested;
          return (
            status.wouldExceed === projected > granted &&
            status.remainingMinutes === Math.max(0, granted - used) &&
            // Warn exactly when usage reaches the threshold, compared in integers: projected/granted ≥ percent/100
            status.warning === (projected > 0 && projected * 100 >= percent * granted) &&
            (!status.wouldExceed || status.warning)
          );
        },
      ),
      { numRuns: 5000 },
    );
  });
});

describe('quota periods across month and year ends', () => {
  it.each([
    ['2026-12-31', 'week', '2026-12-28', '2027-01-03'],
    ['2027-01-03', 'week', '2026-12-28', '2027-01-03'],
    ['2027-01-04', 'week', '2027-01-04', '2027-01-10'],
    ['2026-12-31', 'month', '2026-12-01', '2026-12-31'],
    ['2027-01-01', 'month', '2027-01-01', '2027-01-31'],
    ['2028-02-29', 'month', '2028-02-01', '2028-02-29'],
    ['2026-03-01', 'week', '2026-02-23', '2026-03-01'],
  ] as const)('%s lies in the %s %s–%s', (date, period, start, end) => {
    expect(quotaPeriodContaining(date, period)).toEqual({ start, end });
  });
});

describe('periodQuota', () => {
  it('lets a session fill the quota exactly, and warns at 80 %', () => {
    expect(periodQuota({ granted: 600, approvedOverrun: 0, used: 540, requested: 60 })).toMatchObject({
      allowed: 600,
      wouldExceed: false,
      warning: true,
      excess: 0,
      remainingMinutes: 60,
    });
    expect(periodQuota({ granted: 600, approvedOverrun: 0, used: 0, requested: 479 }).warning).toBe(false);
    expect(periodQuota({ granted: 600, approvedOverrun: 0, used: 0, requested: 480 }).warning).toBe(true);
  });

  it('refuses a minute beyond the quota and says how much is beyond', () => {
    expect(periodQuota({ granted: 600, approvedOverrun: 0, used: 570, requested: 60 })).toMatchObject({
      wouldExceed: true,
      excess: 30,
    });
  });

  it('counts an approved overrun as part of what may be used', () => {
    expect(periodQuota({ granted: 600, approvedOverrun: 60, used: 570, requested: 60 })).toMatchObject({
      allowed: 660,
      wouldExceed: false,
    });
  });

  it('never refuses a request of 0 (a session without driving against a used-up km quota)', () => {
    expect(periodQuota({ granted: 0, approvedOverrun: 0, used: 0, requested: 0 }).wouldExceed).toBe(false);
    expect(periodQuota({ granted: 100, approvedOverrun: 0, used: 150, requested: 0 })).toMatchObject({
      wouldExceed: false,
      excess: 0,
    });
  });

  it('refuses any driving when none is granted', () => {
    expect(periodQuota({ granted: 0, approvedOverrun: 0, used: 0, requested: 125 })).toMatchObject({
      wouldExceed: true,
      excess: 125,
    });
  });

  it('never lets the sum of accepted requests pass what is allowed (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5000 }),
        fc.array(fc.integer({ min: 0, max: 600 }), { maxLength: 40 }),
        (granted, requests) => {
          let used = 0;
          for (const requested of requests) {
            if (!periodQuota({ granted, approvedOverrun: 0, used, requested }).wouldExceed) used += requested;
          }
          return used <= granted;
        },
      ),
    );
  });
});

describe('pro rata quotas and renewals (DOMAIN rule 3)', () => {
  const vedtak = (
    id: string,
    validFrom: string,
    validTo: string,
    decidedOn = validFrom,
    createdAt = '2026-01-01T00:00:00.000000',
  ) => ({
    id,
    validFrom,
    validTo,
    decidedOn,
    createdAt,
  });

  it('grants a period pro rata for the days a vedtak starting or ending inside it covers', () => {
    // 10 hours a month from 16 April: 15 of April's 30 days.
    const starting = vedtak('a', '2026-04-16', '2026-12-31');
    expect(grantedInRanges(600, 'month', daysInForce(starting, [starting], '2026-04-01', '2026-04-30'))).toBe(
      300,
    );
    // 3 hours a week ending on a Wednesday: 3 of 7 days.
    const ending = vedtak('b', '2025-01-01', '2026-12-02');
    expect(grantedInRanges(180, 'week', daysInForce(ending, [ending], '2026-11-30', '2026-12-06'))).toBe(77);
    // A whole period covered grants it whole; February in a leap year is 29 days.
    const leap = vedtak('c', '2028-02-15', '2028-12-31');
    expect(grantedInRanges(600, 'month', daysInForce(leap, [leap], '2028-03-01', '2028-03-31'))).toBe(600);
    expect(grantedInRanges(290, 'month', daysInForce(leap, [leap], '2028-02-01', '2028-02-29'))).toBe(150);
  });

  it('never grants a day twice when a renewal overlaps the vedtak before it', () => {
    const old = vedtak('old', '2026-01-01', '2026-12-31');
    const renewal = vedtak('new', '2026-06-16', '2027-06-15', '2026-06-01');
    const both = [old, renewal];
    const june = { from: '2026-06-01', to: '2026-06-30' };
    expect(daysInForce(old, both, june.from, june.to)).toEqual([{ from: '2026-06-01', to: '2026-06-15' }]);
    expect(daysInForce(renewal, both, june.from, june.to)).toEqual([
      { from: '2026-06-16', to: '2026-06-30' },
    ]);
    const granted =
      grantedInRanges(600, 'month', daysInForce(old, both, june.from, june.to)) +
      grantedInRanges(600, 'month', daysInForce(renewal, both, june.from, june.to));
    expect(granted).toBe(600);
  });

  it('lets a renewal that ends first hand the rest back to the vedtak it interrupted', () => {
    const long = vedtak('long', '2026-01-01', '2026-12-31');
    const short = vedtak('short', '2026-03-10', '2026-03-19');
    expect(daysInForce(long, [long, short], '2026-03-01', '2026-03-31')).toEqual([
      { from: '2026-03-01', to: '2026-03-09' },
      { from: '2026-03-20', to: '2026-03-31' },
    ]);
  });

  it('breaks ties as the SQL does: the later decided, then the later recorded, then the id', () => {
    const a = vedtak('a', '2026-05-01', '2026-12-31', '2026-04-01');
    const b = vedtak('b', '2026-05-01', '2026-12-31', '2026-04-20');
    expect(precedence(b, a)).toBeGreaterThan(0);
    expect(daysInForce(a, [a, b], '2026-05-01', '2026-05-31')).toEqual([]);
    const c = vedtak('c', '2026-05-01', '2026-12-31', '2026-04-20', '2026-04-21T10:00:00.000001');
    expect(precedence(c, b)).toBeGreaterThan(0);
    const d = { ...c, id: 'd' };
    expect(precedence(d, c)).toBeGreaterThan(0);
  });

  it('gives each day to exactly one vedtak where any is valid, and to none elsewhere', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            start: fc.integer({ min: 0, max: 60 }),
            length: fc.integer({ min: 0, max: 90 }),
            decided: fc.integer({ min: 0, max: 5 }),
          }),
          { minLength: 1, maxLength: 4 },
        ),
        (specs) => {
          const decisions = specs.map((s, i) =>
            vedtak(
              `d${i}`,
              addDays('2026-01-01', s.start),
              addDays('2026-01-01', s.start + s.length),
              addDays('2025-12-01', s.decided),
            ),
          );
          const ranges = decisions.map((d) => daysInForce(d, decisions, '2026-01-01', '2026-05-31'));
          for (let day = '2026-01-01'; day <= '2026-05-31'; day = addDays(day, 1)) {
            const holders = ranges.filter((list) => list.some((r) => r.from <= day && day <= r.to)).length;
            const valid = decisions.some((d) => d.validFrom <= day && day <= d.validTo);
            expect(holders).toBe(valid ? 1 : 0);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
