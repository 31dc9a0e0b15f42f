import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import helmet from '@fastify/helmet';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Logger } from 'nestjs-pino';
import { createValidationPipe } from './common/errors/validation';
import { parseJsonBody } from './common/http/json-body';
import { createOpenApiDocument } from './common/openapi/document';
import { AppConfig } from './config/app-config.service';
import { Environment } from './config/environment';
import { hostWebApp } from './web-app/web-app-hosting';
import { AccessLogService } from './access-log/access-log.service';
import { installServiceUserDataLog } from './access-log/service-user-data';

export const BODY_LIMIT_BYTES = 100 * 1024;

declare module 'http' {
  interface IncomingMessage {
    /** The caller's own X-Request-Id, kept apart from the server's request id. */
    clientRequestId?: string;
  }
}

const CLIENT_REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * The request id is always the server's own (a new UUID): what the logs say must not be chosen by the caller. A
 * caller's X-Request-Id, when it is a plain token, is kept apart as `clientRequestId` (logged and stored in the
 * access log as such) so that an integration can still find its own calls. Both are kept on the raw request,
 * where pino-http (which sees only the raw request) takes them for every log line.
 */
function requestId(raw: IncomingMessage): string {
  const given = raw.headers['x-request-id'];
  if (typeof given === 'string' && CLIENT_REQUEST_ID.test(given)) raw.clientRequestId = given;
  const id = randomUUID();
  raw.id = id;
  return id;
}

/** The caller's own X-Request-Id of this request, when it gave a well-formed one. */
export function clientRequestIdOf(request: { raw: IncomingMessage }): string | null {
  return request.raw.clientRequestId ?? null;
}

/**
 * The HTTP platform: Fastify, which spends about a third of Express's CPU time per request on the bare benchmark
 * handler (npm run bench:api). Only listed proxies may speak for the client's address (rate limits, logs).
 */
export function createHttpAdapter(environment: Pick<Environment, 'TRUSTED_PROXIES'>): FastifyAdapter {
  const proxies = environment.TRUSTED_PROXIES.split(',')
    .map((proxy) => proxy.trim())
    .filter(Boolean);
  return new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: proxies.length > 0 ? proxies : false,
    // `/contacts/` is `/contacts`, as clients of the Express-based API knew it.
    ignoreTrailingSlash: true,
    genReqId: requestId,
  });
}

/**
 * Everything main.ts and the e2e tests both need, so tests run the app exactly as production does. The app is
 * created with `bodyParser: false`: the JSON parser is ours (src/common/http/json-body.ts).
 */
export async function configureApp(app: NestFastifyApplication): Promise<NestFastifyApplication> {
  app.useLogger(app.get(Logger));
  const config = app.get(AppConfig);
  const fastify = app.getHttpAdapter().getInstance();
  // JSON only: any other body is 415.
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    let parsed: unknown;
    try {
      parsed = parseJsonBody(body as string);
    } catch (error) {
      return done(error as Error);
    }
    done(null, parsed);
  });
  await app.register(helmet);
  fastify.addHook('onRequest', (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
    reply.header('X-Request-Id', request.id);
    // Everything but the docs and health carries personal or case data: never stored by a cache.
    const path = request.url.split('?', 1)[0];
    // The web app's hashed assets carry their own (immutable) caching.
    if (!path.startsWith('/docs') && !path.startsWith('/assets/') && path !== '/health') {
      reply.header('Cache-Control', 'no-store');
    }
    done();
  });
  const origins = config
    .get('CORS_ORIGINS')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  app.enableCors({ origin: origins.length > 0 ? origins : false });
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();

  installServiceUserDataLog(fastify, app.get(AccessLogService));
  await hostWebApp(app);

  const document = createOpenApiDocument(app);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });
  return app;
}
