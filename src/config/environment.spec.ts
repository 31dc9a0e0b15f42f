import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateEnvironment } from './environment';

/** A way to verify tokens, so the other checks can be seen alone. */
const OIDC = {
  OIDC_ISSUER_URL: 'https://login.kommune.example',
  SIGNING_CODE_PEPPER: 'pepper-'.padEnd(40, 'x'),
};
const secretFile = () => join(mkdtempSync(join(tmpdir(), 'stk-secret-')), 'local-signer-secret');

describe('validateEnvironment', () => {
  it('gives sensible local defaults when nothing but the issuer and the pepper are set', () => {
    const environment = validateEnvironment(OIDC);
    expect(environment).toMatchObject({
      PORT: 3000,
      DATABASE_URL: 'postgres://stottekontakt_app@127.0.0.1:5432/stottekontakt',
      DATABASE_OWNER_URL: 'postgres://postgres@127.0.0.1:5432/stottekontakt',
      DATABASE_APP_ROLE: 'stottekontakt_app',
      REDIS_URL: 'redis://127.0.0.1:6379',
      MATCHING_CRON: '0 2 * * *',
      ALLOW_SYNTHETIC_NATIONAL_IDS: false,
      LOCAL_SIGNER_ENABLED: false,
    });
    expect(environment.JWT_SECRET).toBeUndefined();
  });

  it('parses numbers and booleans exactly', () => {
    expect(
      validateEnvironment({ ...OIDC, PORT: '8080', ALLOW_SYNTHETIC_NATIONAL_IDS: 'true' }),
    ).toMatchObject({ PORT: 8080, ALLOW_SYNTHETIC_NATIONAL_IDS: true });
  });

  it.each([
    ['PORT', 'eighty'],
    ['DATABASE_URL', 'mysql://localhost/db'],
    ['REDIS_URL', 'not a url'],
    ['ALLOW_SYNTHETIC_NATIONAL_IDS', 'yes'],
    ['MATCHING_CRON', 'every night'],
    ['LOG_LEVEL', 'loud'],
    ['LOCAL_SIGNER_ENABLED', 'yes'],
    ['DATABASE_OWNER_URL', 'http://example.org'],
    ['DATABASE_APP_ROLE', 'app"; DROP ROLE postgres; --'],
  ])('stops with one line naming %s when it is malformed', (name, value) => {
    expect(() => validateEnvironment({ ...OIDC, [name]: value })).toThrow(
      new RegExp(`^Invalid configuration: ${name}=[^\\n]*$`),
    );
  });

  it('turns SMS on only with a gateway URL and its token, never printing the token', () => {
    expect(validateEnvironment(OIDC).SMS_GATEWAY_URL).toBeUndefined();
    expect(() => validateEnvironment({ ...OIDC, SMS_GATEWAY_URL: 'https://sms.example/v1' })).toThrow(
      /^Invalid configuration: SMS_GATEWAY_TOKEN is required with SMS_GATEWAY_URL$/,
    );
    const short = { ...OIDC, SMS_GATEWAY_URL: 'https://sms.example/v1', SMS_GATEWAY_TOKEN: 'tiny-token' };
    expect(() => validateEnvironment(short)).toThrow(/^Invalid configuration: SMS_GATEWAY_TOKEN=\(hidden\)/);
    expect(() => validateEnvironment(short)).not.toThrow(/tiny-token/);
    expect(() => validateEnvironment({ ...OIDC, SMS_SENDER: 'Kommunen i Vest' })).toThrow(/SMS_SENDER/);
  });

  describe('tokens', () => {
    it.each([
      ['nothing set', {}],
      ['NODE_ENV=production', { NODE_ENV: 'production' }],
      ['NODE_ENV=development', { NODE_ENV: 'development' }],
      ['the signer switched off', { LOCAL_SIGNER_ENABLED: 'false' }],
      ['only a secret', { JWT_SECRET: 'x'.repeat(48) }],
    ])('refuses a start with no way to verify tokens (%s), in one line naming both ways', (_name, raw) => {
      expect(() => validateEnvironment(raw)).toThrow(
        /^Invalid configuration: no way to verify tokens: set OIDC_ISSUER_URL .*LOCAL_SIGNER_ENABLED=true[^\n]*$/,
      );
    });

    it('keeps the local signer off whatever NODE_ENV says', () => {
      for (const NODE_ENV of ['development', 'test', 'production']) {
        expect(validateEnvironment({ ...OIDC, NODE_ENV }).LOCAL_SIGNER_ENABLED).toBe(false);
      }
    });

    it('refuses a secret shorter than 32 bytes in one line, never printing it', () => {
      const raw = { LOCAL_SIGNER_ENABLED: 'true', JWT_SECRET: 'short-secret' };
      expect(() => validateEnvironment(raw)).toThrow(
        /^Invalid configuration: JWT_SECRET=\(hidden\): [^\n]*$/,
      );
      expect(() => validateEnvironment(raw)).not.toThrow(/short-secret/);
      expect(validateEnvironment({ ...raw, JWT_SECRET: 'k'.repeat(32) }).JWT_SECRET).toBe('k'.repeat(32));
    });

    it('generates a secret on first start, keeps it private, and reads the same one afterwards', () => {
      const file = secretFile();
      const raw = { LOCAL_SIGNER_ENABLED: 'true', LOCAL_SIGNER_SECRET_FILE: file };
      const first = validateEnvironment(raw).JWT_SECRET!;
      expect(Buffer.byteLength(first)).toBeGreaterThanOrEqual(32);
      expect(statSync(file).mode & 0o077).toBe(0);
      expect(validateEnvironment(raw).JWT_SECRET).toBe(first);
      expect(validateEnvironment(secretFileOf(file)).JWT_SECRET).not.toBe(first);
      expect(readFileSync(file, 'utf8').trim()).toBe(first);
    });

    it('uses JWT_SECRET when given, without writing a file', () => {
      const file = secretFile();
      const secret = 'given-secret-'.padEnd(40, 'x');
      const environment = validateEnvironment({
        LOCAL_SIGNER_ENABLED: 'true',
        LOCAL_SIGNER_SECRET_FILE: file,
        JWT_SECRET: secret,
      });
      expect(environment.JWT_SECRET).toBe(secret);
      expect(existsSync(file)).toBe(false);
    });

    it('refuses a kept secret file that holds less than 32 bytes, in one line', () => {
      const file = secretFile();
      writeFileSync(file, 'too-short\n');
      expect(() =>
        validateEnvironment({ LOCAL_SIGNER_ENABLED: 'true', LOCAL_SIGNER_SECRET_FILE: file }),
      ).toThrow(/^Invalid configuration: the local signer secret in .* is shorter than 32 bytes[^\n]*$/);
    });

    it('uses SIGNING_CODE_PEPPER when given, and never one shorter than 32 bytes, in one line not printing it', () => {
      expect(validateEnvironment(OIDC).SIGNING_CODE_PEPPER).toBe(OIDC.SIGNING_CODE_PEPPER);
      const short = { ...OIDC, SIGNING_CODE_PEPPER: 'short-pepper' };
      expect(() => validateEnvironment(short)).toThrow(
        /^Invalid configuration: SIGNING_CODE_PEPPER=\(hidden\): must be 32 bytes or more$/,
      );
      expect(() => validateEnvironment(short)).not.toThrow(/short-pepper/);
      // 16 two-byte letters are 32 bytes: the rule counts bytes, not characters.
      expect(validateEnvironment({ ...OIDC, SIGNING_CODE_PEPPER: 'ø'.repeat(16) }).SIGNING_CODE_PEPPER).toBe(
        'ø'.repeat(16),
      );
      expect(() => validateEnvironment({ ...OIDC, SIGNING_CODE_PEPPER: 'ø'.repeat(15) })).toThrow(
        /SIGNING_CODE_PEPPER/,
      );
    });

    it('refuses a production configuration (the local signer off) without a pepper', () => {
      const { SIGNING_CODE_PEPPER: _omitted, ...withoutPepper } = OIDC;
      expect(() => validateEnvironment({ ...withoutPepper, NODE_ENV: 'production' })).toThrow(
        /^Invalid configuration: SIGNING_CODE_PEPPER is required where the local signer is off[^\n]*$/,
      );
    });

    it('generates the local demo’s pepper once under .data/, kept private, apart from the signer’s secret', () => {
      const dir = mkdtempSync(join(tmpdir(), 'stk-pepper-'));
      const raw = {
        LOCAL_SIGNER_ENABLED: 'true',
        LOCAL_SIGNER_SECRET_FILE: join(dir, 'local-signer-secret'),
        SIGNING_CODE_PEPPER_FILE: join(dir, 'signing-code-pepper'),
      };
      const first = validateEnvironment(raw);
      expect(Buffer.byteLength(first.SIGNING_CODE_PEPPER!)).toBeGreaterThanOrEqual(32);
      expect(first.SIGNING_CODE_PEPPER).not.toBe(first.JWT_SECRET);
      expect(statSync(raw.SIGNING_CODE_PEPPER_FILE).mode & 0o077).toBe(0);
      expect(validateEnvironment(raw).SIGNING_CODE_PEPPER).toBe(first.SIGNING_CODE_PEPPER);
      writeFileSync(raw.SIGNING_CODE_PEPPER_FILE, 'too-short\n');
      expect(() => validateEnvironment(raw)).toThrow(
        /^Invalid configuration: the signing code pepper in .* is shorter than 32 bytes[^\n]*$/,
      );
    });

    it('lets tools that only touch the database start without a way to verify tokens', () => {
      expect(validateEnvironment({}, { verifiesTokens: false }).LOCAL_SIGNER_ENABLED).toBe(false);
    });
  });
});

/** Another file, to show that a second place gets its own secret rather than a fixed one. */
function secretFileOf(file: string) {
  return { LOCAL_SIGNER_ENABLED: 'true', LOCAL_SIGNER_SECRET_FILE: `${file}-elsewhere` };
}
