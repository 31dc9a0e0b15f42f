/**
 * The rules a vedtak must satisfy before it is registered, apart from the age rule (school-age.ts).
 * Pure: no Nest, no TypeORM, so the rules are unit-tested without a server.
 */
import { compare, IsoDate } from '../common/dates';
import type { QuotaPeriod } from './decision.entity';

export interface DecisionIssue {
  field: string;
  reason: string;
}

export interface DecisionTerms {
  hoursGranted: number;
  hoursPeriod: QuotaPeriod;
  decidedOn: IsoDate;
  validFrom: IsoDate;
  validTo: IsoDate;
  waitingSince?: IsoDate;
}

const HOURS_IN_A_WEEK = 168;

/** Problems with the terms of a decision, each naming its field; empty when the terms are consistent. */
export function decisionTermIssues(terms: DecisionTerms, today: IsoDate): DecisionIssue[] {
  const issues: DecisionIssue[] = [];
  if (compare(terms.validTo, terms.validFrom) < 0) {
    issues.push({ field: 'validTo', reason: 'validTo must be on or after validFrom' });
  }
  if (compare(terms.decidedOn, today) > 0) {
    issues.push({ field: 'decidedOn', reason: 'decidedOn cannot be in the future' });
  }
  if (terms.hoursPeriod === 'week' && terms.hoursGranted > HOURS_IN_A_WEEK) {
    issues.push({
      field: 'hoursGranted',
      reason: `hoursGranted cannot exceed ${HOURS_IN_A_WEEK} hours a week`,
    });
  }
  if (terms.waitingSince !== undefined && compare(terms.waitingSince, terms.validTo) > 0) {
    issues.push({ field: 'waitingSince', reason: 'waitingSince must be on or before validTo' });
  }
  return issues;
}

/**
 * When the user starts waiting for a contact if the caseworker does not say: the day the decision both exists
 * and is in force, i.e. the later of decidedOn and validFrom (a retroactive vedtak cannot have had a waiting
 * contact search before it was made).
 */
export function defaultWaitingSince(decidedOn: IsoDate, validFrom: IsoDate): IsoDate {
  return compare(decidedOn, validFrom) > 0 ? decidedOn : validFrom;
}

export type DecisionStatus = 'upcoming' | 'current' | 'expired';

export function decisionStatus(validFrom: IsoDate, validTo: IsoDate, today: IsoDate): DecisionStatus {
  if (compare(today, validFrom) < 0) return 'upcoming';
  return compare(today, validTo) > 0 ? 'expired' : 'current';
}
