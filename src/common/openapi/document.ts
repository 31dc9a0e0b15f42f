import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { ParameterObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { SESSION_COOKIE } from '../../web-session/session-cookie';
import { exactNullables } from './nullable';
import { describeResponses } from './responses';
import { applyValidationToOpenApi } from './validation-schema';

/** The document's tags, each with what an integrator finds under it. */
const TAGS: Record<string, string> = {
  auth: 'Staff and støttekontakt sign-in for the web app (OpenID Connect, backend-for-frontend session)',
  health: 'Readiness of the API, PostgreSQL and Redis',
  municipality:
    'The municipality’s settings (politiattest rules, matching, meeting hours) and interest vocabulary',
  contacts: 'The roster of støttekontakter: eligibility, availability, capacity',
  'close-relatives': 'Close relatives (nærstående): pairs never proposed, introduced, assigned or grouped',
  'service-users': 'Tjenestemottakere: the people who receive the service, with what their contact may see',
  decisions: 'Vedtak: hours per week or month, period, form of service',
  'case-deadlines': 'Applications, foreløpig svar, vedtak sent and complaints (klage) with their deadlines',
  'waiting-list': 'Who waits for a støttekontakt, by Helsedirektoratet’s bands',
  matching: 'Matching runs (nightly or on demand) and their proposals',
  introductions: 'Introduction meetings (introduksjonsmøte) before an assignment starts',
  'caseworker-calendar': 'A caseworker’s busy times, for suggesting meeting times',
  'calendar-feeds':
    'Private iCalendar feeds of one’s meetings (and a contact’s sessions), with a revocable token',
  assignments: 'Assignments (oppdrag) of a støttekontakt to a user',
  groups: 'Activity groups of 3–6 users with one or two støttekontakter',
  sessions: 'Sessions a støttekontakt logs: hours, driving, expenses',
  timesheets: 'Monthly timesheets: submission, the user’s signature, approval',
  quotas: 'Hours used against each vedtak’s quota',
  compensation: 'Pay rates, payroll and invoice exports',
  lapses: 'Politiattest and taushetserklæring about to lapse',
  reports: 'Waiting times, hours granted vs used, ended matches, the KPR export',
  notifications: 'Notification preferences and the record of what was sent',
  signing: 'The public one-time link a user or guardian signs a timesheet with',
  'access-log': 'Who read which service user’s data, hash-chained and verifiable',
};

/** Tags the operations use, declared once with their description (in the order above). */
function declareTags(document: OpenAPIObject): void {
  const used = new Set(
    Object.values(document.paths).flatMap((path) =>
      Object.values(path).flatMap((operation) => (operation as { tags?: string[] }).tags ?? []),
    ),
  );
  const missing = [...used].filter((tag) => !(tag in TAGS));
  if (missing.length > 0) throw new Error(`OpenAPI tags without a description: ${missing.join(', ')}`);
  document.tags = Object.entries(TAGS)
    .filter(([name]) => used.has(name))
    .map(([name, description]) => ({ name, description }));
}

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
          'Every endpoint but /health, /docs, sign-in and the signing link needs a bearer token from the ' +
          'municipality’s identity provider (or, in development, `npm run token -- --role coordinator`), or the web ' +
          'app’s session cookie with its CSRF token on writes. Every error has the one shape `ErrorBody`.',
      )
      .setVersion('0.1.0')
      .setLicense(
        'UNLICENSED (proprietary; used by agreement with the municipality)',
        'https://spdx.org/licenses/',
      )
      .addServer(
        '/',
        'This deployment: production, staging or local, as the municipality runs it',
        undefined,
        {
          'x-internal': false,
        },
      )
      .addBearerAuth(
        {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description:
            'An access token from the municipality’s OpenID provider, verified as RFC8725 (JSON Web Token Best ' +
            'Current Practices) asks: the algorithm is pinned (no `none`), issuer, audience and expiry are checked, and a ' +
            'token older than TOKEN_MAX_AGE_MINUTES is refused.',
        },
        'bearer',
      )
      .addCookieAuth(
        SESSION_COOKIE,
        {
          type: 'apiKey',
          in: 'cookie',
          description: 'The web app’s HttpOnly session cookie; writes also need the X-CSRF-Token header',
        },
        'web-session',
      )
      .build(),
  );
  describePathIds(document);
  describeResponses(document);
  exactNullables(document);
  declareTags(document);
  return document;
}
