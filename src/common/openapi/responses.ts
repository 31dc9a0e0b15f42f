import type { OpenAPIObject } from '@nestjs/swagger';
import type {
  HeaderObject,
  OperationObject,
  ParameterObject,
  ReferenceObject,
  ResponseObject,
  SchemaObject,
} from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { ROLES, Role, STAFF_ROLES } from '../auth/principal';
import { MAX_FIELD_ISSUES } from '../errors/api-error';
import { ROUTE_PUBLIC, ROUTE_RATE_LIMIT, ROUTE_ROLES, ROUTE_UNTHROTTLED } from './route-facts';

/**
 * The errors every operation can answer, derived from what the operation is (secured or public, rate limited,
 * with inputs, naming a record, versioned) rather than written on each route: a route cannot forget one, and the
 * one error shape (`ErrorBody`, what AllExceptionsFilter writes) is declared once.
 */

const CODE = { type: 'string', pattern: '^[a-z][a-z0-9_]*$', maxLength: 64 } as const;

const ERROR_SCHEMAS: Record<string, SchemaObject> = {
  FieldIssue: {
    type: 'object',
    additionalProperties: false,
    required: ['field', 'reason'],
    properties: {
      field: {
        type: 'string',
        maxLength: 500,
        pattern: '^\\S.*$',
        description: 'Path of the offending input, e.g. `availability[0].start` or the header `If-Match`',
      },
      reason: { type: 'string', maxLength: 500, pattern: '^\\S.*$', description: 'Why it was refused' },
    },
  },
  ErrorBody: {
    type: 'object',
    description:
      'The one shape of every error. `code` is stable for programs; `message` is for people (the web app shows ' +
      'its own Norwegian text for each code); `requestId` is what to quote to support.',
    required: ['status', 'code', 'message', 'details', 'requestId'],
    properties: {
      status: { type: 'integer', format: 'int32', minimum: 400, maximum: 599 },
      code: { ...CODE, example: 'validation_failed' },
      message: { type: 'string', maxLength: 500, pattern: '^\\S.*$', example: 'The request is invalid' },
      details: {
        type: 'array',
        maxItems: MAX_FIELD_ISSUES,
        items: { $ref: '#/components/schemas/FieldIssue' },
        description: `Each refused field and why (at most ${MAX_FIELD_ISSUES}); empty where no field is at fault`,
      },
      requestId: { type: 'string', format: 'uuid', maxLength: 36 },
      context: {
        type: 'object',
        additionalProperties: true,
        maxProperties: 20,
        description:
          'Facts a client may act on, named per code (e.g. `currentState` with illegal_transition, `runId` with run_already_pending)',
      },
    },
  },
};

const header = (description: string, schema: SchemaObject): HeaderObject => ({ description, schema });
const SECONDS = { type: 'integer', format: 'int32', minimum: 0, maximum: 86_400 } as const;

const HEADERS: Record<string, HeaderObject> = {
  'X-Request-Id': header('The server’s id of this request, also in every error body and log line', {
    type: 'string',
    format: 'uuid',
    maxLength: 36,
  }),
  'X-RateLimit-Limit': header('Requests allowed per client address in the current minute', {
    type: 'integer',
    format: 'int32',
    minimum: 1,
    maximum: 1_000_000,
  }),
  'X-RateLimit-Remaining': header('Requests left in the current minute', {
    type: 'integer',
    format: 'int32',
    minimum: 0,
    maximum: 1_000_000,
  }),
  'X-RateLimit-Reset': header('Seconds until the current minute’s budget is renewed', SECONDS),
  'Retry-After': header('Seconds to wait before the next request', SECONDS),
};

const ref = (kind: 'headers' | 'responses' | 'schemas', name: string): ReferenceObject => ({
  $ref: `#/components/${kind}/${name}`,
});

const RATE_LIMIT_HEADERS = ['X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset'];

function headersFor(throttled: boolean, extra: string[] = []): Record<string, ReferenceObject> {
  const names = ['X-Request-Id', ...(throttled ? RATE_LIMIT_HEADERS : []), ...extra];
  return Object.fromEntries(names.map((name) => [name, ref('headers', name)]));
}

const errorContent = { 'application/json': { schema: ref('schemas', 'ErrorBody') } };

/** The standard errors, by status, with the codes a client meets under each. */
const STANDARD_ERRORS: Record<string, string> = {
  '400':
    'The request is invalid (`validation_failed`: `details` names each field and why; also a malformed id or header)',
  '401': 'No valid bearer token or web session (`unauthenticated`)',
  '403':
    'The caller’s role may not do this, or a web session’s write lacks its CSRF token (`forbidden`, `csrf_token_invalid`)',
  '404': 'No such record in the caller’s municipality, or one the caller may not see (`not_found`)',
  '412':
    'The record changed since the version given in If-Match (`precondition_failed`, with the current version)',
  '429': 'Too many requests from this address; wait for Retry-After seconds (`too_many_requests`)',
  '500': 'An unexpected failure, logged with the request id (`internal_error`)',
  '503': 'The register is briefly unavailable; try again shortly (`database_unavailable`)',
};

/** What the access decorators wrote on an operation (src/common/auth/decorators.ts). */
interface RouteFacts {
  public: boolean;
  throttled: boolean;
  roles: readonly Role[];
}

function routeFacts(operation: Record<string, unknown>): RouteFacts {
  const facts = {
    public: operation[ROUTE_PUBLIC] === true,
    throttled: operation[ROUTE_UNTHROTTLED] !== true,
    roles: (operation[ROUTE_ROLES] as Role[] | undefined) ?? STAFF_ROLES,
  };
  delete operation[ROUTE_PUBLIC];
  delete operation[ROUTE_UNTHROTTLED];
  if (facts.public) delete operation[ROUTE_ROLES];
  else operation[ROUTE_ROLES] = [...facts.roles];
  return facts;
}

const isReference = (value: unknown): value is ReferenceObject =>
  typeof value === 'object' && value !== null && '$ref' in value;

function standardErrors(method: string, operation: OperationObject, facts: RouteFacts): string[] {
  const parameters = (operation.parameters ?? []).filter(
    (parameter): parameter is ParameterObject => !isReference(parameter),
  );
  const statuses = ['500', '503'];
  if (facts.throttled) statuses.push('429');
  if (operation.requestBody || parameters.length > 0) statuses.push('400');
  if (!facts.public) {
    statuses.push('401');
    const everyRoleMayRead = ROLES.every((role) => facts.roles.includes(role)) && method === 'get';
    if (!everyRoleMayRead) statuses.push('403');
  }
  if (parameters.some((parameter) => parameter.in === 'path')) statuses.push('404');
  if (parameters.some((parameter) => parameter.in === 'header' && parameter.name === 'If-Match')) {
    statuses.push('412');
  }
  return statuses;
}

/** A route's own limit (`@RateLimit()`), said in words where a reader looks, beside `x-rate-limit`. */
function describeRateLimit(operation: OperationObject): void {
  const limit = (operation as unknown as Record<string, unknown>)[ROUTE_RATE_LIMIT] as
    { limit: number; windowSeconds: number } | undefined;
  if (!limit) return;
  const sentence =
    `Rate limit: at most ${limit.limit} calls a minute per client address to this route, on top of the ` +
    'limit over the whole API; X-RateLimit-* count this route’s budget, and past it the answer is 429.';
  operation.description = operation.description ? `${operation.description}\n\n${sentence}` : sentence;
}

function describeOperation(method: string, operation: OperationObject): void {
  const facts = routeFacts(operation as unknown as Record<string, unknown>);
  describeRateLimit(operation);
  operation.security = facts.public ? [] : [{ bearer: [] }, { 'web-session': [] }];
  const responses = operation.responses;
  for (const status of standardErrors(method, operation, facts)) {
    responses[status] ??= ref('responses', `Error${status}`);
  }
  for (const [status, response] of Object.entries(responses)) {
    if (isReference(response)) continue;
    const described = response as ResponseObject;
    if (/^[45]/.test(status)) described.content = errorContent;
    if (/^[24]/.test(status)) described.headers = { ...headersFor(facts.throttled), ...described.headers };
  }
}

/**
 * Adds the one error schema, the shared headers and error responses, and each operation's security and errors
 * to the document Swagger built from the decorators.
 */
export function describeResponses(document: OpenAPIObject): void {
  const components = (document.components ??= {});
  components.schemas = { ...components.schemas, ...ERROR_SCHEMAS };
  components.headers = { ...components.headers, ...HEADERS };
  components.responses = Object.fromEntries(
    Object.entries(STANDARD_ERRORS).map(([status, description]) => [
      `Error${status}`,
      {
        description,
        content: errorContent,
        headers: headersFor(true, status === '429' ? ['Retry-After'] : []),
      } satisfies ResponseObject,
    ]),
  );
  for (const path of Object.values(document.paths)) {
    for (const [method, operation] of Object.entries(path)) {
      if (typeof operation === 'object' && operation && 'responses' in operation) {
        describeOperation(method, operation as OperationObject);
      }
    }
  }
}
