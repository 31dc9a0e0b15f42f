import fastifyCookie, { type SerializeOptions } from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** The web session's cookie: its value is the session id, which only the server can resolve. */
export const SESSION_COOKIE = 'sk_session';
/** A started OIDC sign-in, bound to the browser that started it (so a callback URL cannot be planted). */
export const SIGN_IN_COOKIE = 'sk_signin';
export const CSRF_HEADER = 'x-csrf-token';

/** HttpOnly (no page script reads it), Secure, SameSite=Lax (sent on the provider's redirect back, not on cross-site writes). */
export const COOKIE_OPTIONS: SerializeOptions = {
  httpOnly: true,
  secure: true,
  sameSite: 'lax',
  path: '/',
};

/**
 * Cookies are read and written here, only where a session is, with @fastify/cookie's parse and serialize; the
 * plugin's per-request hooks are not installed, so bearer requests never pay for cookies.
 */
export function setCookie(
  reply: FastifyReply,
  name: string,
  value: string,
  options: SerializeOptions = COOKIE_OPTIONS,
): void {
  // Fastify appends Set-Cookie headers rather than replacing them.
  reply.header('Set-Cookie', fastifyCookie.serialize(name, value, options));
}

export function clearCookie(reply: FastifyReply, name: string): void {
  setCookie(reply, name, '', { ...COOKIE_OPTIONS, expires: new Date(0), maxAge: 0 });
}

/** One cookie of the request, parsed only when asked. */
export function cookieOf(request: FastifyRequest, name: string): string | undefined {
  const header = request.headers.cookie;
  if (!header || !header.includes(name)) return undefined;
  const value = fastifyCookie.parse(header)[name];
  return value || undefined;
}

/** Methods that change nothing; every other method needs the CSRF token when the cookie authenticates. */
export const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);
