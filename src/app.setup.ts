import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { createValidationPipe } from './common/errors/validation';
import { AppConfig } from './config/app-config.service';

export const BODY_LIMIT = '100kb';

/** `__proto__` and `constructor` keys in a JSON body are refused (400) before any code sees them. */
function refusePrototypeKeys(key: string, value: unknown): unknown {
  if (key === '__proto__' || key === 'constructor' || key === 'prototype') {
    throw new SyntaxError(`The key "${key}" is not allowed`);
  }
  return value;
}

/** Everything main.ts and the e2e tests both need, so tests run the app exactly as production does. */
export function configureApp(app: NestExpressApplication): INestApplication {
  app.useLogger(app.get(Logger));
  const config = app.get(AppConfig);
  // Only listed proxies may speak for the client's address (rate limits, logs).
  const trustedProxies = config.get('TRUSTED_PROXIES').trim();
  app.set('trust proxy', trustedProxies ? trustedProxies.split(',').map((p) => p.trim()) : false);
  // Responses are no-store; hashing every body for an ETag would be work for nothing.
  app.set('etag', false);
  app.useBodyParser('json', { limit: BODY_LIMIT, reviver: refusePrototypeKeys });
  app.use(helmet());
  // Everything but the docs and health carries personal or case data: never stored by a cache.
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (!request.path.startsWith('/docs') && request.path !== '/health')
      response.setHeader('Cache-Control', 'no-store');
    next();
  });
  const origins = config
    .get('CORS_ORIGINS')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  app.enableCors({ origin: origins.length > 0 ? origins : false });
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Støttekontakt')
      .setDescription(
        'Roster of støttekontakter, service users with their decisions (vedtak), activity groups, assignments and matching. ' +
          'Every endpoint but /health and /docs needs a bearer token (`npm run token -- --role coordinator`).',
      )
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });
  return app;
}
