import fc from 'fast-check';
import {
  divideRounded,
  hoursAmountOre,
  kmAmountOre,
  MissingRateError,
  MoneyEntry,
  passengerHalfOre,
  priceEntries,
  Rate,
  rateOn,
} from './money';

const RATES: Rate[] = [
  { validFrom: '2025-01-01', hourlyRateOre: 25_000, kmRateOre: 350 },
  { validFrom: '2026-02-01', hourlyRateOre: 26_000, kmRateOre: 400 },
];
const session = (
  date: string,
  minutes: number,
  kmTenths = 0,
  extra: Partial<MoneyEntry> = {},
): MoneyEntry => ({
  date,
  sign: 1,
  minutes,
  kmTenths,
  expensesOre: 0,
  passengers: kmTenths > 0 ? [{ serviceUserId: 'u1', kmTenths }] : [],
  ...extra,
});

describe('divideRounded', () => {
  it.each([
    [10, 4, 3], // 2.5 → 3
    [-10, 4, -3], // halves away from zero, so a reversal cancels its original exactly
    [9, 4, 2],
    [11, 4, 3],
    [0, 7, 0],
    [1, 3, 0],
    [2, 3, 1],
  ])('%i / %i = %i', (n, d, q) => expect(divideRounded(n, d)).toBe(q));

  it('is odd: divideRounded(-n, d) = -divideRounded(n, d) (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 1, max: 1e6 }), (n, d) => {
        return divideRounded(-n, d) === -divideRounded(n, d) && Math.abs(divideRounded(n, d) - n / d) <= 0.5;
      }),
    );
  });

  it('refuses fractions and a zero denominator', () => {
    expect(() => divideRounded(1.5, 2)).toThrow(RangeError);
    expect(() => divideRounded(1, 0)).toThrow(RangeError);
  });
});

describe('amounts', () => {
  it('prices hours to the øre: 1 h 20 min at 250.00 kr is 333.33 kr', () => {
    expect(hoursAmountOre(80, 25_000)).toBe(33_333);
    expect(hoursAmountOre(100, 25_000)).toBe(41_667); // 416.666… → 416.67 kr
  });
  it('prices km in tenths, and halves for the passenger', () => {
    expect(kmAmountOre(125, 350)).toBe(4375); // 12.5 km × 3.50 kr
    expect(passengerHalfOre(125, 350)).toBe(2188); // 21.875 kr → 21.88 kr
    expect(passengerHalfOre(3, 350)).toBe(53); // 0.3 km: 52.5 øre → 53
  });
});

describe('rateOn', () => {
  it('takes the latest rate that has taken effect', () => {
    expect(rateOn(RATES, '2026-01-31')?.hourlyRateOre).toBe(25_000);
    expect(rateOn(RATES, '2026-02-01')?.hourlyRateOre).toBe(26_000);
    expect(rateOn([...RATES].reverse(), '2030-01-01')?.hourlyRateOre).toBe(26_000);
    expect(rateOn(RATES, '2024-12-31')).toBeNull();
  });
});

describe('priceEntries', () => {
  it('applies a rate change from its date, in the middle of a pay period (21 Jan – 20 Feb)', () => {
    const money = priceEntries(
      [session('2026-01-25', 120, 200), session('2026-01-31', 60), session('2026-02-01', 90, 100)],
      RATES,
    );
    expect(money.contactLines).toEqual([
      expect.objectContaining({
        minutes: 180,
        kmTenths: 200,
        hoursOre: 75_000,
        kmOre: 7_000,
        totalOre: 82_000,
      }),
      expect.objectContaining({
        minutes: 90,
        kmTenths: 100,
        hoursOre: 39_000,
        kmOre: 4_000,
        totalOre: 43_000,
      }),
    ]);
    expect(money.contactTotalOre).toBe(125_000);
    expect(money.passengerLines.map((l) => l.amountOre)).toEqual([3_500, 2_000]);
    expect(money.passengerTotalOre).toBe(5_500);
    expect(money.municipalityKmOre).toBe(5_500);
  });

  it('rounds once per segment, not per session (three 20-minute sessions are exactly one hour)', () => {
    const money = priceEntries(
      [session('2026-01-05', 20), session('2026-01-06', 20), session('2026-01-07', 20)],
      [{ validFrom: '2025-01-01', hourlyRateOre: 33_333, kmRateOre: 0 }],
    );
    expect(money.contactTotalOre).toBe(33_333);
  });

  it('nets a correction against the session it replaces', () => {
    const original = session('2026-01-10', 120, 100);
    const corrected = session('2026-01-10', 90, 100);
    const money = priceEntries([{ ...original, sign: -1 }, corrected], RATES);
    expect(money.contactLines).toEqual([
      expect.objectContaining({ minutes: -30, hoursOre: -12_500, kmOre: 0 }),
    ]);
    expect(money.passengerLines).toEqual([]);
    expect(money.contactTotalOre).toBe(-12_500);
  });

  it('invoices each member of a group for their share, and the shares add up', () => {
    const money = priceEntries(
      [
        session('2026-01-10', 120, 100, {
          passengers: [
            { serviceUserId: 'a', kmTenths: 34 },
            { serviceUserId: 'b', kmTenths: 33 },
            { serviceUserId: 'c', kmTenths: 33 },
          ],
        }),
      ],
      RATES,
    );
    expect(money.passengerLines.map((l) => [l.serviceUserId, l.amountOre])).toEqual([
      ['a', 595],
      ['b', 578],
      ['c', 578],
    ]);
    expect(money.passengerTotalOre + money.municipalityKmOre).toBe(3_500);
  });

  it('adds expenses to what the contact is paid, never to the invoice', () => {
    const money = priceEntries([session('2026-01-10', 60, 0, { expensesOre: 12_900 })], RATES);
    expect(money.contactTotalOre).toBe(25_000 + 12_900);
    expect(money.passengerTotalOre).toBe(0);
  });

  it('refuses to price a day no rate covers', () => {
    expect(() => priceEntries([session('2024-06-01', 60)], RATES)).toThrow(MissingRateError);
  });

  it('totals are the sums of their lines, and driving splits exactly between user and municipality (property)', () => {
    const entry = fc.record({
      day: fc.integer({ min: 0, max: 58 }),
      minutes: fc.integer({ min: 1, max: 600 }),
      kmTenths: fc.integer({ min: 0, max: 2000 }),
      expensesOre: fc.integer({ min: 0, max: 50_000 }),
    });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 30 }), (raw) => {
        const entries = raw.map((e) =>
          session(new Date(Date.UTC(2026, 0, 1 + e.day)).toISOString().slice(0, 10), e.minutes, e.kmTenths, {
            expensesOre: e.expensesOre,
          }),
        );
        const money = priceEntries(entries, RATES);
        const lineSum = money.contactLines.reduce((s, l) => s + l.hoursOre + l.kmOre + l.expensesOre, 0);
        const kmSum = money.contactLines.reduce((s, l) => s + l.kmOre, 0);
        return (
          lineSum === money.contactTotalOre &&
          money.passengerTotalOre + money.municipalityKmOre === kmSum &&
          Math.abs(2 * money.passengerTotalOre - kmSum) <= money.passengerLines.length
        );
      }),
    );
  });
});
