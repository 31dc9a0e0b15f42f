import { randomUUID } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module';
import { configureApp, createHttpAdapter } from '../../src/app.setup';
import { Role } from '../../src/common/auth/principal';
import { TokenService } from '../../src/common/auth/token.service';
import { validateEnvironment } from '../../src/config/environment';
import { MunicipalitiesService } from '../../src/municipalities/municipalities.service';

/** The real app (same module, same setup as main.ts) on the e2e database. */
export async function createTestApp(): Promise<INestApplication> {
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(
    createHttpAdapter(validateEnvironment(process.env)),
    { bodyParser: false, logger: ['error', 'warn'] },
  );
  await configureApp(app);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

/** A fresh municipality per test file: the file owns its data and cannot see another file's. */
export async function createMunicipality(
  app: INestApplication,
  name = `Testkommune ${randomUUID().slice(0, 8)}`,
) {
  return app.get(MunicipalitiesService).create({ name });
}

export async function tokenFor(
  app: INestApplication,
  role: Role,
  municipalityId: string,
  contactId?: string,
): Promise<string> {
  return app
    .get(TokenService)
    .sign({ subject: `${role}-${randomUUID().slice(0, 8)}`, role, municipalityId, contactId });
}

/** supertest with a bearer token already set. */
export function as(app: INestApplication, token: string) {
  const server = app.getHttpServer();
  const withAuth = (test: request.Test) => test.set('Authorization', `Bearer ${token}`);
  return {
    get: (url: string) => withAuth(request(server).get(url)),
    post: (url: string) => withAuth(request(server).post(url)),
    patch: (url: string) => withAuth(request(server).patch(url)),
    put: (url: string) => withAuth(request(server).put(url)),
    delete: (url: string) => withAuth(request(server).delete(url)),
  };
}

export const dataSourceOf = (app: INestApplication): DataSource => app.get(DataSource);
