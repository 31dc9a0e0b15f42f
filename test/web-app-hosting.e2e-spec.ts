import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INestApplication } from '@nestjs/common';
import request from 'supertest';

/**
 * The API serves the built web app (TRUST 33): hashed assets with long caching, index.html for the app's own
 * (Norwegian) paths with a strict Content-Security-Policy, API routes untouched. A tiny dist folder made here
 * stands in for the real build (WEB_DIST_DIR).
 */
describe('hosting the web app', () => {
  let app: INestApplication;
  const dist = mkdtempSync(join(tmpdir(), 'stottekontakt-web-dist-'));
  const indexHtml =
    '<!doctype html><html lang="nb"><head><script type="module" src="/assets/app-1a2b3c.js"></script></head><body><div id="root"></div></body></html>';

  beforeAll(async () => {
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), indexHtml);
    writeFileSync(join(dist, 'assets', 'app-1a2b3c.js'), 'console.log("hei");\n');
    process.env.WEB_DIST_DIR = dist;
    const { createTestApp } = await import('./support/test-app');
    app = await createTestApp();
  });
  afterAll(async () => {
    await app?.close();
    delete process.env.WEB_DIST_DIR;
    rmSync(dist, { recursive: true, force: true });
  });

  const server = () => app.getHttpServer();
  const page = (path: string) =>
    request(server()).get(path).set('Accept', 'text/html,application/xhtml+xml,*/*;q=0.8');

  it.each([
    '/',
    '/forslag',
    '/tjenestemottakere/5e7d0000-0000-4000-8000-000000000001',
    '/logg-inn',
    // The user's public signing page (a one-time link) and the contact's phone screens.
    '/signer/NIVqTTOajVvMD025Xr0GPaF_8doH0WWBkK1DKpAdLAk',
    '/mine-oppdrag',
    '/for-timer',
  ])('answers the page %s with index.html under a strict CSP', async (path) => {
    const response = await page(path).expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.text).toBe(indexHtml);
    const csp = response.headers['content-security-policy'];
    expect(csp).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
    );
    expect(csp).not.toContain('unsafe-inline');
  });

  it('serves hashed assets with immutable caching', async () => {
    const response = await request(server()).get('/assets/app-1a2b3c.js').expect(200);
    expect(response.headers['content-type']).toMatch(/javascript/);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.text).toContain('hei');
  });

  it('answers a missing asset 404, not with the page', async () => {
    const response = await request(server()).get('/assets/missing-000.js');
    expect(response.status).toBe(404);
    expect(response.text).not.toContain('<div id="root">');
  });

  it('leaves API routes and their no-store as they are, also for a browser asking for HTML', async () => {
    const health = await request(server()).get('/health');
    expect(health.headers['content-type']).toMatch(/json/);
    const api = await page('/contacts').expect(401);
    expect(api.body.code).toBe('unauthenticated');
    expect(api.headers['cache-control']).toBe('no-store');
    // A program asking for JSON at an unknown path gets the API's 404, not the app.
    const unknown = await request(server()).get('/no-such-route').set('Accept', 'application/json');
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('not_found');
    // A write to an app path is no page request.
    await request(server()).post('/forslag').set('Accept', 'text/html').send({}).expect(404);
  });

  it('says the web app is not built when index.html is missing, and the API still works', async () => {
    rmSync(join(dist, 'index.html'));
    const response = await page('/').expect(503);
    expect(response.text).toMatch(/web app is not built/);
    await request(server()).get('/auth/session').expect(200);
  });
});
