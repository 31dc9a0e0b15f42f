/**
 * Checks the identity fields of a service user: the fødselsnummer (or D-/H-number) and the birth date, which
 * must agree with it. Pure: the caller supplies the setting for synthetic numbers and today's date.
 * Reasons never echo the number (it is personal data and must not reach a log or an error body).
 */
import { IsoDate } from '../common/dates';
import { NationalIdKind, parseNationalId } from './national-id';

export interface IdentityIssue {
  field: 'nationalId' | 'birthDate';
  reason: string;
}

export type IdentityCheck =
  { ok: true; birthDate: IsoDate; kind: NationalIdKind } | { ok: false; issues: IdentityIssue[] };

export interface IdentityPolicy {
  /** Tenor synthetic test numbers are accepted only where the environment allows them. */
  allowSynthetic: boolean;
  today: IsoDate;
}

/** The birth date is taken from the number when omitted; when given, it must be the one the number encodes. */
export function checkIdentity(
  nationalId: string,
  birthDate: IsoDate | undefined,
  policy: IdentityPolicy,
): IdentityCheck {
  const parsed = parseNationalId(nationalId, { allowSynthetic: policy.allowSynthetic, today: policy.today });
  if (!parsed.valid) {
    return {
      ok: false,
      issues: [
        {
          field: 'nationalId',
          reason: `nationalId is not a valid fødselsnummer or D-number: ${parsed.reason}`,
        },
      ],
    };
  }
  if (birthDate !== undefined && birthDate !== parsed.birthDate) {
    return {
      ok: false,
      issues: [
        { field: 'birthDate', reason: 'birthDate does not agree with the date of birth in nationalId' },
      ],
    };
  }
  return { ok: true, birthDate: parsed.birthDate, kind: parsed.kind };
}
