import fc from 'fast-check';
import {
  addDays,
  addMonths,
  ageInYears,
  assertIsoDate,
  compare,
  daysBetween,
  daysInMonth,
  endOfMonth,
  isLeapYear,
  isValidIsoDate,
  minuteOfDayInOslo,
  startOfIsoWeek,
  startOfMonth,
  todayInOslo,
} from './dates';

// Independent reference for property tests: the engine's UTC calendar (valid for the years used here).
const utcEpochDay = (date: string): number =>
  Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8)) / 864e5;
const utcIso = (epochDay: number): string => new Date(epochDay * 864e5).toISOString().slice(0, 10);
const isoDateArb = fc
  .integer({ min: utcEpochDay('1000-01-01'), max: utcEpochDay('9999-12-31') })
  .map((epochDay) => utcIso(epochDay));
const midRangeDateArb = fc
  .integer({ min: utcEpochDay('1200-01-01'), max: utcEpochDay('8800-12-31') })
  .map((epochDay) => utcIso(epochDay));

describe('isValidIsoDate', () => {
  it.each(['2024-02-29', '2000-02-29', '2023-12-31', '0001-01-01', '9999-12-31', '1970-01-01'])(
    'accepts %s',
    (value) => expect(isValidIsoDate(value)).toBe(true),
  );

  it.each([
    ['2023-02-29', 'not a leap year'],
    ['1900-02-29', 'century not divisible by 400'],
    ['2024-04-31', 'April has 30 days'],
    ['2024-13-01', 'month 13'],
    ['2024-00-10', 'month 0'],
    ['2024-01-00', 'day 0'],
    ['0000-01-01', 'year 0'],
    ['2024-1-01', 'one-digit month'],
    ['24-01-01', 'two-digit year'],
    ['2024-01-01T00:00:00Z', 'a timestamp'],
    [' 2024-01-01', 'leading space'],
    ['2024-01-01\n', 'trailing newline'],
    ['2024/01/01', 'slashes'],
    ['', 'empty'],
  ])('rejects %j (%s)', (value) => expect(isValidIsoDate(value)).toBe(false));

  it('rejects non-strings', () => {
    expect(isValidIsoDate(undefined)).toBe(false);
    expect(isValidIsoDate(null)).toBe(false);
    expect(isValidIsoDate(20240101)).toBe(false);
    expect(isValidIsoDate(new Date())).toBe(false);
  });

  it('agrees with the UTC calendar on every date of a leap-year cycle', () => {
    for (let epochDay = utcEpochDay('1999-12-25'); epochDay <= utcEpochDay('2004-01-05'); epochDay++) {
      expect(isValidIsoDate(utcIso(epochDay))).toBe(true);
    }
  });
});

describe('assertIsoDate', () => {
  it('names the argument but never echoes the value', () => {
    expect(() => assertIsoDate('01019012480', 'birthDate')).toThrow(RangeError);
    expect(() => assertIsoDate('01019012480', 'birthDate')).toThrow(
      /^birthDate must be a real calendar date/,
    );
    expect(() => assertIsoDate('01019012480', 'birthDate')).not.toThrow(/01019012480/);
  });

  it('passes a valid date', () => expect(() => assertIsoDate('2024-02-29')).not.toThrow());
});

describe('isLeapYear and daysInMonth', () => {
  it('follows the Gregorian rule', () => {
    expect([1900, 2000, 2023, 2024, 2100].map(isLeapYear)).toEqual([false, true, false, true, false]);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2023, 2)).toBe(28);
    expect(daysInMonth(2023, 4)).toBe(30);
    expect(daysInMonth(2023, 12)).toBe(31);
  });
});

describe('addDays', () => {
  it.each([
    ['2024-02-28', 1, '2024-02-29'],
    ['2023-02-28', 1, '2023-03-01'],
    ['2024-12-31', 1, '2025-01-01'],
    ['2025-01-01', -1, '2024-12-31'],
    ['2024-03-31', 0, '2024-03-31'],
    ['2024-01-01', 366, '2025-01-01'],
    // Across both of Norway's daylight-saving changes: a date-only value must not gain or lose a day.
    ['2024-03-30', 1, '2024-03-31'],
    ['2024-03-31', 1, '2024-04-01'],
    ['2024-10-26', 2, '2024-10-28'],
    ['1970-01-01', -1, '1969-12-31'],
  ])('%s + %i days = %s', (date, days, expected) => expect(addDays(date, days)).toBe(expected));

  it('rejects fractional days and invalid dates', () => {
    expect(() => addDays('2024-01-01', 0.5)).toThrow(RangeError);
    expect(() => addDays('2024-01-01', Number.NaN)).toThrow(RangeError);
    expect(() => addDays('2024-02-30', 1)).toThrow(RangeError);
  });

  it('refuses to leave the years 0001–9999', () => {
    expect(() => addDays('9999-12-31', 1)).toThrow(RangeError);
    expect(() => addDays('0001-01-01', -1)).toThrow(RangeError);
  });

  it('matches the UTC calendar (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: utcEpochDay('1000-01-01'), max: utcEpochDay('9000-01-01') }),
        fc.integer({ min: -200_000, max: 200_000 }),
        (epochDay, days) => addDays(utcIso(epochDay), days) === utcIso(epochDay + days),
      ),
    );
  });
});

describe('addMonths', () => {
  it.each([
    ['2024-01-15', 1, '2024-02-15'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2023-01-31', 1, '2023-02-28'],
    ['2024-03-31', 1, '2024-04-30'],
    ['2024-03-31', -1, '2024-02-29'],
    ['2024-12-15', 1, '2025-01-15'],
    ['2024-01-15', -1, '2023-12-15'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-02-29', 48, '2028-02-29'],
    ['2024-03-15', 36, '2027-03-15'],
    ['2024-05-31', -17, '2022-12-31'],
    ['2024-05-10', 0, '2024-05-10'],
  ])('%s + %i months = %s', (date, months, expected) => expect(addMonths(date, months)).toBe(expected));

  it('does not carry the clamped day forward: Jan 31 + 1 + 1 month is Mar 29, + 2 months is Mar 31', () => {
    expect(addMonths(addMonths('2024-01-31', 1), 1)).toBe('2024-03-29');
    expect(addMonths('2024-01-31', 2)).toBe('2024-03-31');
  });

  it('rejects fractional months and leaving the year range', () => {
    expect(() => addMonths('2024-01-01', 1.5)).toThrow(RangeError);
    expect(() => addMonths('9999-12-01', 1)).toThrow(RangeError);
    expect(() => addMonths('0001-01-01', -1)).toThrow(RangeError);
  });

  it('always lands in the right month on a valid date no later than the original day (property)', () => {
    fc.assert(
      fc.property(midRangeDateArb, fc.integer({ min: -1200, max: 1200 }), (date, months) => {
        const result = addMonths(date, months);
        const monthIndex = (d: string) => +d.slice(0, 4) * 12 + +d.slice(5, 7);
        return (
          isValidIsoDate(result) &&
          monthIndex(result) - monthIndex(date) === months &&
          +result.slice(8) <= +date.slice(8)
        );
      }),
      { examples: [['2024-01-31', 1]] },
    );
  });
});

describe('daysBetween', () => {
  it.each([
    ['2024-01-01', '2024-01-01', 0],
    ['2024-01-01', '2024-01-02', 1],
    ['2024-01-02', '2024-01-01', -1],
    ['2024-01-01', '2025-01-01', 366],
    ['2023-01-01', '2024-01-01', 365],
    ['2024-03-30', '2024-04-01', 2],
    ['1970-01-01', '2000-01-01', 10957],
  ])('from %s to %s is %i', (from, to, expected) => expect(daysBetween(from, to)).toBe(expected));

  it('matches the UTC calendar and inverts addDays (property)', () => {
    fc.assert(
      fc.property(isoDateArb, isoDateArb, (a, b) => {
        const days = daysBetween(a, b);
        return days === utcEpochDay(b) - utcEpochDay(a) && addDays(a, days) === b;
      }),
    );
  });

  it('rejects invalid dates', () =>
    expect(() => daysBetween('2024-01-01', '2024-02-30')).toThrow(RangeError));
});

describe('compare', () => {
  it('orders dates', () => {
    expect(compare('2024-01-01', '2024-01-02')).toBe(-1);
    expect(compare('2024-01-02', '2024-01-01')).toBe(1);
    expect(compare('2024-01-01', '2024-01-01')).toBe(0);
    expect(compare('1999-12-31', '2000-01-01')).toBe(-1);
  });

  it('works as a sort comparator', () => {
    expect(['2024-03-01', '2023-12-31', '2024-02-29'].sort(compare)).toEqual([
      '2023-12-31',
      '2024-02-29',
      '2024-03-01',
    ]);
  });

  it('rejects invalid dates rather than comparing strings', () => {
    expect(() => compare('2024-1-1', '2024-01-01')).toThrow(RangeError);
    expect(() => compare('2024-01-01', '2024-02-30')).toThrow(RangeError);
  });
});

describe('ageInYears', () => {
  it.each([
    ['2000-05-10', '2018-05-09', 17],
    ['2000-05-10', '2018-05-10', 18],
    ['2000-05-10', '2018-05-11', 18],
    ['2000-05-10', '2000-05-10', 0],
    ['2000-05-10', '2000-05-09', -1],
    ['2000-12-31', '2001-12-30', 0],
    ['2000-12-31', '2001-12-31', 1],
    // Born on 29 February: one year older on 1 March in common years, on 29 February in leap years.
    ['2004-02-29', '2022-02-28', 17],
    ['2004-02-29', '2022-03-01', 18],
    ['2004-02-29', '2024-02-28', 19],
    ['2004-02-29', '2024-02-29', 20],
  ])('born %s, on %s: %i', (birthDate, onDate, expected) =>
    expect(ageInYears(birthDate, onDate)).toBe(expected),
  );

  it('rejects invalid dates', () => expect(() => ageInYears('2000-02-30', '2020-01-01')).toThrow(RangeError));
});

describe('startOfIsoWeek', () => {
  it.each([
    ['2024-01-01', '2024-01-01'], // a Monday
    ['2024-01-07', '2024-01-01'], // Sunday belongs to the week that started on Monday
    ['2024-01-08', '2024-01-08'],
    ['2024-01-03', '2024-01-01'],
    ['2025-01-01', '2024-12-30'], // across a year boundary
    ['2024-03-01', '2024-02-26'], // across a leap day
    ['1970-01-01', '1969-12-29'], // before and after the epoch
    ['1969-12-28', '1969-12-22'],
  ])('week of %s starts on %s', (date, expected) => expect(startOfIsoWeek(date)).toBe(expected));

  it('is a Monday no more than six days earlier (property)', () => {
    fc.assert(
      fc.property(isoDateArb, (date) => {
        const start = startOfIsoWeek(date);
        const offset = daysBetween(start, date);
        return new Date(`${start}T00:00:00Z`).getUTCDay() === 1 && offset >= 0 && offset <= 6;
      }),
    );
  });
});

describe('startOfMonth and endOfMonth', () => {
  it.each([
    ['2024-02-15', '2024-02-01', '2024-02-29'],
    ['2023-02-01', '2023-02-01', '2023-02-28'],
    ['2024-12-31', '2024-12-01', '2024-12-31'],
    ['2024-04-30', '2024-04-01', '2024-04-30'],
  ])('%s: %s … %s', (date, start, end) => {
    expect(startOfMonth(date)).toBe(start);
    expect(endOfMonth(date)).toBe(end);
  });

  it('rejects invalid dates', () => {
    expect(() => startOfMonth('2024-02')).toThrow(RangeError);
    expect(() => endOfMonth('2024-02-30')).toThrow(RangeError);
  });
});

describe('todayInOslo', () => {
  it.each([
    // Winter time, UTC+1
    ['2024-12-31T22:59:59Z', '2024-12-31'],
    ['2024-12-31T23:00:00Z', '2025-01-01'],
    // Summer time, UTC+2: 22:30 UTC is already the next day in Oslo
    ['2024-06-30T21:59:59Z', '2024-06-30'],
    ['2024-06-30T22:00:00Z', '2024-07-01'],
    // The nights the clocks change (2024-03-31 and 2024-10-27)
    ['2024-03-30T23:00:00Z', '2024-03-31'],
    ['2024-03-31T21:59:59Z', '2024-03-31'],
    ['2024-03-31T22:00:00Z', '2024-04-01'],
    ['2024-10-26T21:59:59Z', '2024-10-26'],
    ['2024-10-26T22:00:00Z', '2024-10-27'],
    ['2024-10-27T22:59:59Z', '2024-10-27'],
    ['2024-10-27T23:00:00Z', '2024-10-28'],
    ['2024-02-29T12:00:00Z', '2024-02-29'],
  ])('at %s it is %s in Oslo', (instant, expected) => expect(todayInOslo(new Date(instant))).toBe(expected));

  it('rejects an invalid Date', () => expect(() => todayInOslo(new Date('nope'))).toThrow(RangeError));
});

describe('minuteOfDayInOslo', () => {
  it.each([
    ['2024-12-31T04:15:00Z', 5 * 60 + 15], // winter time, UTC+1
    ['2024-06-30T03:14:59Z', 5 * 60 + 14], // summer time, UTC+2
    ['2024-06-30T21:59:00Z', 23 * 60 + 59],
    ['2024-06-30T22:00:00Z', 0], // midnight is 0, never 24:00
  ])('at %s it is minute %i in Oslo', (instant, expected) =>
    expect(minuteOfDayInOslo(new Date(instant))).toBe(expected),
  );
});
