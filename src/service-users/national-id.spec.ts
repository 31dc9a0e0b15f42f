import fc from 'fast-check';
import {
  generateNationalId,
  generateValidNationalId,
  individualNumberRanges,
  maskNationalId,
  NATIONAL_ID_REASONS,
  NationalIdResult,
  parseNationalId,
} from './national-id';

const strict = { allowSynthetic: false };
const lenient = { allowSynthetic: true };
const reasonOf = (result: NationalIdResult): string | undefined => (result.valid ? undefined : result.reason);

/*
 * The literal numbers below were computed by hand and cross-checked with a separate implementation written
 * for this purpose (not the code under test). Two worked by hand:
 *
 * 01019012480  digits 0 1 0 1 9 0 1 2 4
 *   k1: 0·3 + 1·7 + 0·6 + 1·1 + 9·8 + 0·9 + 1·4 + 2·5 + 4·2 = 102; 102 mod 11 = 3; k1 = 11 − 3 = 8
 *   k2: 0·5 + 1·4 + 0·3 + 1·2 + 9·7 + 0·6 + 1·5 + 2·4 + 4·3 + 8·2 = 110; 110 mod 11 = 0; k2 = 0
 * 010190123··  k1: the sum is 100; 100 mod 11 = 1; k1 = 10, so no legacy number exists for individual number 123.
 *   Under the 2032 rule k1 = 0 (100 + 0 ≡ 1) is allowed; k2: 0+4+0+2+63+0+5+8+9+0 = 91, k2 = 8 (99 ≡ 0):
 *   01019012308.
 */
describe('parseNationalId: valid numbers', () => {
  it.each([
    // number, kind, birth date, gender
    ['01019012480', 'fnr', '1990-01-01', 'female'], // worked above; 9th digit 4 is even
    ['01019012561', 'fnr', '1990-01-01', 'male'], // 9th digit 5 is odd
    ['01010000110', 'fnr', '1900-01-01', 'male'], // individual 001: 000–499 → 1900s even for YY 00
    ['15054090185', 'fnr', '1940-05-15', 'male'], // individual 901 with YY 40–99 → 1940–1999
    ['01019950065', 'fnr', '1899-01-01', 'female'], // individual 500 with YY 54–99 → 1854–1899
    ['01010550129', 'fnr', '2005-01-01', 'male'], // individual 501 with YY 05 → 2005
    ['10012050041', 'fnr', '2020-01-10', 'female'], // individual 500 with YY 00–39 → 2000s
    ['17052045665', 'fnr', '1920-05-17', 'female'], // individual 456 < 500 → 1920, not 2020
    ['29020050088', 'fnr', '2000-02-29', 'female'], // 2000 is a leap year
    ['31123950057', 'fnr', '2039-12-31', 'female'], // last date the scheme covers
    ['41019012474', 'dnr', '1990-01-01', 'female'], // D-number: first digit + 4
    ['71019020015', 'dnr', '1990-01-31', 'female'], // D-number on the 31st: 31 + 40 = 71
    ['01419012463', 'hnr', '1990-01-01', 'female'], // H-number: month + 40
    ['31529010160', 'hnr', '1990-12-31', 'male'], // H-number for December: 12 + 40 = 52
  ] as const)('%s is a valid %s born %s (%s)', (value, kind, birthDate, gender) => {
    expect(parseNationalId(value, strict)).toEqual({
      valid: true,
      kind,
      birthDate,
      gender,
      checkDigitRule: 'legacy',
    });
  });
});

describe('parseNationalId: invalid numbers', () => {
  it.each([
    '',
    '0101901248',
    '010190124800',
    '0101901248O',
    '010190 12480',
    ' 01019012480',
    '01019012480\n',
    '01.01.90 12480',
    '-1019012480',
    '１１１１１１１１１１１', // full-width digits are not ASCII digits
  ])('%j: must be exactly 11 digits', (value) => {
    expect(reasonOf(parseNationalId(value, strict))).toBe('must be exactly 11 digits');
  });

  it('refuses non-string input without throwing', () => {
    expect(reasonOf(parseNationalId(1019012480 as unknown as string, strict))).toBe(
      NATIONAL_ID_REASONS.format,
    );
    expect(reasonOf(parseNationalId(undefined as unknown as string, strict))).toBe(
      NATIONAL_ID_REASONS.format,
    );
  });

  it.each([
    ['01019012481', 'k2 off by one'],
    ['01019012490', 'k1 off by one (and k2 then fails)'],
    ['01019012408', 'digits swapped'],
    ['10019012480', 'day and month swapped'],
    ['01019012840', 'check digits swapped'],
    ['41019012480', 'an fnr turned into a D-number without new check digits'],
    ['01019012300', 'k1 = 0 is allowed from 2032 but k2 does not match'],
    ['01019012350', 'k1 remainder 5: not allowed even from 2032'],
  ])('%s (%s): check digits do not match', (value) => {
    expect(reasonOf(parseNationalId(value, strict))).toBe('check digits do not match');
  });

  it.each([
    ['31029910017', '31 February, with correct check digits'],
    ['29020010027', '29 February 1900, with correct check digits (1900 was no leap year)'],
    ['30020110097', '30 February, with correct check digits'],
    ['01139010074', 'month 13, with correct check digits'],
    ['01619010015', 'month 61 (an H-number for month 21), with correct check digits'],
    ['40019010181', 'D-number for day 0, with correct check digits'],
    ['41419020085', 'both a D-number and an H-number, with correct check digits'],
    ['00019012480', 'day 00'],
    ['01009012480', 'month 00'],
    ['32019012432', 'day 32, with correct check digits'],
    ['31049012345', '31 April'],
    ['81019012345', 'D-number for day 41'],
  ])('%s (%s): the date part is not a real date', (value) => {
    expect(reasonOf(parseNationalId(value, strict))).toBe('the date part is not a real date');
  });

  it.each([
    ['01019080095', 'individual 800 with YY 90'],
    ['01014560013', 'individual 600 with YY 45'],
  ])('%s (%s): the individual number does not fit the year', (value) => {
    expect(reasonOf(parseNationalId(value, strict))).toBe(NATIONAL_ID_REASONS.century);
  });

  it('refuses a birth date after `today`, and accepts it on the day itself', () => {
    // 23063250120: born 2032-06-23 (individual 501, YY 32 → 2032), valid check digits.
    expect(parseNationalId('23063250120', strict).valid).toBe(true);
    expect(reasonOf(parseNationalId('23063250120', { ...strict, today: '2025-01-01' }))).toBe(
      'the date of birth is in the future',
    );
    expect(parseNationalId('23063250120', { ...strict, today: '2032-06-22' }).valid).toBe(false);
    expect(parseNationalId('23063250120', { ...strict, today: '2032-06-23' }).valid).toBe(true);
  });

  it('throws on an invalid `today` (a programming error, not a caseworker error)', () => {
    expect(() => parseNationalId('01019012480', { ...strict, today: '2025-02-30' })).toThrow(RangeError);
  });

  it('never echoes the number in a reason', () => {
    for (const value of ['01019012481', '31029910017', '01019080095', '01819012446', '0101901248']) {
      const result = parseNationalId(value, strict);
      expect(result.valid).toBe(false);
      expect(JSON.stringify(result)).not.toContain(value.slice(0, 6));
    }
  });
});

describe('parseNationalId: synthetic test numbers (Tenor, month + 80)', () => {
  it('accepts them only when allowed', () => {
    expect(parseNationalId('01819012446', lenient)).toEqual({
      valid: true,
      kind: 'synthetic',
      birthDate: '1990-01-01',
      gender: 'female',
      checkDigitRule: 'legacy',
    });
    expect(parseNationalId('01819012446', strict)).toEqual({
      valid: false,
      reason: 'synthetic test numbers are not allowed here',
    });
  });

  it('accepts a synthetic D-number and a synthetic number born in 2002', () => {
    expect(parseNationalId('41819010186', lenient)).toMatchObject({
      valid: true,
      kind: 'synthetic',
      birthDate: '1990-01-01',
    });
    expect(parseNationalId('15820250068', lenient)).toMatchObject({
      valid: true,
      kind: 'synthetic',
      birthDate: '2002-02-15',
    });
  });

  it('still checks the check digits of a synthetic number', () => {
    expect(reasonOf(parseNationalId('01819012447', lenient))).toBe(NATIONAL_ID_REASONS.checkDigits);
  });

  it('says "not allowed" before anything else when refused', () => {
    expect(reasonOf(parseNationalId('01819012447', strict))).toBe(NATIONAL_ID_REASONS.synthetic);
  });

  it('does not treat a month + 80 beyond December as valid', () => {
    expect(reasonOf(parseNationalId('01939012345', lenient))).toBe(NATIONAL_ID_REASONS.date);
  });
});

describe('parseNationalId: the check-digit rule from 2032', () => {
  it.each([
    // 01019012499: k1 sum 102 + 9 = 111 ≡ 1; k2 sum 0+4+0+2+63+0+5+8+12+18 = 112, + 9 = 121 ≡ 0
    ['01019012499', '1990-01-01'],
    // 01019012405: k1 sum 102 + 0 ≡ 3; k2 sum 94 + 5 = 99 ≡ 0
    ['01019012405', '1990-01-01'],
    // Individual number 123 has no legacy number (k1 = 10), but three under the new rule (remainders 1, 2, 3)
    ['01019012308', '1990-01-01'],
    ['01019012316', '1990-01-01'],
    ['01019012324', '1990-01-01'],
  ])('%s is valid under the relaxed rule, without gender', (value, birthDate) => {
    expect(parseNationalId(value, strict)).toEqual({
      valid: true,
      kind: 'fnr',
      birthDate,
      gender: null,
      checkDigitRule: 'relaxed2032',
    });
  });

  it('accepts every k1 the relaxed rule allows and no other, when k2 is recomputed (property)', () => {
    const k1Weights = [3, 7, 6, 1, 8, 9, 4, 5, 2];
    const k2Weights = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 499 }), fc.integer({ min: 0, max: 9 }), (individual, k1) => {
        const nine = [...`150690${String(individual).padStart(3, '0')}`].map(Number);
        const remainder = (nine.reduce((s, d, i) => s + d * k1Weights[i], 0) + k1) % 11;
        const k2Sum = [...nine, k1].reduce((s, d, i) => s + d * k2Weights[i], 0);
        const k2 = (11 - (k2Sum % 11)) % 11;
        fc.pre(k2 !== 10);
        const result = parseNationalId(`${nine.join('')}${k1}${k2}`, strict);
        if (remainder > 3) return !result.valid;
        return result.valid && result.checkDigitRule === (remainder === 0 ? 'legacy' : 'relaxed2032');
      }),
      { numRuns: 2000 },
    );
  });
});

describe('maskNationalId', () => {
  it('keeps the date part only', () => {
    expect(maskNationalId('01019012480')).toBe('010190*****');
    expect(maskNationalId('41019012474')).toBe('410190*****');
  });

  it('masks anything else completely', () => {
    expect(maskNationalId('0101901248')).toBe('***********');
    expect(maskNationalId('010190124801')).toBe('***********');
    expect(maskNationalId('010190 12480')).toBe('***********');
    expect(maskNationalId('')).toBe('***********');
    expect(maskNationalId(null as unknown as string)).toBe('***********');
  });
});

describe('individualNumberRanges', () => {
  it('follows the century rules', () => {
    expect(individualNumberRanges(1853)).toEqual([]);
    expect(individualNumberRanges(1854)).toEqual([[500, 749]]);
    expect(individualNumberRanges(1899)).toEqual([[500, 749]]);
    expect(individualNumberRanges(1900)).toEqual([[0, 499]]);
    expect(individualNumberRanges(1939)).toEqual([[0, 499]]);
    expect(individualNumberRanges(1940)).toEqual([
      [0, 499],
      [900, 999],
    ]);
    expect(individualNumberRanges(1999)).toEqual([
      [0, 499],
      [900, 999],
    ]);
    expect(individualNumberRanges(2000)).toEqual([[500, 999]]);
    expect(individualNumberRanges(2039)).toEqual([[500, 999]]);
    expect(individualNumberRanges(2040)).toEqual([]);
  });
});

describe('generateNationalId', () => {
  it('reproduces the hand-checked numbers', () => {
    expect(generateNationalId('1990-01-01', 124, { kind: 'fnr' })).toBe('01019012480');
    expect(generateNationalId('1990-01-01', 124, { kind: 'dnr' })).toBe('41019012474');
    expect(generateNationalId('1990-01-01', 124, { kind: 'synthetic' })).toBe('01819012446');
    expect(generateNationalId('2000-02-29', 500, { kind: 'fnr', gender: 'female' })).toBe('29020050088');
    expect(generateNationalId('1899-01-01', 500, { kind: 'fnr' })).toBe('01019950065');
  });

  it('returns null when the individual number gives check digit 10', () => {
    expect(generateNationalId('1990-01-01', 123, { kind: 'fnr' })).toBeNull();
  });

  it('refuses individual numbers the birth year does not allow, and a gender that does not match', () => {
    expect(() => generateNationalId('1990-01-01', 800, { kind: 'fnr' })).toThrow(RangeError);
    expect(() => generateNationalId('2010-01-01', 123, { kind: 'fnr' })).toThrow(RangeError);
    expect(() => generateNationalId('1850-01-01', 600, { kind: 'fnr' })).toThrow(RangeError);
    expect(() => generateNationalId('1990-01-01', 1000, { kind: 'fnr' })).toThrow(RangeError);
    expect(() => generateNationalId('1990-01-01', 12.5, { kind: 'fnr' })).toThrow(RangeError);
    expect(() => generateNationalId('1990-01-01', 124, { kind: 'fnr', gender: 'male' })).toThrow(RangeError);
    expect(() => generateNationalId('1990-02-30', 124, { kind: 'fnr' })).toThrow(RangeError);
  });

  it('round-trips through parseNationalId for any date, kind and individual number (property)', () => {
    const birthDate = fc
      .integer({ min: Date.UTC(1854, 0, 1) / 864e5, max: Date.UTC(2039, 11, 31) / 864e5 })
      .map((day) => new Date(day * 864e5).toISOString().slice(0, 10));
    const kind = fc.constantFrom('fnr' as const, 'dnr' as const, 'synthetic' as const);
    fc.assert(
      fc.property(birthDate, kind, fc.integer({ min: 0, max: 999 }), (date, kindValue, individual) => {
        const ranges = individualNumberRanges(Number(date.slice(0, 4)));
        fc.pre(ranges.some(([low, high]) => individual >= low && individual <= high));
        const value = generateNationalId(date, individual, { kind: kindValue });
        if (value === null) return true;
        const parsed = parseNationalId(value, lenient);
        return (
          parsed.valid &&
          parsed.birthDate === date &&
          parsed.kind === kindValue &&
          parsed.checkDigitRule === 'legacy' &&
          parsed.gender === (individual % 2 === 1 ? 'male' : 'female') &&
          value.slice(6, 9) === String(individual).padStart(3, '0')
        );
      }),
      { numRuns: 3000 },
    );
  });
});

describe('generateValidNationalId', () => {
  it('skips individual numbers that give check digit 10', () => {
    expect(generateValidNationalId('1990-01-01', { kind: 'fnr', fromIndividualNumber: 123 })).toEqual({
      nationalId: '01019012480',
      individualNumber: 124,
    });
  });

  it('honours gender by trying only odd or only even individual numbers', () => {
    const male = generateValidNationalId('1990-01-01', {
      kind: 'fnr',
      gender: 'male',
      fromIndividualNumber: 123,
    });
    expect(male).toEqual({ nationalId: '01019012561', individualNumber: 125 });
  });

  it('starts at the lowest individual number allocated to the birth year', () => {
    const result = generateValidNationalId('2005-01-01', { kind: 'fnr' });
    expect(result?.individualNumber).toBeGreaterThanOrEqual(500);
    expect(parseNationalId(result!.nationalId, strict)).toMatchObject({
      valid: true,
      birthDate: '2005-01-01',
    });
  });

  it('continues into the 900 range for 1940–1999, and returns null when the numbers run out', () => {
    expect(
      generateValidNationalId('1990-01-01', { kind: 'fnr', fromIndividualNumber: 500 })?.individualNumber,
    ).toBeGreaterThanOrEqual(900);
    expect(generateValidNationalId('2005-01-01', { kind: 'fnr', fromIndividualNumber: 1000 })).toBeNull();
    expect(generateValidNationalId('1850-01-01', { kind: 'fnr' })).toBeNull();
  });

  it('makes many distinct valid synthetic numbers for one date', () => {
    const numbers: string[] = [];
    let from = 0;
    for (let i = 0; i < 50; i++) {
      const next = generateValidNationalId('1985-07-14', { kind: 'synthetic', fromIndividualNumber: from });
      if (!next) break;
      numbers.push(next.nationalId);
      from = next.individualNumber + 1;
    }
    expect(new Set(numbers).size).toBe(50);
    for (const value of numbers) {
      expect(parseNationalId(value, lenient)).toMatchObject({
        valid: true,
        kind: 'synthetic',
        birthDate: '1985-07-14',
      });
      expect(parseNationalId(value, strict).valid).toBe(false);
    }
  });
});
