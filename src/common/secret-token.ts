import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits, base64url: 43 characters. */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** A new unguessable token for a link that is its own key (a signing link, a calendar feed). */
export const newSecretToken = (): string => randomBytes(32).toString('base64url');

/** What the database keeps of such a token: its SHA-256, never the token. */
export const hashToken = (token: string): Buffer => createHash('sha256').update(token, 'utf8').digest();

/** Whether a presented value can be a token at all, so a malformed one is refused without a query. */
export const isTokenShaped = (token: string): boolean => TOKEN_PATTERN.test(token);
