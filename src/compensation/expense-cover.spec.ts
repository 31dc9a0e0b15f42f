import fc from 'fast-check';
import { capMonth, coveredOre, coverInOrder, ExpenseRule } from './expense-cover';

const ticket: ExpenseRule = { kind: 'per_unit', rateOre: 15_000 };
const parking: ExpenseRule = { kind: 'monthly_cap', monthlyCapOre: 30_000 };
const food: ExpenseRule = { kind: 'not_covered' };

describe('coveredOre', () => {
  it('covers up to the rate per unit, never more than was paid', () => {
    expect(coveredOre(ticket, { amountOre: 12_900, quantity: 1 })).toBe(12_900);
    expect(coveredOre(ticket, { amountOre: 18_050, quantity: 1 })).toBe(15_000);
    expect(coveredOre(ticket, { amountOre: 32_001, quantity: 2 })).toBe(30_000);
    expect(coveredOre(ticket, { amountOre: 29_999, quantity: 2 })).toBe(29_999);
  });

  it('covers what is left of the monthly cap', () => {
    expect(coveredOre(parking, { amountOre: 4_500, quantity: 1 }, 0)).toBe(4_500);
    expect(coveredOre(parking, { amountOre: 4_500, quantity: 1 }, 27_001)).toBe(2_999);
    expect(coveredOre(parking, { amountOre: 4_500, quantity: 1 }, 30_000)).toBe(0);
    expect(coveredOre(parking, { amountOre: 4_500, quantity: 1 }, 31_000)).toBe(0);
  });

  it('covers nothing of a category the municipality does not cover (the user pays their own, seed 004)', () => {
    expect(coveredOre(food, { amountOre: 9_900, quantity: 1 })).toBe(0);
  });

  it('refuses fractions of an øre and a quantity below one', () => {
    expect(() => coveredOre(ticket, { amountOre: 10.5, quantity: 1 })).toThrow(RangeError);
    expect(() => coveredOre(ticket, { amountOre: 100, quantity: 0 })).toThrow(RangeError);
  });
});

describe('coverInOrder (a month of sessions)', () => {
  it('shares one cap between the sessions of a month, exact to the øre', () => {
    // 300.00 kr a month: 120.00 + 99.99 + 80.02 = 300.01, so the third line is covered with 80.01 and the fourth
    // with nothing.
    const lines = coverInOrder(parking, [
      { amountOre: 12_000, quantity: 1 },
      { amountOre: 9_999, quantity: 1 },
      { amountOre: 8_002, quantity: 1 },
      { amountOre: 5_000, quantity: 1 },
    ]);
    expect(lines).toEqual([12_000, 9_999, 8_001, 0]);
    expect(lines.reduce((a, b) => a + b, 0)).toBe(30_000);
  });

  it('starts from what earlier sessions of the month already used', () => {
    expect(coverInOrder(parking, [{ amountOre: 20_000, quantity: 1 }], 25_000)).toEqual([5_000]);
  });

  it('starts afresh each calendar month', () => {
    expect(capMonth('2026-01-31')).toBe('2026-01-01');
    expect(capMonth('2026-02-01')).toBe('2026-02-01');
  });

  it('never covers more than the cap, nor more than any line paid (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.array(fc.integer({ min: 0, max: 200_000 }), { maxLength: 40 }),
        (cap, amounts) => {
          const rule: ExpenseRule = { kind: 'monthly_cap', monthlyCapOre: cap };
          const covered = coverInOrder(
            rule,
            amounts.map((amountOre) => ({ amountOre, quantity: 1 })),
          );
          const total = covered.reduce((a, b) => a + b, 0);
          return (
            total ===
              Math.min(
                cap,
                amounts.reduce((a, b) => a + b, 0),
              ) && covered.every((c, i) => c >= 0 && c <= amounts[i] && Number.isInteger(c))
          );
        },
      ),
    );
  });
});
