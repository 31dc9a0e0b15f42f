/**
 * Money from timesheets, in øre as whole numbers (DOMAIN rule 4; issue 5):
 * - the contact is paid hours × hourly rate and km × km rate, at the rates in force on each session's date
 *   (a rate change applies from its date, also in the middle of a pay period);
 * - the user is invoiced half the km they rode as passenger; the municipality covers the other half, so the
 *   user's share and the municipality's share add up to exactly what the contact is paid for driving.
 * - expenses are paid as their categories' rules covered them when logged (expense-cover.ts), never as claimed.
 * Amounts are rounded once per rate segment (half away from zero), and every total is the sum of its lines.
 * Pure: no Nest, no TypeORM.
 */
import { compare, IsoDate } from '../common/dates';

export interface Rate {
  validFrom: IsoDate;
  /** godtgjørelse per hour, in øre. */
  hourlyRateOre: number;
  /** Driving allowance per km, in øre. */
  kmRateOre: number;
}

/** numerator / denominator rounded to a whole number, halves away from zero (exact for safe integers). */
export function divideRounded(numerator: number, denominator: number): number {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || denominator <= 0) {
    throw new RangeError('divideRounded takes whole numbers and a positive denominator');
  }
  const magnitude = Math.floor((2 * Math.abs(numerator) + denominator) / (2 * denominator));
  return numerator < 0 ? -magnitude : magnitude;
}

/** The rate in force on `date`: the latest whose validFrom is on or before it; null when none is. */
export function rateOn(rates: readonly Rate[], date: IsoDate): Rate | null {
  let found: Rate | null = null;
  for (const rate of rates) {
    if (compare(rate.validFrom, date) <= 0 && (!found || compare(rate.validFrom, found.validFrom) > 0)) {
      found = rate;
    }
  }
  return found;
}

export const hoursAmountOre = (minutes: number, hourlyRateOre: number): number =>
  divideRounded(minutes * hourlyRateOre, 60);

export const kmAmountOre = (kmTenths: number, kmRateOre: number): number =>
  divideRounded(kmTenths * kmRateOre, 10);

/** Half the km as passenger (DOMAIN rule 4). */
export const passengerHalfOre = (kmTenths: number, kmRateOre: number): number =>
  divideRounded(kmTenths * kmRateOre, 20);

/** A session's expenses in one category: what was paid and what the category's rule covered. */
export interface CategoryAmount {
  categoryId: string;
  categoryName: string;
  paidOre: number;
  coveredOre: number;
}

/** One priced entry of a timesheet: a session (+1) or, for a correction, the session it replaces (−1). */
export interface MoneyEntry {
  date: IsoDate;
  sign: 1 | -1;
  minutes: number;
  kmTenths: number;
  /** What the municipality covers of the session's expenses (the sum of `expenses`' covered amounts). */
  expensesOre: number;
  /** The expense lines by category; optional for entries without any. */
  expenses?: CategoryAmount[];
  /** Each passenger's share of the km (tenths); the shares add up to kmTenths. */
  passengers: { serviceUserId: string; kmTenths: number }[];
}

export interface ContactLine {
  rate: Rate;
  minutes: number;
  kmTenths: number;
  hoursOre: number;
  kmOre: number;
  /** Expenses covered, in øre. */
  expensesOre: number;
  /** The same by category, with what was paid beside what is covered. */
  expenses: CategoryAmount[];
  totalOre: number;
}

export interface PassengerLine {
  serviceUserId: string;
  rate: Rate;
  kmTenths: number;
  amountOre: number;
}

export interface TimesheetMoney {
  contactLines: ContactLine[];
  passengerLines: PassengerLine[];
  /** What the contact is paid: hours, km and expenses. */
  contactTotalOre: number;
  /** What the users are invoiced for driving, together. */
  passengerTotalOre: number;
  /** The municipality's part of the driving: the contact's km pay less what the users pay. */
  municipalityKmOre: number;
}

export class MissingRateError extends Error {
  constructor(readonly date: IsoDate) {
    super(`No compensation rate is in force on ${date}`);
  }
}

/** Prices a timesheet's entries: one contact line per rate in force, one passenger line per user and rate. */
export function priceEntries(entries: readonly MoneyEntry[], rates: readonly Rate[]): TimesheetMoney {
  const contact = new Map<
    string,
    {
      rate: Rate;
      minutes: number;
      kmTenths: number;
      expensesOre: number;
      categories: Map<string, CategoryAmount>;
    }
  >();
  const passengers = new Map<string, { serviceUserId: string; rate: Rate; kmTenths: number }>();
  for (const entry of entries) {
    const rate = rateOn(rates, entry.date);
    if (!rate) throw new MissingRateError(entry.date);
    const segment = contact.get(rate.validFrom) ?? {
      rate,
      minutes: 0,
      kmTenths: 0,
      expensesOre: 0,
      categories: new Map<string, CategoryAmount>(),
    };
    segment.minutes += entry.sign * entry.minutes;
    segment.kmTenths += entry.sign * entry.kmTenths;
    segment.expensesOre += entry.sign * entry.expensesOre;
    for (const line of entry.expenses ?? []) {
      const category = segment.categories.get(line.categoryId) ?? { ...line, paidOre: 0, coveredOre: 0 };
      category.paidOre += entry.sign * line.paidOre;
      category.coveredOre += entry.sign * line.coveredOre;
      segment.categories.set(line.categoryId, category);
    }
    contact.set(rate.validFrom, segment);
    for (const passenger of entry.passengers) {
      const key = `${passenger.serviceUserId}|${rate.validFrom}`;
      const line = passengers.get(key) ?? { serviceUserId: passenger.serviceUserId, rate, kmTenths: 0 };
      line.kmTenths += entry.sign * passenger.kmTenths;
      passengers.set(key, line);
    }
  }
  const contactLines = [...contact.values()]
    .sort((a, b) => compare(a.rate.validFrom, b.rate.validFrom))
    .map(({ categories, ...s }) => {
      const hoursOre = hoursAmountOre(s.minutes, s.rate.hourlyRateOre);
      const kmOre = kmAmountOre(s.kmTenths, s.rate.kmRateOre);
      const expenses = [...categories.values()]
        .filter((c) => c.paidOre !== 0 || c.coveredOre !== 0)
        .sort(
          (a, b) =>
            a.categoryName.localeCompare(b.categoryName, 'nb') || a.categoryId.localeCompare(b.categoryId),
        );
      return { ...s, hoursOre, kmOre, expenses, totalOre: hoursOre + kmOre + s.expensesOre };
    });
  const passengerLines = [...passengers.values()]
    .filter((line) => line.kmTenths !== 0)
    .sort(
      (a, b) => a.serviceUserId.localeCompare(b.serviceUserId) || compare(a.rate.validFrom, b.rate.validFrom),
    )
    .map((line) => ({ ...line, amountOre: passengerHalfOre(line.kmTenths, line.rate.kmRateOre) }));
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  const passengerTotalOre = sum(passengerLines.map((l) => l.amountOre));
  return {
    contactLines,
    passengerLines,
    contactTotalOre: sum(contactLines.map((l) => l.totalOre)),
    passengerTotalOre,
    municipalityKmOre: sum(contactLines.map((l) => l.kmOre)) - passengerTotalOre,
  };
}
