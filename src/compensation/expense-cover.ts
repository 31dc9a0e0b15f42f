/**
 * What the municipality covers of a contact's expense line (issue 14 "Costs and driving"): the contact's own
 * outlays are covered "i henhold til fastsatte satser" (seed 001), in the categories the municipality sets,
 * never as an open amount paid in full; the user pays their own tickets, food, tolls and parking (seed 004).
 *
 * - `per_unit`: up to the rate for each unit (e.g. 150.00 kr per ticket);
 * - `monthly_cap`: up to a cap per contact and calendar month, across all of that month's sessions, in the order
 *   they were logged (a line never pays more than what is left of the month's cap when it is logged);
 * - `not_covered`: nothing.
 * A line never covers more than its amount. All in whole øre. Pure: no Nest, no TypeORM.
 */
import { IsoDate } from '../common/dates';

export const EXPENSE_RULES = ['per_unit', 'monthly_cap', 'not_covered'] as const;
export type ExpenseRuleKind = (typeof EXPENSE_RULES)[number];

export type ExpenseRule =
  | { kind: 'per_unit'; rateOre: number }
  | { kind: 'monthly_cap'; monthlyCapOre: number }
  | { kind: 'not_covered' };

export interface ExpenseClaim {
  /** What the contact paid, in øre. */
  amountOre: number;
  /** Units bought (tickets); 1 where the rule is not per unit. */
  quantity: number;
}

/** The calendar month a session's lines count against, as its first day (the cap is per calendar month). */
export const capMonth = (date: IsoDate): IsoDate => `${date.slice(0, 7)}-01`;

/**
 * The covered part of one line, given what the contact already has covered in the same category and calendar
 * month (`coveredThisMonthOre`, only read by the monthly cap).
 */
export function coveredOre(rule: ExpenseRule, claim: ExpenseClaim, coveredThisMonthOre = 0): number {
  if (!Number.isSafeInteger(claim.amountOre) || claim.amountOre < 0) {
    throw new RangeError('An expense amount is a whole, non-negative number of øre');
  }
  if (!Number.isSafeInteger(claim.quantity) || claim.quantity < 1) {
    throw new RangeError('An expense quantity is a whole number of at least 1');
  }
  switch (rule.kind) {
    case 'per_unit':
      return Math.min(claim.amountOre, claim.quantity * rule.rateOre);
    case 'monthly_cap':
      return Math.min(claim.amountOre, Math.max(0, rule.monthlyCapOre - coveredThisMonthOre));
    case 'not_covered':
      return 0;
  }
}

/** A month's lines of one category, in the order logged: the covered part of each, the cap shared between them. */
export function coverInOrder(
  rule: ExpenseRule,
  claims: readonly ExpenseClaim[],
  coveredBeforeOre = 0,
): number[] {
  let covered = coveredBeforeOre;
  return claims.map((claim) => {
    const line = coveredOre(rule, claim, covered);
    covered += line;
    return line;
  });
}
