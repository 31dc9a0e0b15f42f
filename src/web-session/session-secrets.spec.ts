import { hashOf, newSecret, safeReturnTo, sameSecret } from './session-secrets';

describe('session secrets', () => {
  it('makes distinct 256-bit secrets and hashes them to 32 bytes', () => {
    const [a, b] = [newSecret(), newSecret()];
    expect(a).not.toBe(b);
    expect(Buffer.from(a, 'base64url')).toHaveLength(32);
    expect(hashOf(a)).toHaveLength(32);
  });

  it('compares CSRF tokens exactly', () => {
    const token = newSecret();
    expect(sameSecret(token, token)).toBe(true);
    expect(sameSecret(`${token}x`, token)).toBe(false);
    expect(sameSecret('', token)).toBe(false);
    expect(sameSecret(undefined, token)).toBe(false);
    expect(sameSecret([token], token)).toBe(false);
  });

  it.each([
    ['/forslag', '/forslag'],
    ['/tjenestemottakere/5?fane=vedtak#logg', '/tjenestemottakere/5?fane=vedtak#logg'],
    ['/', '/'],
    // Encoded characters stay encoded: harmless in a Location header.
    ['/%0d%0aSet-Cookie:x', '/%0d%0aSet-Cookie:x'],
  ])('keeps the app path %s', (input, expected) => {
    expect(safeReturnTo(input)).toBe(expected);
  });

  it.each([
    'https://evil.example/',
    '//evil.example/x',
    '/\\evil.example',
    '\\\\evil.example',
    'javascript:alert(1)',
    'forslag',
    '/a\nb',
    '',
    undefined,
    ['/forslag'],
    `/${'a'.repeat(2001)}`,
  ])('refuses %p and sends to /', (input) => {
    expect(safeReturnTo(input)).toBe('/');
  });
});
