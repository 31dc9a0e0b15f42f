import fc from 'fast-check';
import { isWithinCalendarMonths, lastDayWithinMonths, lastDayWithinMonthsSql } from './calendar-months';
import { addDays, daysBetween } from './dates';

describe('calendar months ("no older than 3 months")', () => {
  it.each([
    ['2026-01-15', '2026-04-15'],
    ['2026-11-30', '2027-02-28'], // February is shorter: clamped to its end
    ['2027-11-30', '2028-02-29'], // … which is the 29th in a leap year
    ['2026-11-29', '2027-02-28'],
    ['2026-08-31', '2026-11-30'],
    ['2026-12-31', '2027-03-31'],
    ['2028-02-29', '2028-05-29'],
  ])('issued %s stays within 3 months through %s, not a day longer', (from, last) => {
    expect(lastDayWithinMonths(from, 3)).toBe(last);
    expect(isWithinCalendarMonths(from, last, 3)).toBe(true);
    expect(isWithinCalendarMonths(from, addDays(last, 1), 3)).toBe(false);
  });

  it('is not 90 days: 1 December + 3 months is 1 March (90 days), 1 June + 3 months is 1 September (92 days)', () => {
    expect(daysBetween('2026-12-01', lastDayWithinMonths('2026-12-01', 3))).toBe(90);
    expect(daysBetween('2026-06-01', lastDayWithinMonths('2026-06-01', 3))).toBe(92);
    expect(isWithinCalendarMonths('2026-06-01', '2026-08-31', 3)).toBe(true);
  });

  it('counts the issue day itself as within, and a later issue is never judged older', () => {
    const day = fc.integer({ min: 0, max: 20_000 }).map((n) => addDays('1990-01-01', n));
    fc.assert(
      fc.property(
        day,
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 1, max: 36 }),
        (from, later, months) => {
          expect(isWithinCalendarMonths(from, from, months)).toBe(true);
          // Monotone: if a certificate issued on `from` is within, one issued a day later is too.
          const on = addDays(from, later);
          if (isWithinCalendarMonths(from, on, months)) {
            expect(isWithinCalendarMonths(addDays(from, 1), on, months)).toBe(true);
          }
        },
      ),
    );
  });

  it('writes the SQL twin with the expressions given', () => {
    expect(lastDayWithinMonthsSql('c.issued_on', '$2')).toBe(
      '(c.issued_on + make_interval(months => $2))::date',
    );
  });
});
