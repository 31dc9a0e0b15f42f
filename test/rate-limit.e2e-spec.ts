import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { RATE_LIMITS } from '../src/common/auth/rate-limits';

const LIMIT = 40;

/** TRUST 17: a rate limit per client address, which a spoofed X-Forwarded-For from an untrusted hop cannot reset. */
describe('rate limit', () => {
  let app: INestApplication;
  let helpers: typeof import('./support/test-app');

  beforeAll(async () => {
    // The limit is configuration, read when the app module loads: set it before importing.
    process.env.RATE_LIMIT_PER_MINUTE = String(LIMIT);
    helpers = await import('./support/test-app');
    app = await helpers.createTestApp();
  });
  afterAll(async () => {
    delete process.env.RATE_LIMIT_PER_MINUTE;
    await app.close();
  });

  it('answers 429 past the limit, and a spoofed X-Forwarded-For does not reset it', async () => {
    const server = app.getHttpServer();
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT + 5; i++) {
      const response = await request(server).get('/municipality').set('X-Forwarded-For', `203.0.113.${i}`);
      statuses.push(response.status);
    }
    expect(statuses.slice(0, LIMIT).every((status) => status === 401)).toBe(true);
    expect(statuses.slice(LIMIT)).toEqual([429, 429, 429, 429, 429]);
    const spoofed = await request(server).get('/municipality').set('X-Forwarded-For', '198.51.100.7');
    expect(spoofed.status).toBe(429);
    expect(spoofed.body).toMatchObject({
      status: 429,
      code: 'too_many_requests',
      requestId: expect.any(String),
    });
  });

  it('gives an expensive route its own, tighter budget, stated in its headers and its OpenAPI operation', async () => {
    // Its own app: the API-wide budget (LIMIT, above the route's) of the test above is spent; this one starts fresh.
    expect(RATE_LIMITS.report).toBeLessThan(LIMIT - 5);
    const fresh = await helpers.createTestApp();
    try {
      const municipalityId = (await helpers.createMunicipality(fresh)).id;
      const coordinator = helpers.as(fresh, await helpers.tokenFor(fresh, 'coordinator', municipalityId));
      const report = '/reports/hours?from=2026-03-01&to=2026-03-31';
      const limit = RATE_LIMITS.report;
      for (let i = 0; i < limit; i++) {
        const answer = await coordinator.get(report).expect(200);
        expect(answer.headers['x-ratelimit-limit']).toBe(String(limit));
        expect(answer.headers['x-ratelimit-remaining']).toBe(String(limit - 1 - i));
      }
      const refused = await coordinator.get(report).expect(429);
      expect(refused.body).toMatchObject({ code: 'too_many_requests' });
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      // The budget is the route's: the client's other routes still answer, under the API-wide limit.
      const other = await coordinator.get('/municipality').expect(200);
      expect(other.headers['x-ratelimit-limit']).toBe(String(LIMIT));
      await coordinator.get('/reports/waiting-times?from=2026-03-01&to=2026-03-31').expect(200);

      const document = (await request(fresh.getHttpServer()).get('/docs/openapi.json').expect(200)).body;
      const operation = document.paths['/reports/hours'].get;
      expect(operation['x-rate-limit']).toEqual({ limit, windowSeconds: 60 });
      expect(operation.description).toContain(`at most ${limit} calls a minute per client address`);
      expect(operation.responses['429']).toBeDefined();
      expect(document.paths['/municipality'].get['x-rate-limit']).toBeUndefined();
    } finally {
      await fresh.close();
    }
  });

  it('does not limit the health check a load balancer polls', async () => {
    await request(app.getHttpServer()).get('/health').expect(200);
  });
});
