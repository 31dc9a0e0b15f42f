/**
 * Eligibility gate: a støttekontakt is proposed, introduced or assigned only with a valid politiattest and a
 * signed taushetserklæring (DOMAIN rule 1; seeds 001, 002), and only as an adult.
 *
 * Source: helse- og omsorgstjenesteloven § 5-4 (politiattest presented before the assignment starts). How old
 * the politiattest may be when presented, and when it must be renewed, are municipal settings.
 */
import {
  isWithinCalendarMonths,
  isWithinCalendarMonthsSql,
  lastDayWithinMonths,
  lastDayWithinMonthsSql,
} from '../common/calendar-months';
import { addDays, assertIsoDate, compare, IsoDate } from '../common/dates';

export interface EligibilityPolicy {
  /**
   * "No older than N months", in calendar months (src/common/calendar-months.ts): on the day the politiattest is
   * presented, and on the day an oppdragsavtale is signed.
   */
  policeCertificateMaxAgeMonths: number;
  /** Months from the issue date after which the politiattest has lapsed and must be renewed. */
  policeCertificateValidityMonths: number;
  /** Contacts are adults. */
  minimumAge: number;
}

export const DEFAULT_ELIGIBILITY_POLICY: Readonly<EligibilityPolicy> = Object.freeze({
  policeCertificateMaxAgeMonths: 3,
  policeCertificateValidityMonths: 36,
  minimumAge: 18,
});

/** What the gate needs to know about a contact; a Contact entity satisfies it. */
export interface EligibilityFacts {
  birthYear: number | null;
  /** politiattest: the date the police issued it */
  policeCertificateIssuedOn: IsoDate | null;
  /** politiattest: the date the contact showed it to the municipality */
  policeCertificatePresentedOn: IsoDate | null;
  /** taushetserklæring: the date it was signed */
  confidentialitySignedOn: IsoDate | null;
}

export type EligibilityReasonCode =
  | 'police_certificate_missing'
  | 'police_certificate_not_presented'
  | 'police_certificate_too_old_when_presented'
  | 'police_certificate_too_old_at_signing'
  | 'police_certificate_expired'
  | 'confidentiality_not_signed'
  | 'under_minimum_age'
  | 'issued_in_future';

export interface EligibilityReason {
  code: EligibilityReasonCode;
  message: string;
}

export interface EligibilityAssessment {
  eligible: boolean;
  /** Every reason that applies, not just the first, so the coordinator can fix them all at once. */
  reasons: EligibilityReason[];
  /**
   * The last day the politiattest is valid (inclusive): issue date + policeCertificateValidityMonths − 1 day.
   * It has lapsed from the next day. Null when no politiattest is recorded.
   */
  validUntil: IsoDate | null;
}

function assertPolicy(policy: EligibilityPolicy): void {
  const {
    policeCertificateMaxAgeMonths: maxAge,
    policeCertificateValidityMonths: months,
    minimumAge,
  } = policy;
  if (!Number.isInteger(maxAge) || maxAge < 1) {
    throw new RangeError('policeCertificateMaxAgeMonths must be a positive integer');
  }
  if (!Number.isInteger(months) || months < 1) {
    throw new RangeError('policeCertificateValidityMonths must be a positive integer');
  }
  if (!Number.isInteger(minimumAge) || minimumAge < 0)
    throw new RangeError('minimumAge must be a non-negative integer');
}

/** The last day a politiattest issued on `issuedOn` is valid. */
export function policeCertificateValidUntil(
  issuedOn: IsoDate,
  policy: Pick<EligibilityPolicy, 'policeCertificateValidityMonths'>,
): IsoDate {
  return addDays(lastDayWithinMonths(issuedOn, policy.policeCertificateValidityMonths), -1);
}

/**
 * Only the birth year is stored, so age is judged conservatively: the contact must have reached the minimum
 * age even if born on 31 December. An 18-year-old born late in the year may wait until New Year's Eve.
 */
function ageReason(birthYear: number | null, minimumAge: number, onDate: IsoDate): EligibilityReason | null {
  if (birthYear === null) {
    return {
      code: 'under_minimum_age',
      message: `The contact's birth year is not recorded, so the minimum age of ${minimumAge} cannot be confirmed.`,
    };
  }
  if (!Number.isInteger(birthYear)) throw new RangeError('birthYear must be an integer');
  const certainFrom = `${String(birthYear + minimumAge).padStart(4, '0')}-12-31`;
  if (compare(onDate, certainFrom) >= 0) return null;
  return {
    code: 'under_minimum_age',
    message:
      `The contact must be at least ${minimumAge}. From the birth year ${birthYear} alone that is certain ` +
      `only from ${certainFrom}.`,
  };
}

function policeCertificateReasons(
  facts: EligibilityFacts,
  policy: EligibilityPolicy,
  onDate: IsoDate,
  options: EligibilityOptions,
): EligibilityReason[] {
  const issuedOn = facts.policeCertificateIssuedOn;
  const presentedOn = facts.policeCertificatePresentedOn;
  if (issuedOn === null)
    return [{ code: 'police_certificate_missing', message: 'No politiattest is recorded.' }];
  const reasons: EligibilityReason[] = [];

  if (compare(issuedOn, onDate) > 0) {
    reasons.push({
      code: 'issued_in_future',
      message: `The politiattest is recorded as issued on ${issuedOn}, which is after ${onDate}.`,
    });
  }

  if (presentedOn === null) {
    reasons.push({
      code: 'police_certificate_not_presented',
      message: 'The politiattest has not been presented to the municipality.',
    });
  } else if (compare(presentedOn, onDate) > 0) {
    reasons.push({
      code: 'police_certificate_not_presented',
      message: `The politiattest is recorded as presented on ${presentedOn}, which is after ${onDate}.`,
    });
  } else if (compare(presentedOn, issuedOn) < 0) {
    reasons.push({
      code: 'issued_in_future',
      message: `The politiattest is recorded as presented on ${presentedOn}, before it was issued on ${issuedOn}.`,
    });
  } else {
    const months = policy.policeCertificateMaxAgeMonths;
    if (!isWithinCalendarMonths(issuedOn, presentedOn, months)) {
      reasons.push({
        code: 'police_certificate_too_old_when_presented',
        message:
          `The politiattest issued on ${issuedOn} was older than ${months} months when presented on ` +
          `${presentedOn} (the municipality accepts it through ${lastDayWithinMonths(issuedOn, months)}). ` +
          `A new politiattest is needed.`,
      });
    }
  }

  const signedOn = options.contractSignedOn;
  if (
    signedOn !== undefined &&
    !isWithinCalendarMonths(issuedOn, signedOn, policy.policeCertificateMaxAgeMonths)
  ) {
    const months = policy.policeCertificateMaxAgeMonths;
    reasons.push({
      code: 'police_certificate_too_old_at_signing',
      message:
        `The politiattest issued on ${issuedOn} is older than ${months} months on ${signedOn}, the day the ` +
        `oppdragsavtale is signed (accepted through ${lastDayWithinMonths(issuedOn, months)}). ` +
        `A new politiattest is needed for this assignment.`,
    });
  }

  const validUntil = policeCertificateValidUntil(issuedOn, policy);
  if (compare(onDate, validUntil) > 0) {
    reasons.push({
      code: 'police_certificate_expired',
      message:
        `The politiattest was valid until ${validUntil} (${policy.policeCertificateValidityMonths} months from ` +
        `issue) and must be renewed.`,
    });
  }
  return reasons;
}

function confidentialityReason(signedOn: IsoDate | null, onDate: IsoDate): EligibilityReason | null {
  if (signedOn === null) {
    return {
      code: 'confidentiality_not_signed',
      message: 'No signed taushetserklæring (confidentiality declaration) is recorded.',
    };
  }
  if (compare(signedOn, onDate) > 0) {
    return {
      code: 'confidentiality_not_signed',
      message: `The taushetserklæring is recorded as signed on ${signedOn}, which is after ${onDate}.`,
    };
  }
  return null;
}

export interface EligibilityOptions {
  /**
   * oppdragsavtale: the day the assignment's contract is signed. The politiattest must be no older than
   * policeCertificateMaxAgeMonths on that day too (DOMAIN, facts), not only when it was presented. Left out for
   * proposals and introductions, which sign nothing.
   */
  contractSignedOn?: IsoDate;
}

/**
 * Whether the contact may be proposed, introduced or assigned on `onDate`, and every reason why not. With
 * `contractSignedOn`, also whether the politiattest is recent enough for an oppdragsavtale signed that day.
 */
export function assessEligibility(
  contact: EligibilityFacts,
  policy: EligibilityPolicy,
  onDate: IsoDate,
  options: EligibilityOptions = {},
): EligibilityAssessment {
  assertPolicy(policy);
  assertIsoDate(onDate, 'onDate');
  if (options.contractSignedOn !== undefined) assertIsoDate(options.contractSignedOn, 'contractSignedOn');
  if (contact.policeCertificateIssuedOn !== null)
    assertIsoDate(contact.policeCertificateIssuedOn, 'policeCertificateIssuedOn');
  if (contact.policeCertificatePresentedOn !== null) {
    assertIsoDate(contact.policeCertificatePresentedOn, 'policeCertificatePresentedOn');
  }
  if (contact.confidentialitySignedOn !== null)
    assertIsoDate(contact.confidentialitySignedOn, 'confidentialitySignedOn');

  const reasons: EligibilityReason[] = [];
  const age = ageReason(contact.birthYear, policy.minimumAge, onDate);
  if (age) reasons.push(age);
  reasons.push(...policeCertificateReasons(contact, policy, onDate, options));
  const confidentiality = confidentialityReason(contact.confidentialitySignedOn, onDate);
  if (confidentiality) reasons.push(confidentiality);

  const validUntil =
    contact.policeCertificateIssuedOn === null
      ? null
      : policeCertificateValidUntil(contact.policeCertificateIssuedOn, policy);
  return { eligible: reasons.length === 0, reasons, validUntil };
}

/**
 * The SQL twin of `assessEligibility(...).eligible` for the contacts table under alias `c`, so a list can filter
 * and paginate in the database. Named parameters: `eligibleContactSqlParameters`. Kept here, beside the rule, and
 * held equal to it by test/eligibility-twin.e2e-spec.ts on generated dates.
 */
export function eligibleContactSql(c: string): string {
  return `(${c}.police_certificate_issued_on IS NOT NULL
        AND ${c}.police_certificate_presented_on IS NOT NULL
        AND ${c}.police_certificate_issued_on <= :today::date
        AND ${c}.police_certificate_presented_on <= :today::date
        AND ${c}.police_certificate_presented_on >= ${c}.police_certificate_issued_on
        AND ${isWithinCalendarMonthsSql(`${c}.police_certificate_issued_on`, `${c}.police_certificate_presented_on`, ':maxAgeMonths')}
        AND ${lastDayWithinMonthsSql(`${c}.police_certificate_issued_on`, ':validityMonths')} > :today::date
        AND ${c}.confidentiality_signed_on IS NOT NULL
        AND ${c}.confidentiality_signed_on <= :today::date
        AND ${c}.birth_year IS NOT NULL
        AND :today::date >= make_date(${c}.birth_year + :minimumAge, 12, 31))`;
}

export function eligibleContactSqlParameters(
  policy: EligibilityPolicy,
  today: IsoDate,
): { today: IsoDate; maxAgeMonths: number; validityMonths: number; minimumAge: number } {
  assertPolicy(policy);
  return {
    today,
    maxAgeMonths: policy.policeCertificateMaxAgeMonths,
    validityMonths: policy.policeCertificateValidityMonths,
    minimumAge: policy.minimumAge,
  };
}
