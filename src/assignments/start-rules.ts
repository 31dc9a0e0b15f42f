/**
 * Introduction before start (DOMAIN rule 8, seed 001): the saksbehandler proposes a contact, user and contact meet,
 * and only then does an individual assignment start. A coordinator who must start one without that meeting (a
 * relationship that began elsewhere, an urgent case) says why; the reason is kept on the assignment and in the
 * case history. The hard rules (eligibility, capacity, excluded pairs) apply on either path.
 */

/** How an individual assignment comes to start: from an introduction's outcome, or directly (POST /assignments). */
export type StartPath = 'introduction_outcome' | 'direct';

export interface StartRefusal {
  code: 'introduction_required';
  message: string;
}

/** Refused unless the assignment follows an introduction or the coordinator gives a reason (not only blanks). */
export function refuseStartWithoutIntroduction(
  path: StartPath,
  reason: string | null | undefined,
): StartRefusal | null {
  if (path === 'introduction_outcome') return null;
  if (typeof reason === 'string' && reason.trim().length > 0) return null;
  return {
    code: 'introduction_required',
    message:
      'An individual assignment starts from an introduction (POST /introductions, then its outcome); to start ' +
      'one without a meeting, give startWithoutIntroductionReason',
  };
}
