/**
 * Age rules for granting støttekontakt to children.
 *
 * Children start school in the calendar year they turn six (opplæringslova § 2-1); the school year starts in
 * August, so 1 August of that year is taken as the first day of school age. Deferred or early school start
 * (also § 2-1) is an individual decision this rule cannot see: the caseworker decides those cases.
 */
import { assertIsoDate, compare, IsoDate } from '../common/dates';

const SCHOOL_START_AGE = 6;
const SCHOOL_YEAR_STARTS = '08-01';

/** 1 August of the year the child turns six. */
export function schoolAgeFrom(birthDate: IsoDate): IsoDate {
  assertIsoDate(birthDate, 'birthDate');
  return `${String(Number(birthDate.slice(0, 4)) + SCHOOL_START_AGE).padStart(4, '0')}-${SCHOOL_YEAR_STARTS}`;
}

export function isUnderSchoolAge(birthDate: IsoDate, onDate: IsoDate): boolean {
  assertIsoDate(onDate, 'onDate');
  return compare(onDate, schoolAgeFrom(birthDate)) < 0;
}

export type DecisionAgeAssessment = { allowed: true } | { allowed: false; reason: string };

/**
 * Støttekontakt is as a rule not granted to children under school age, unless barnevernstjenesten grants it
 * (DOMAIN rule 6; seeds 000 and 004). Judged on the date the vedtak takes effect.
 */
export function assessDecisionAge(
  birthDate: IsoDate,
  validFrom: IsoDate,
  grantedByChildWelfare: boolean,
): DecisionAgeAssessment {
  assertIsoDate(birthDate, 'birthDate');
  assertIsoDate(validFrom, 'validFrom');
  if (compare(validFrom, birthDate) < 0) {
    return { allowed: false, reason: 'The decision cannot take effect before the service user is born.' };
  }
  if (grantedByChildWelfare || !isUnderSchoolAge(birthDate, validFrom)) return { allowed: true };
  return {
    allowed: false,
    reason:
      `Støttekontakt is as a rule not granted to children under school age. The child reaches school age on ` +
      `${schoolAgeFrom(birthDate)}; before that only barnevernstjenesten (child welfare) can grant it.`,
  };
}
