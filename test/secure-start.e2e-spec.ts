import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, KeyLike, SignJWT } from 'jose';
import { Client } from 'pg';
import { freePort } from './support/private-services';
import { ownLines, spawnEntry, SpawnedEntry, waitUntilAnswering } from './support/spawned-entry';
import { TEST_APP_DATABASE_URL, TEST_DATABASE_URL } from './support/test-env';

/** The secret that src/config/environment.ts once gave every deployment that forgot JWT_SECRET. */
const OLD_DEFAULT_SECRET = 'development-only-secret-change-me-0123456789';
const root = join(__dirname, '..');

/**
 * Every string in the repository that could serve as a signer secret: quoted literals and `NAME: value` or
 * `NAME=value` settings of 32 bytes or more without whitespace (anything shorter is refused as a secret at start).
 */
function secretLikeStringsInRepository(): string[] {
  const files = execFileSync('git', ['ls-files', '-z'], { cwd: root })
    .toString()
    .split('\0')
    .filter((file) => file && !/(^|\/)package-lock\.json$|^docs\/openapi\.json$/.test(file));
  const found = new Set<string>([OLD_DEFAULT_SECRET]);
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(join(root, file), 'utf8');
    } catch {
      continue; // listed but not in this checkout
    }
    if (text.includes('\0')) continue;
    for (const match of text.matchAll(
      /(['"`])([^\s'"`]{32,})\1|\b[A-Z][A-Z0-9_]*\s*[:=]\s*([^\s'"`]{32,})/g,
    )) {
      found.add(match[2] ?? match[3]);
    }
  }
  return [...found];
}

/**
 * Section 1 of "secure by default": a service started as the Dockerfile starts it (the API entry, with no
 * environment but an OIDC issuer and the addresses of this test's PostgreSQL and Redis) accepts no token signed
 * with anything found in the repository, and a start with no way to verify tokens is refused in one line.
 */
describe('secure start', () => {
  const infrastructure = () => ({
    DATABASE_URL: TEST_APP_DATABASE_URL,
    REDIS_URL: process.env.REDIS_URL!,
    // Only so that this test leaves no schedule and no keys behind in the shared Redis.
    QUEUE_PREFIX: `stottekontakt-secure-start-${process.pid}`,
    SCHEDULER_ENABLED: 'false',
  });

  it.each([
    [
      'no way to verify tokens',
      {},
      /^Invalid configuration: no way to verify tokens: set OIDC_ISSUER_URL .* LOCAL_SIGNER_ENABLED=true/,
    ],
    [
      'an OIDC issuer but no pepper for the signing codes',
      { OIDC_ISSUER_URL: 'https://login.kommune.example' },
      /^Invalid configuration: SIGNING_CODE_PEPPER is required where the local signer is off/,
    ],
    [
      'a pepper shorter than 32 bytes',
      { OIDC_ISSUER_URL: 'https://login.kommune.example', SIGNING_CODE_PEPPER: 'too-short-a-pepper' },
      /^Invalid configuration: SIGNING_CODE_PEPPER=\(hidden\): must be 32 bytes or more$/,
    ],
    [
      'a secret shorter than 32 bytes',
      { LOCAL_SIGNER_ENABLED: 'true', JWT_SECRET: 'too-short-a-secret' },
      /^Invalid configuration: JWT_SECRET=\(hidden\): JWT_SECRET must be longer than or equal to 32 characters$/,
    ],
  ])('refuses to start with %s, saying so in one line', async (_name, env, line) => {
    const api = spawnEntry('src/main.ts', { ...infrastructure(), ...env, PORT: String(await freePort()) });
    expect(await api.exited).toBe(1);
    const lines = ownLines(api.output());
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(line);
  });

  describe('a Dockerfile-style start with an OIDC issuer', () => {
    let issuerServer: Server;
    let issuer: string;
    let privateKey: KeyLike;
    let api: SpawnedEntry;
    let base: string;
    let municipalityId: string;

    beforeAll(async () => {
      const keys = await generateKeyPair('RS256');
      privateKey = keys.privateKey;
      const jwk = { ...(await exportJWK(keys.publicKey)), kid: 'key-1', alg: 'RS256', use: 'sig' };
      issuerServer = createServer((req, res) => {
        res.setHeader('Content-Type', 'application/json');
        if (req.url === '/.well-known/openid-configuration') {
          res.end(JSON.stringify({ issuer, jwks_uri: `${issuer}/jwks` }));
        } else if (req.url === '/jwks') {
          res.end(JSON.stringify({ keys: [jwk] }));
        } else {
          res.statusCode = 404;
          res.end('{}');
        }
      }).listen(0, '127.0.0.1');
      await once(issuerServer, 'listening');
      issuer = `http://127.0.0.1:${(issuerServer.address() as AddressInfo).port}`;

      const db = new Client({ connectionString: TEST_DATABASE_URL });
      await db.connect();
      municipalityId = (
        await db.query<{ id: string }>(`INSERT INTO municipalities (name) VALUES ($1) RETURNING id`, [
          `Sikker kommune ${process.pid}`,
        ])
      ).rows[0].id;
      await db.end();

      const port = await freePort();
      base = `http://127.0.0.1:${port}`;
      api = spawnEntry('src/main.ts', {
        ...infrastructure(),
        PORT: String(port),
        OIDC_ISSUER_URL: issuer,
        // A production configuration sets the signing codes' pepper (made here, so it is in no file).
        SIGNING_CODE_PEPPER: randomBytes(32).toString('base64url'),
      });
      await waitUntilAnswering(`${base}/health`, api);
    }, 120_000);

    afterAll(async () => {
      await api?.stop();
      issuerServer?.close();
    });

    const call = (token: string) =>
      fetch(`${base}/municipality`, { headers: { Authorization: `Bearer ${token}` } });
    const hs256 = (secret: string, iss: string, aud: string) =>
      new SignJWT({ role: 'admin', municipality_id: municipalityId })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject('forger')
        .setIssuer(iss)
        .setAudience(aud)
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(new TextEncoder().encode(secret));

    it('says on /health that the local signer is off, and does not say it loudly at start', async () => {
      const health = await (await fetch(`${base}/health`)).json();
      expect(health).toMatchObject({ status: 'ok', localSigner: 'disabled' });
      expect(api.output()).not.toMatch(/LOCAL SIGNER ENABLED/);
    });

    it('accepts a token of the issuer (so the refusals below are the secrets’ doing)', async () => {
      const token = await new SignJWT({ role: 'coordinator', municipality_id: municipalityId })
        .setProtectedHeader({ alg: 'RS256', kid: 'key-1' })
        .setSubject('kari.saksbehandler@kommune.no')
        .setIssuer(issuer)
        .setAudience('stottekontakt-api')
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(privateKey);
      const response = await call(token);
      expect(response.status).toBe(200);
      expect(((await response.json()) as { id: string }).id).toBe(municipalityId);
    });

    it('refuses a token signed with the old default secret, for the local issuer and for the OIDC issuer', async () => {
      for (const iss of ['stottekontakt-local', issuer]) {
        const response = await call(await hs256(OLD_DEFAULT_SECRET, iss, 'stottekontakt-api'));
        expect(response.status).toBe(401);
      }
    });

    it('refuses a token signed with any secret-like string found in the repository', async () => {
      const candidates = secretLikeStringsInRepository();
      expect(candidates.length).toBeGreaterThan(50);
      const accepted: string[] = [];
      for (const secret of candidates) {
        const response = await call(await hs256(secret, 'stottekontakt-local', 'stottekontakt-api'));
        if (response.status !== 401) accepted.push(`${response.status}: ${secret}`);
      }
      expect(accepted).toEqual([]);
    }, 120_000);
  });
});
