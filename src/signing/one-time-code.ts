import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';

/**
 * The one-time code (engangskode): the second way the user or guardian signs, on the contact's phone. The code
 * goes to the signer's own address, never to the contact, so the contact alone cannot produce it (DOMAIN rule 5).
 * Pure rules, no Nest and no database: the service loads the state, asks these, and saves the answer.
 */

/** Digits in a code: short enough to read out, and with 5 attempts a guess succeeds 1 time in 200 000. */
export const CODE_DIGITS = 6;
/** How long a code works after it is asked for. */
export const CODE_MINUTES = 10;
/** Wrong tries before the code is void and a new one must be asked for. */
export const CODE_MAX_ATTEMPTS = 5;
/** Codes per timesheet in any window of CODE_WINDOW_MINUTES: enough for a typo, too few to flood an inbox. */
export const CODE_REQUESTS_PER_WINDOW = 3;
export const CODE_WINDOW_MINUTES = 15;

const CODE_PATTERN = new RegExp(`^\\d{${CODE_DIGITS}}$`);

/** A new code, uniformly random with leading zeros kept. */
export const newCode = (): string => String(randomInt(0, 10 ** CODE_DIGITS)).padStart(CODE_DIGITS, '0');

export const isCodeShaped = (code: string): boolean => CODE_PATTERN.test(code);

/**
 * What the database keeps of a code: HMAC-SHA256 keyed with the server's pepper (SIGNING_CODE_PEPPER) over the
 * request's id and the code. The id makes the same code on two requests hash apart; the pepper, kept out of the
 * database, means a copy of the database alone cannot try the million possible codes against a stored hash.
 */
export const hashCode = (pepper: string, signingRequestId: string, code: string): Buffer =>
  createHmac('sha256', pepper).update(`${signingRequestId}:${code}`, 'utf8').digest();

/** Whether a presented code is the one sent, compared in constant time. */
export function codeMatches(
  pepper: string,
  stored: Buffer,
  signingRequestId: string,
  presented: string,
): boolean {
  const candidate = hashCode(pepper, signingRequestId, isCodeShaped(presented) ? presented : '');
  return stored.length === candidate.length && timingSafeEqual(stored, candidate);
}

export interface CodeState {
  /** Null until the worker has sent the code (or when none was asked for). */
  hash: Buffer | null;
  expiresAt: Date | null;
  attempts: number;
}

export type CodeRefusal = 'not_requested' | 'expired' | 'used_up';

/** Why a code can no longer be tried, or null when it can. Used-up wins over expired: it says what happened. */
export function codeRefusal(state: CodeState, now: Date): CodeRefusal | null {
  if (!state.hash || !state.expiresAt) return 'not_requested';
  if (state.attempts >= CODE_MAX_ATTEMPTS) return 'used_up';
  if (state.expiresAt.getTime() <= now.getTime()) return 'expired';
  return null;
}

/** Tries left after one more wrong one (0: the code is void). */
export const attemptsLeftAfterWrong = (attempts: number): number =>
  Math.max(0, CODE_MAX_ATTEMPTS - (attempts + 1));

/**
 * Whether another code may be sent for a timesheet, given when the earlier ones were asked for; when not, the
 * seconds until the oldest in the window falls out of it.
 */
export function codeRequestAllowed(
  earlier: Date[],
  now: Date,
): { allowed: true } | { allowed: false; retryAfterSeconds: number } {
  const windowMs = CODE_WINDOW_MINUTES * 60_000;
  const inWindow = earlier
    .map((at) => at.getTime())
    .filter((at) => at > now.getTime() - windowMs && at <= now.getTime())
    .sort((a, b) => a - b);
  if (inWindow.length < CODE_REQUESTS_PER_WINDOW) return { allowed: true };
  const oldest = inWindow[inWindow.length - CODE_REQUESTS_PER_WINDOW];
  return { allowed: false, retryAfterSeconds: Math.ceil((oldest + windowMs - now.getTime()) / 1000) };
}
