import { createHash } from 'node:crypto';
import {
  attemptsLeftAfterWrong,
  CODE_MAX_ATTEMPTS,
  CODE_REQUESTS_PER_WINDOW,
  codeMatches,
  codeRefusal,
  codeRequestAllowed,
  hashCode,
  isCodeShaped,
  newCode,
} from './one-time-code';

const REQUEST = '6f1c1f0e-8d3a-4a57-9b0e-0c5f4b8a9d11';
const OTHER_REQUEST = '0b7d1c2e-1f3a-4b5c-8d9e-0a1b2c3d4e5f';
const PEPPER = 'p'.repeat(32);
const OTHER_PEPPER = 'q'.repeat(32);
const now = new Date('2026-12-02T10:00:00Z');
const minutes = (n: number) => new Date(now.getTime() + n * 60_000);

describe('one-time code', () => {
  it('makes six-digit codes, leading zeros kept, and not the same one every time', () => {
    const codes = Array.from({ length: 200 }, newCode);
    expect(codes.every(isCodeShaped)).toBe(true);
    expect(new Set(codes).size).toBeGreaterThan(190);
  });

  it('accepts only six digits as a code', () => {
    expect(isCodeShaped('012345')).toBe(true);
    for (const bad of ['12345', '1234567', '12345a', ' 123456', '']) expect(isCodeShaped(bad)).toBe(false);
  });

  it('matches the code sent, and nothing else; a hash is bound to its request', () => {
    const stored = hashCode(PEPPER, REQUEST, '042137');
    expect(codeMatches(PEPPER, stored, REQUEST, '042137')).toBe(true);
    expect(codeMatches(PEPPER, stored, REQUEST, '042138')).toBe(false);
    expect(codeMatches(PEPPER, stored, REQUEST, '42137')).toBe(false);
    expect(codeMatches(PEPPER, stored, OTHER_REQUEST, '042137')).toBe(false);
    expect(codeMatches(PEPPER, Buffer.alloc(3), REQUEST, '042137')).toBe(false);
  });

  it('keys the hash with the server’s pepper: without it a stored hash gives no code away', () => {
    const stored = hashCode(PEPPER, REQUEST, '042137');
    expect(codeMatches(OTHER_PEPPER, stored, REQUEST, '042137')).toBe(false);
    // Not the unkeyed SHA-256 of the request and code, which anyone with the database could search.
    const unkeyed = createHash('sha256').update(`${REQUEST}:042137`, 'utf8').digest();
    expect(stored.equals(unkeyed)).toBe(false);
    // The whole code space, tried with a wrong pepper, matches nothing.
    let found = 0;
    for (let n = 0; n < 20_000; n++) {
      if (codeMatches(OTHER_PEPPER, stored, REQUEST, String(n + 30_000).padStart(6, '0'))) found++;
    }
    expect(found).toBe(0);
  });

  it('refuses a code never sent, an expired one, and one tried too often', () => {
    const hash = hashCode(PEPPER, REQUEST, '123456');
    expect(codeRefusal({ hash: null, expiresAt: null, attempts: 0 }, now)).toBe('not_requested');
    expect(codeRefusal({ hash, expiresAt: minutes(1), attempts: 0 }, now)).toBeNull();
    expect(codeRefusal({ hash, expiresAt: now, attempts: 0 }, now)).toBe('expired');
    expect(codeRefusal({ hash, expiresAt: minutes(5), attempts: CODE_MAX_ATTEMPTS - 1 }, now)).toBeNull();
    expect(codeRefusal({ hash, expiresAt: minutes(5), attempts: CODE_MAX_ATTEMPTS }, now)).toBe('used_up');
    expect(codeRefusal({ hash, expiresAt: minutes(-5), attempts: CODE_MAX_ATTEMPTS }, now)).toBe('used_up');
  });

  it('counts the tries left down to zero', () => {
    expect(attemptsLeftAfterWrong(0)).toBe(CODE_MAX_ATTEMPTS - 1);
    expect(attemptsLeftAfterWrong(CODE_MAX_ATTEMPTS - 1)).toBe(0);
    expect(attemptsLeftAfterWrong(CODE_MAX_ATTEMPTS + 3)).toBe(0);
  });

  it('lets a few codes go per timesheet in the window, then says when the next may', () => {
    const earlier = Array.from({ length: CODE_REQUESTS_PER_WINDOW - 1 }, (_, i) => minutes(-10 + i));
    expect(codeRequestAllowed(earlier, now)).toEqual({ allowed: true });
    const full = [...earlier, minutes(-1)];
    expect(codeRequestAllowed(full, now)).toEqual({ allowed: false, retryAfterSeconds: 5 * 60 });
    // Older than the window: they no longer count.
    expect(codeRequestAllowed([minutes(-16), minutes(-20), minutes(-30)], now)).toEqual({ allowed: true });
  });
});
