import { once } from 'node:events';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { INestApplication } from '@nestjs/common';
import { exportJWK, generateKeyPair, KeyLike, SignJWT } from 'jose';
import request from 'supertest';

/**
 * Tokens from a municipality's OpenID Connect issuer (configured by URL): a real local issuer serves its
 * discovery document and JWKS; its RS256 tokens are accepted, tampered or foreign ones are not.
 */
describe('OpenID Connect issuer', () => {
  let issuerServer: Server;
  let issuer: string;
  let app: INestApplication;
  let municipalityId: string;
  let privateKey: KeyLike;

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
    // The configuration is read when the app module loads, so the issuer is set before it is imported.
    process.env.OIDC_ISSUER_URL = issuer;
    process.env.OIDC_AUDIENCE = 'stottekontakt-oidc';
    const { createMunicipality, createTestApp } = await import('./support/test-app');
    app = await createTestApp();
    municipalityId = (await createMunicipality(app)).id;
  });
  afterAll(async () => {
    await app.close();
    issuerServer.close();
    delete process.env.OIDC_ISSUER_URL;
    delete process.env.OIDC_AUDIENCE;
  });

  const oidcToken = (overrides: { audience?: string; issuer?: string; key?: KeyLike } = {}) =>
    new SignJWT({ role: 'coordinator', municipality_id: municipalityId })
      .setProtectedHeader({ alg: 'RS256', kid: 'key-1' })
      .setSubject('kari.saksbehandler@kommune.no')
      .setIssuer(overrides.issuer ?? issuer)
      .setAudience(overrides.audience ?? 'stottekontakt-oidc')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(overrides.key ?? privateKey);

  const call = (token: string) =>
    request(app.getHttpServer()).get('/municipality').set('Authorization', `Bearer ${token}`);

  it('accepts a token signed by the issuer’s key', async () => {
    const response = await call(await oidcToken()).expect(200);
    expect(response.body.id).toBe(municipalityId);
  });

  it('refuses a token for another audience', async () => {
    await call(await oidcToken({ audience: 'someone-else' })).expect(401);
  });

  it('refuses a token signed by another key that claims the issuer', async () => {
    const stranger = (await generateKeyPair('RS256')).privateKey;
    await call(await oidcToken({ key: stranger })).expect(401);
  });

  it('refuses an HS256 token that claims the OIDC issuer', async () => {
    const forged = await new SignJWT({ role: 'admin', municipality_id: municipalityId })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('forger')
      .setIssuer(issuer)
      .setAudience('stottekontakt-oidc')
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode('development-only-secret-change-me-0123456789'));
    await call(forged).expect(401);
  });
});
