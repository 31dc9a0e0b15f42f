import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new unguessable value (256 bits) for a session id, a CSRF token or a sign-in's cookie. */
export const newSecret = (): string => randomBytes(32).toString('base64url');

/** What the database keeps of a session id: its SHA-256, never the id itself. */
export const hashOf = (secret: string): Buffer => createHash('sha256').update(secret).digest();

/** Constant-time equality of a presented CSRF token and the session's (hashing first makes lengths equal). */
export function sameSecret(presented: unknown, expected: string): boolean {
  if (typeof presented !== 'string' || presented === '') return false;
  return timingSafeEqual(hashOf(presented), hashOf(expected));
}

/**
 * Where to send a person after sign-in: a path of this app only. Anything that could leave the origin
 * (`//evil.example`, `/\evil`, `https://…`, control characters) becomes `/`.
 */
export function safeReturnTo(value: unknown): string {
  if (typeof value !== 'string' || value.length > 2000) return '/';
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return '/';
  // The URL parser has the last word: the path must stay on a fixed origin.
  const base = 'http://app.invalid';
  const resolved = new URL(value, base);
  if (resolved.origin !== base) return '/';
  return `${resolved.pathname}${resolved.search}${resolved.hash}`;
}
