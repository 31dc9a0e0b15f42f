import { readFileSync } from 'node:fs';
import { INestApplication } from '@nestjs/common';
import { SignJWT } from 'jose';
import request from 'supertest';
import { AppConfig } from '../src/config/app-config.service';
import { as, createMunicipality, createTestApp, tokenFor } from './support/test-app';
import { TEST_LOG_FILE } from './support/test-env';

/** Health, docs, authentication and the error shape: what every endpoint shares. */
describe('platform', () => {
  let app: INestApplication;
  let municipalityId: string;
  let secret: Uint8Array;

  beforeAll(async () => {
    app = await createTestApp();
    secret = new TextEncoder().encode(app.get(AppConfig).get('JWT_SECRET'));
    municipalityId = (await createMunicipality(app)).id;
  });
  afterAll(() => app.close());

  const server = () => app.getHttpServer();
  const sign = (
    claims: Record<string, unknown>,
    options: { audience?: string; issuer?: string; expires?: string } = {},
  ) =>
    new SignJWT({ role: 'coordinator', municipality_id: municipalityId, ...claims })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('tester')
      .setIssuer(options.issuer ?? 'stottekontakt-local')
      .setAudience(options.audience ?? 'stottekontakt-api')
      .setIssuedAt()
      .setExpirationTime(options.expires ?? '1h')
      .sign(secret);

  it('reports PostgreSQL and Redis on /health without a token', async () => {
    const health = await request(server()).get('/health').expect(200);
    expect(health.body).toMatchObject({
      status: 'ok',
      info: { postgres: { status: 'up' }, redis: { status: 'up' } },
      // The tests ask for the local signer, and health says so (a demo setting must be visible).
      localSigner: 'enabled',
    });
  });

  it('serves the OpenAPI document at /docs without a token', async () => {
    await request(server()).get('/docs').expect(200);
    const document = await request(server()).get('/docs/openapi.json').expect(200);
    expect(Object.keys(document.body.paths)).toEqual(expect.arrayContaining(['/contacts', '/matching-runs']));
  });

  it('accepts a valid token', async () => {
    await request(server())
      .get('/municipality')
      .set('Authorization', `Bearer ${await sign({})}`)
      .expect(200);
  });

  it.each([
    ['no token', async () => undefined],
    ['a malformed header', async () => 'Basic abc'],
    [
      'alg none',
      async () =>
        `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(
          JSON.stringify({ sub: 'x', role: 'admin', municipality_id: municipalityId, exp: 9999999999 }),
        ).toString('base64url')}.`,
    ],
    ['a bad signature', async () => (await sign({})).slice(0, -4) + 'AAAA'],
    ['an expired token', async () => sign({}, { expires: '-1m' })],
    ['a wrong audience', async () => sign({}, { audience: 'someone-else' })],
    ['a wrong issuer', async () => sign({}, { issuer: 'https://evil.example' })],
    ['an unknown role', async () => sign({ role: 'superuser' })],
    ['a contact without contact_id', async () => sign({ role: 'contact' })],
  ])('answers 401 for %s, in the error shape', async (_name, token) => {
    const value = await token();
    const call = request(server()).get('/municipality');
    if (value) call.set('Authorization', value.startsWith('Basic') ? value : `Bearer ${value}`);
    const response = await call.expect(401);
    expect(response.body).toEqual({
      status: 401,
      code: 'unauthenticated',
      message: expect.any(String),
      details: [],
      requestId: expect.any(String),
    });
  });

  it('logs a refused token with its reason and the request id, never the token', async () => {
    const token = (await sign({})).slice(0, -4) + 'AAAA';
    const requestId = `refused-token-${Date.now()}`;
    const response = await request(server())
      .get('/municipality')
      .set('Authorization', `Bearer ${token}`)
      .set('X-Request-Id', requestId)
      .expect(401);
    // The log's request id is the server's; the caller's travels beside it, marked as the caller's.
    const serverId = response.headers['x-request-id'];
    expect(serverId).not.toBe(requestId);
    const lines = readFileSync(TEST_LOG_FILE, 'utf8')
      .split('\n')
      .filter((line) => line.includes(requestId) && line.includes('token rejected'));
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toMatchObject({
      level: 40,
      reason: expect.any(String),
      requestId: serverId,
      clientRequestId: requestId,
    });
    expect(lines[0]).not.toContain(token);
  });

  it('answers 404 in the error shape for an unknown route', async () => {
    const coordinator = as(app, await tokenFor(app, 'coordinator', municipalityId));
    const response = await coordinator.get('/no-such-thing').expect(404);
    expect(response.body).toMatchObject({ status: 404, code: 'not_found', requestId: expect.any(String) });
  });

  it('answers 400 for malformed JSON and 413 for a body over the limit, without a stack', async () => {
    const coordinator = as(app, await tokenFor(app, 'coordinator', municipalityId));
    const malformed = await coordinator
      .post('/contacts')
      .set('Content-Type', 'application/json')
      .send('{"a":')
      .expect(400);
    expect(malformed.body).toMatchObject({ status: 400, code: 'bad_request' });
    expect(JSON.stringify(malformed.body)).not.toMatch(/at .*\.js|stack/i);
    const huge = await coordinator
      .post('/contacts')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ firstName: 'x'.repeat(200_000) }))
      .expect(413);
    expect(huge.body).toMatchObject({ status: 413, code: 'payload_too_large' });
  });

  it('answers 415 for a body that is not JSON, and takes a route with a trailing slash', async () => {
    const coordinator = as(app, await tokenFor(app, 'coordinator', municipalityId));
    const text = await coordinator
      .post('/contacts')
      .set('Content-Type', 'text/plain')
      .send('Kari')
      .expect(415);
    expect(text.body).toMatchObject({
      status: 415,
      code: 'unsupported_media_type',
      requestId: expect.any(String),
    });
    await coordinator.get('/municipality/').expect(200);
  });

  it('lets only an admin change municipal settings, and validates them', async () => {
    const admin = as(app, await tokenFor(app, 'admin', municipalityId));
    const coordinator = as(app, await tokenFor(app, 'coordinator', municipalityId));
    await coordinator.patch('/municipality/settings').send({ policeCertificateMaxAgeMonths: 2 }).expect(403);
    await admin.patch('/municipality/settings').send({ policeCertificateMaxAgeMonths: 0 }).expect(400);
    // The setting is in calendar months now; the old day count is an unknown field.
    await admin.patch('/municipality/settings').send({ policeCertificateMaxAgeDays: 60 }).expect(400);
    const updated = await admin
      .patch('/municipality/settings')
      .send({ policeCertificateMaxAgeMonths: 2 })
      .expect(200);
    expect(updated.body.policeCertificateMaxAgeMonths).toBe(2);
  });

  it('keeps matching settings per municipality: merged field by field, validated, defaults where unset', async () => {
    const admin = as(app, await tokenFor(app, 'admin', municipalityId));
    expect((await admin.get('/municipality').expect(200)).body.matching).toEqual({});
    await admin
      .patch('/municipality/settings')
      .send({ matching: { travelRadiusKm: 8, weights: { interests: 80 } } })
      .expect(200);
    const updated = await admin
      .patch('/municipality/settings')
      .send({ matching: { weights: { waiting: 90 } } })
      .expect(200);
    expect(updated.body.matching).toEqual({ travelRadiusKm: 8, weights: { interests: 80, waiting: 90 } });
    const refused = await admin
      .patch('/municipality/settings')
      .send({ matching: { weights: { distance: -1 }, colour: 'red' } })
      .expect(400);
    expect(refused.body.details.map((d: { field: string }) => d.field)).toEqual(
      expect.arrayContaining(['matching.weights.distance', 'matching.colour']),
    );
    expect((await admin.get('/municipality').expect(200)).body.matching).toEqual(updated.body.matching);
  });

  it('extends the interest vocabulary, refusing a duplicate with 409', async () => {
    const coordinator = as(app, await tokenFor(app, 'coordinator', municipalityId));
    await coordinator.post('/interests').send({ code: 'climbing', label: 'Klatring' }).expect(201);
    const duplicate = await coordinator
      .post('/interests')
      .send({ code: 'climbing', label: 'Klatring' })
      .expect(409);
    expect(duplicate.body.code).toBe('already_exists');
    const list = await coordinator.get('/interests').expect(200);
    expect(list.body.map((i: { code: string }) => i.code)).toContain('climbing');
  });
});
