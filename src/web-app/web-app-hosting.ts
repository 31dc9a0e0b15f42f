import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig } from '../config/app-config.service';

/**
 * The pages' Content-Security-Policy (TRUST 33): our own origin only, no inline script or style, no framing.
 */
export const WEB_APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/** Vite names every asset by its content hash: a changed file is a new URL, so a year's caching is safe. */
export const ASSET_CACHE_CONTROL = 'public, max-age=31536000, immutable';

/** The repository's root: the nearest folder above this file with a package.json (src/ or dist/src/ alike). */
function repositoryRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

export function webDistDir(config: AppConfig): string {
  return resolve(config.get('WEB_DIST_DIR') ?? join(repositoryRoot(), 'web', 'dist'));
}

/** A navigation by a browser: GET or HEAD asking for HTML. */
const isPageRequest = (request: FastifyRequest): boolean =>
  (request.method === 'GET' || request.method === 'HEAD') &&
  (request.headers.accept ?? '').includes('text/html');

/**
 * Serves the built web app from the API process: `/assets/*` as static files, and index.html for any page
 * request that no API route answers (the app's own routes are Norwegian paths, so they never meet an API path).
 * Without a build the API still works and a page request is told the app is not built.
 */
export async function hostWebApp(app: NestFastifyApplication): Promise<void> {
  const dist = webDistDir(app.get(AppConfig));
  const fastify = app.getHttpAdapter().getInstance();
  const assets = join(dist, 'assets');
  if (existsSync(assets)) {
    await app.register(fastifyStatic, {
      root: assets,
      prefix: '/assets/',
      decorateReply: false,
      index: false,
      cacheControl: false,
      setHeaders: (reply) => reply.header('Cache-Control', ASSET_CACHE_CONTROL),
    });
  }
  const indexFile = join(dist, 'index.html');
  // onRequest runs after routing: is404 says no route matched, before Nest's not-found handler answers.
  fastify.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (!request.is404 || !isPageRequest(request)) return;
    const html = await readFile(indexFile, 'utf8').catch(() => undefined);
    if (html === undefined) {
      return reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .send('The web app is not built: run `npm run build --workspace web` (npm start does it for you).\n');
    }
    return reply
      .code(200)
      .header('Content-Security-Policy', WEB_APP_CSP)
      .header('Cache-Control', 'no-cache')
      .type('text/html; charset=utf-8')
      .send(html);
  });
}
