import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { ParameterObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { applyValidationToOpenApi } from './validation-schema';

/** Every `:id`-like path parameter goes through UuidParam (src/common/http/uuid-param.ts). */
function describePathIds(document: OpenAPIObject): void {
  for (const path of Object.values(document.paths)) {
    for (const operation of Object.values(path)) {
      const parameters = (operation as { parameters?: ParameterObject[] }).parameters ?? [];
      for (const parameter of parameters) {
        if (parameter.in === 'path' && /^(id|.+Id)$/.test(parameter.name)) {
          parameter.schema = { type: 'string', format: 'uuid', maxLength: 36 };
        }
      }
    }
  }
}

/**
 * The OpenAPI document, built from the controllers' and DTOs' decorators. Served at /docs/openapi.json and
 * written to docs/openapi.json by `npm run openapi` (the web app's client is generated from that file).
 */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  applyValidationToOpenApi();
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
  describePathIds(document);
  return document;
}
