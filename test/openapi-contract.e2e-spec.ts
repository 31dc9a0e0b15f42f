import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import request, { Response } from 'supertest';
import { contactBody } from './factories';
import { serviceUserBody, decisionBody } from './service-user-factories';
import { newContact, newWaitingUser, seedProposal } from './support/introduction-fixtures';
import { as, createMunicipality, createTestApp, tokenFor } from './support/test-app';

/**
 * The OpenAPI document is a contract: for a sample of routes, each real answer (errors included) must have its
 * status documented on the operation, and its body must validate against the documented schema. A route that
 * loses a documented error or schema, or answers what its schema does not say, fails here.
 */

type Json = Record<string, unknown>;
const document = JSON.parse(readFileSync(join(__dirname, '..', 'docs', 'openapi.json'), 'utf8')) as Json;

/** Points the document's local references at the document registered under the id `doc`. */
function withDocumentRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withDocumentRefs);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [
        key,
        key === '$ref' && typeof inner === 'string' ? `doc${inner}` : withDocumentRefs(inner),
      ]),
    );
  }
  return value;
}

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addFormat('int32', {
  type: 'number',
  validate: (n: number) => Number.isInteger(n) && Math.abs(n) < 2 ** 31,
});
ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
ajv.addSchema({ $id: 'doc', components: withDocumentRefs(document.components) });

const components = document.components as { responses: Record<string, Json> };
const paths = document.paths as Record<string, Record<string, Json>>;
const validators = new Map<string, ValidateFunction>();

/** The documented response of `method path` for `status`, with the shared error responses resolved. */
function documentedResponse(method: string, path: string, status: number): Json {
  const operation = paths[path]?.[method];
  if (!operation) throw new Error(`${method.toUpperCase()} ${path} is not in the document`);
  const responses = operation.responses as Record<string, Json>;
  const response = responses[String(status)];
  if (!response) {
    throw new Error(
      `${method.toUpperCase()} ${path} answered ${status}, which it does not document (documented: ${Object.keys(responses).join(', ')})`,
    );
  }
  const ref = response.$ref as string | undefined;
  return ref ? components.responses[ref.split('/').pop() ?? ''] : response;
}

/** Asserts that the answer is one the document promises for this operation and status. */
function expectDocumented(response: Response, method: string, path: string): void {
  const documented = documentedResponse(method, path, response.status);
  const schema = (documented.content as Record<string, { schema: Json }> | undefined)?.['application/json']
    ?.schema;
  const headers = Object.keys((documented.headers as Json | undefined) ?? {});
  for (const name of headers) expect(response.headers).toHaveProperty(name.toLowerCase());
  if (!schema) {
    expect(response.status).toBeGreaterThanOrEqual(200);
    return;
  }
  const key = `${method} ${path} ${response.status}`;
  let validate = validators.get(key);
  if (!validate) {
    validate = ajv.compile(withDocumentRefs(schema) as Json);
    validators.set(key, validate);
  }
  const valid = validate(response.body);
  if (!valid) {
    throw new Error(
      `${key}: the answer does not match its documented schema: ${ajv.errorsText(validate.errors)}\n` +
        JSON.stringify(response.body).slice(0, 800),
    );
  }
}

describe('the OpenAPI document matches the answers', () => {
  let app: INestApplication;
  let municipalityId: string;
  let coordinator: ReturnType<typeof as>;
  let contactClient: ReturnType<typeof as>;
  let contactId: string;
  let serviceUserId: string;

  beforeAll(async () => {
    app = await createTestApp();
    municipalityId = (await createMunicipality(app)).id;
    coordinator = as(app, await tokenFor(app, 'coordinator', municipalityId));
    const contact = await newContact(coordinator);
    contactId = contact.id as string;
    contactClient = as(app, await tokenFor(app, 'contact', municipalityId, contactId));
    serviceUserId = (await newWaitingUser(app, municipalityId, 40)).id as string;
    await seedProposal(app, municipalityId, serviceUserId, contactId);
  });

  afterAll(async () => {
    await app.close();
  });

  it('documents the successful reads, lists included', async () => {
    const reads: Array<[string, string]> = [
      ['/municipality', '/municipality'],
      ['/interests', '/interests'],
      ['/contacts', '/contacts'],
      [`/contacts/${contactId}`, '/contacts/{id}'],
      ['/service-users', '/service-users'],
      [`/service-users/${serviceUserId}`, '/service-users/{id}'],
      [`/service-users/${serviceUserId}/decisions`, '/service-users/{serviceUserId}/decisions'],
      [`/service-users/${serviceUserId}/access-log`, '/service-users/{id}/access-log'],
      [`/service-users/${serviceUserId}/case-history`, '/service-users/{id}/case-history'],
      ['/waiting-list', '/waiting-list'],
      ['/proposals', '/proposals'],
      ['/matching-runs', '/matching-runs'],
      ['/assignments', '/assignments'],
      ['/groups', '/groups'],
      ['/introductions', '/introductions'],
      ['/timesheets', '/timesheets'],
      ['/quota-warnings', '/quota-warnings'],
      ['/lapses', '/lapses'],
      ['/pay-settings', '/pay-settings'],
      ['/compensation/rates', '/compensation/rates'],
      ['/applications/due-notices', '/applications/due-notices'],
      ['/complaint-deadlines', '/complaint-deadlines'],
      ['/notification-settings/me', '/notification-settings/me'],
      ['/caseworkers/me/busy-times', '/caseworkers/me/busy-times'],
    ];
    for (const [url, path] of reads) {
      const response = await coordinator.get(url);
      expect({ url, status: response.status }).toEqual({ url, status: 200 });
      expectDocumented(response, 'get', path);
    }
  });

  it('documents the contact’s own views', async () => {
    const reads: Array<[string, string]> = [
      ['/contacts/me', '/contacts/me'],
      ['/contacts/me/users', '/contacts/me/users'],
      ['/contacts/me/introductions', '/contacts/me/introductions'],
      ['/assignments', '/assignments'],
      ['/sessions', '/sessions'],
    ];
    for (const [url, path] of reads) {
      const response = await contactClient.get(url);
      expect({ url, status: response.status }).toEqual({ url, status: 200 });
      expectDocumented(response, 'get', path);
    }
  });

  it('documents writes and their answers', async () => {
    const created = await coordinator.post('/contacts').send(contactBody()).expect(201);
    expectDocumented(created, 'post', '/contacts');
    const updated = await coordinator
      .patch(`/contacts/${created.body.id as string}`)
      .set('If-Match', `"${created.body.version as number}"`)
      .send({ phone: '+47 912 34 567' })
      .expect(200);
    expectDocumented(updated, 'patch', '/contacts/{id}');
    const user = await coordinator.post('/service-users').send(serviceUserBody()).expect(201);
    expectDocumented(user, 'post', '/service-users');
    const decision = await coordinator
      .post(`/service-users/${user.body.id as string}/decisions`)
      .send(decisionBody())
      .expect(201);
    expectDocumented(decision, 'post', '/service-users/{serviceUserId}/decisions');
    const run = await coordinator.post('/matching-runs').send({});
    expectDocumented(run, 'post', '/matching-runs');
  });

  it('documents every kind of error with the one error shape', async () => {
    const server = app.getHttpServer();
    const unauthenticated = await request(server).get('/contacts');
    expect(unauthenticated.status).toBe(401);
    expectDocumented(unauthenticated, 'get', '/contacts');

    const forbidden = await contactClient.get('/service-users');
    expect(forbidden.status).toBe(403);
    expectDocumented(forbidden, 'get', '/service-users');

    const invalid = await coordinator
      .post('/contacts')
      .send(contactBody({ postalCode: 'abc', capacity: -1 }));
    expect(invalid.status).toBe(400);
    expect((invalid.body as { details: unknown[] }).details.length).toBeGreaterThan(0);
    expectDocumented(invalid, 'post', '/contacts');

    const badQuery = await coordinator.get('/contacts?page=0');
    expect(badQuery.status).toBe(400);
    expectDocumented(badQuery, 'get', '/contacts');

    const missing = await coordinator.get(`/contacts/${randomUUID()}`);
    expect(missing.status).toBe(404);
    expectDocumented(missing, 'get', '/contacts/{id}');

    const stale = await coordinator
      .patch(`/contacts/${contactId}`)
      .set('If-Match', '"999"')
      .send({ phone: '+47 912 34 568' });
    expect(stale.status).toBe(412);
    expectDocumented(stale, 'patch', '/contacts/{id}');

    await coordinator.post('/matching-runs').send({});
    const pending = await coordinator.post('/matching-runs').send({});
    expect(pending.status).toBe(409);
    expectDocumented(pending, 'post', '/matching-runs');
  });

  it('documents the public routes', async () => {
    const server = app.getHttpServer();
    const session = await request(server).get('/auth/session').expect(200);
    expectDocumented(session, 'get', '/auth/session');
    const unknownLink = await request(server).get(`/signing/${'x'.repeat(43)}`);
    expectDocumented(unknownLink, 'get', '/signing/{token}');
  });
});
