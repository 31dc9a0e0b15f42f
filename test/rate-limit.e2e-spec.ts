import { INestApplication } from '@nestjs/common';
import request from 'supertest';

const LIMIT = 40;

/** TRUST 17: a rate limit per client address, which a spoofed X-Forwarded-For from an untrusted hop cannot reset. */
describe('rate limit', () => {
  let app: INestApplication;

  beforeAll(async () => {
    // The limit is configuration, read when the app module loads: set it before importing.
    process.env.RATE_LIMIT_PER_MINUTE = String(LIMIT);
    const { createTestApp } = await import('./support/test-app');
    app = await createTestApp();
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

  it('does not limit the health check a load balancer polls', async () => {
    await request(app.getHttpServer()).get('/health').expect(200);
  });
});
