/**
 * Norwegian fødselsnummer (national identity number): validation, masking and generation of test numbers.
 *
 * Source: Skatteetaten's description of the fødselsnummer and D-nummer (folkeregisterforskriften § 2-2-1),
 * the 2032 change to the check-digit rule (ny fødselsnummerstruktur), and Skatteetaten's Tenor synthetic
 * test numbers. Layout: DDMMYY + individual number (3 digits) + check digits k1 and k2.
 *
 * A number is personal data: never log it, put it in a URL or an error message. Use maskNationalId for display.
 */
import { assertIsoDate, compare, IsoDate, isValidIsoDate } from '../common/dates';

export type NationalIdKind = 'fnr' | 'dnr' | 'hnr' | 'synthetic';
export type NationalIdGender = 'female' | 'male';
/** 'legacy': k1 = 11 − (sum mod 11); 'relaxed2032': k1 also allowed the remainders 1–3 (numbers from 2032). */
export type CheckDigitRule = 'legacy' | 'relaxed2032';

export type NationalIdResult =
  | {
      valid: true;
      kind: NationalIdKind;
      birthDate: IsoDate;
      /** Only for numbers under the legacy rule; numbers issued from 2032 no longer encode gender. */
      gender: NationalIdGender | null;
      checkDigitRule: CheckDigitRule;
    }
  | { valid: false; reason: string };

export interface ParseNationalIdOptions {
  /** Accept Tenor synthetic test numbers (month + 80); only in test and demo environments. */
  allowSynthetic: boolean;
  /** When given, a birth date after this date is refused. */
  today?: IsoDate;
}

/** The reasons a number is refused, in words a caseworker understands. */
export const NATIONAL_ID_REASONS = {
  format: 'must be exactly 11 digits',
  date: 'the date part is not a real date',
  century: 'the individual number does not fit the year of birth',
  future: 'the date of birth is in the future',
  checkDigits: 'check digits do not match',
  synthetic: 'synthetic test numbers are not allowed here',
} as const;

const ELEVEN_DIGITS = /^\d{11}$/;
// Weights including the check digit itself (weight 1), so a valid number's weighted sum is ≡ 0 (mod 11).
const K1_WEIGHTS = [3, 7, 6, 1, 8, 9, 4, 5, 2, 1] as const;
const K2_WEIGHTS = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2, 1] as const;
const D_NUMBER_DAY_OFFSET = 40; // D-nummer: first digit + 4
const H_NUMBER_MONTH_OFFSET = 40; // H-nummer: month + 4 in the first month digit
const SYNTHETIC_MONTH_OFFSET = 80; // Tenor test numbers: month + 8 in the first month digit

const invalid = (reason: string): NationalIdResult => ({ valid: false, reason });

function weightedSum(digits: readonly number[], weights: readonly number[]): number {
  return weights.reduce((sum, weight, index) => sum + weight * digits[index], 0);
}

/**
 * The birth year encoded by the two-digit year and the individual number, or null when the pair is not
 * allocated: 000–499 → 1900–1999; 500–749 with YY 54–99 → 1854–1899; 500–999 with YY 00–39 → 2000–2039;
 * 900–999 with YY 40–99 → 1940–1999.
 */
function birthYearOf(twoDigitYear: number, individualNumber: number): number | null {
  if (individualNumber <= 499) return 1900 + twoDigitYear;
  if (individualNumber <= 749 && twoDigitYear >= 54) return 1800 + twoDigitYear;
  if (twoDigitYear <= 39) return 2000 + twoDigitYear;
  if (individualNumber >= 900) return 1900 + twoDigitYear;
  return null;
}

/** Inclusive ranges of individual numbers allocated to people born in `year` (empty outside 1854–2039). */
export function individualNumberRanges(year: number): ReadonlyArray<readonly [number, number]> {
  if (year >= 1854 && year <= 1899) return [[500, 749]];
  if (year >= 1900 && year <= 1939) return [[0, 499]];
  if (year >= 1940 && year <= 1999)
    return [
      [0, 499],
      [900, 999],
    ];
  if (year >= 2000 && year <= 2039) return [[500, 999]];
  return [];
}

export function parseNationalId(value: string, options: ParseNationalIdOptions): NationalIdResult {
  if (typeof value !== 'string' || !ELEVEN_DIGITS.test(value)) return invalid(NATIONAL_ID_REASONS.format);
  if (options.today !== undefined) assertIsoDate(options.today, 'today');
  const digits = [...value].map(Number);
  const encodedDay = Number(value.slice(0, 2));
  const encodedMonth = Number(value.slice(2, 4));
  const twoDigitYear = Number(value.slice(4, 6));
  const individualNumber = Number(value.slice(6, 9));

  const isSynthetic = encodedMonth > SYNTHETIC_MONTH_OFFSET;
  if (isSynthetic && !options.allowSynthetic) return invalid(NATIONAL_ID_REASONS.synthetic);
  const isDNumber = encodedDay > D_NUMBER_DAY_OFFSET;
  const isHNumber = !isSynthetic && encodedMonth > H_NUMBER_MONTH_OFFSET;
  // An H-number is never also a D-number; Tenor does issue synthetic D-numbers (day + 40, month + 80).
  if (isDNumber && isHNumber) return invalid(NATIONAL_ID_REASONS.date);

  const day = encodedDay - (isDNumber ? D_NUMBER_DAY_OFFSET : 0);
  const month = encodedMonth - (isSynthetic ? SYNTHETIC_MONTH_OFFSET : isHNumber ? H_NUMBER_MONTH_OFFSET : 0);
  const year = birthYearOf(twoDigitYear, individualNumber);
  if (year === null) {
    // Say "date" rather than "century" when the day or month could not be right in any century.
    const anyCentury = `2000-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    return invalid(isValidIsoDate(anyCentury) ? NATIONAL_ID_REASONS.century : NATIONAL_ID_REASONS.date);
  }
  const birthDate = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (!isValidIsoDate(birthDate)) return invalid(NATIONAL_ID_REASONS.date);
  if (options.today !== undefined && compare(birthDate, options.today) > 0) {
    return invalid(NATIONAL_ID_REASONS.future);
  }

  const k1Remainder = weightedSum(digits, K1_WEIGHTS) % 11;
  const k2Remainder = weightedSum(digits, K2_WEIGHTS) % 11;
  // Legacy rule: remainder 0 (a computed k1 of 10 has no valid digit). From 2032: remainders 0–3 are valid.
  if (k2Remainder !== 0 || k1Remainder > 3) return invalid(NATIONAL_ID_REASONS.checkDigits);
  const checkDigitRule: CheckDigitRule = k1Remainder === 0 ? 'legacy' : 'relaxed2032';
  // A number from 2032 may happen to satisfy the legacy rule too; its gender is then only a guess.
  const gender: NationalIdGender | null =
    checkDigitRule === 'legacy' ? (digits[8] % 2 === 1 ? 'male' : 'female') : null;
  const kind: NationalIdKind = isSynthetic ? 'synthetic' : isDNumber ? 'dnr' : isHNumber ? 'hnr' : 'fnr';
  return { valid: true, kind, birthDate, gender, checkDigitRule };
}

/** 'DDMMYY*****'; anything that is not 11 digits is masked completely, so nothing of it leaks. */
export function maskNationalId(value: string): string {
  return typeof value === 'string' && ELEVEN_DIGITS.test(value)
    ? `${value.slice(0, 6)}*****`
    : '*'.repeat(11);
}

export type GeneratedNationalIdKind = 'fnr' | 'dnr' | 'synthetic';

export interface GenerateNationalIdOptions {
  kind: GeneratedNationalIdKind;
  /** When given, the individual number's parity must match (odd = male). */
  gender?: NationalIdGender;
}

function checkDigit(digits: readonly number[], weights: readonly number[]): number {
  // Weights without the trailing 1: k = 11 − (sum mod 11), where 11 becomes 0 and 10 has no digit.
  const remainder = weightedSum(digits, weights.slice(0, -1)) % 11;
  return remainder === 0 ? 0 : 11 - remainder;
}

/**
 * A number valid under the legacy rule (it encodes gender), or null when this individual number gives a
 * check digit of 10. Throws a RangeError for a birth date or individual number the scheme cannot encode.
 */
export function generateNationalId(
  birthDate: IsoDate,
  individualNumber: number,
  options: GenerateNationalIdOptions,
): string | null {
  assertIsoDate(birthDate, 'birthDate');
  const year = Number(birthDate.slice(0, 4));
  const fits = individualNumberRanges(year).some(
    ([low, high]) => individualNumber >= low && individualNumber <= high,
  );
  if (!Number.isInteger(individualNumber) || !fits) {
    throw new RangeError('individualNumber must be an integer allocated to the birth year (1854–2039)');
  }
  if (options.gender !== undefined && (individualNumber % 2 === 1 ? 'male' : 'female') !== options.gender) {
    throw new RangeError('individualNumber must be odd for male and even for female');
  }
  const day = Number(birthDate.slice(8, 10)) + (options.kind === 'dnr' ? D_NUMBER_DAY_OFFSET : 0);
  const month = Number(birthDate.slice(5, 7)) + (options.kind === 'synthetic' ? SYNTHETIC_MONTH_OFFSET : 0);
  const nine =
    String(day).padStart(2, '0') +
    String(month).padStart(2, '0') +
    birthDate.slice(2, 4) +
    String(individualNumber).padStart(3, '0');
  const digits = [...nine].map(Number);
  const k1 = checkDigit(digits, K1_WEIGHTS);
  if (k1 === 10) return null;
  const k2 = checkDigit([...digits, k1], K2_WEIGHTS);
  if (k2 === 10) return null;
  return `${nine}${k1}${k2}`;
}

export interface GenerateValidNationalIdOptions extends GenerateNationalIdOptions {
  /** The first individual number to try (default: the lowest allocated to the birth year). */
  fromIndividualNumber?: number;
}

/**
 * Tries individual numbers upwards from `fromIndividualNumber` (odd only for male, even only for female)
 * and returns the first that gives a valid number, or null when the birth date's numbers are used up.
 * To make several numbers for one date, continue from `individualNumber + 1`.
 */
export function generateValidNationalId(
  birthDate: IsoDate,
  options: GenerateValidNationalIdOptions,
): { nationalId: string; individualNumber: number } | null {
  assertIsoDate(birthDate, 'birthDate');
  const from = options.fromIndividualNumber ?? 0;
  for (const [low, high] of individualNumberRanges(Number(birthDate.slice(0, 4)))) {
    for (let candidate = Math.max(low, Math.ceil(from)); candidate <= high; candidate++) {
      if (options.gender !== undefined && (candidate % 2 === 1 ? 'male' : 'female') !== options.gender)
        continue;
      const nationalId = generateNationalId(birthDate, candidate, options);
      if (nationalId !== null) return { nationalId, individualNumber: candidate };
    }
  }
  return null;
}
