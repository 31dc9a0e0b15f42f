/**
 * `npm run openapi`: writes the OpenAPI document to docs/openapi.json without a database or Redis (Nest's
 * preview mode reads the modules' metadata and creates no provider). `npm run openapi -- --check` fails when
 * the file is stale, so a change to a route or DTO that is not reflected in the committed document fails `npm test`.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { createOpenApiDocument } from '../src/common/openapi/document';

const target = join(__dirname, '..', 'docs', 'openapi.json');

async function main(): Promise<void> {
  // The document depends on no setting, but the configuration is validated when the module loads, and it wants
  // a way to verify tokens: an issuer that is never contacted, and (as a production configuration) a pepper for
  // the signing codes that hashes nothing, made afresh so that no secret-like string is kept in the repository.
  process.env.OIDC_ISSUER_URL ||= 'https://issuer.invalid';
  process.env.SIGNING_CODE_PEPPER ||= randomBytes(32).toString('base64url');
  const { AppModule } = await import('../src/app.module');
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, new FastifyAdapter(), {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  const text = `${JSON.stringify(createOpenApiDocument(app), null, 2)}\n`;
  await app.close();
  if (process.argv.includes('--check')) {
    const current = readFileSync(target, 'utf8');
    if (current !== text) {
      console.error('docs/openapi.json is stale: run `npm run openapi` and commit the result');
      process.exit(1);
    }
    console.log('docs/openapi.json is current');
    return;
  }
  writeFileSync(target, text);
  console.log(`wrote ${target}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
