import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

/**
 * The OpenAPI document, built from the controllers' and DTOs' decorators. Served at /docs/openapi.json and
 * written to docs/openapi.json by `npm run openapi` (the web app's client is generated from that file).
 */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  return SwaggerModule.createDocument(
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
}
