import { SetMetadata } from '@nestjs/common';

export const ACCESS_LOGGED = 'access-log:spec';

export interface AccessLoggedSpec {
  /** What kind of record is read, e.g. 'service_user'. */
  subjectType: string;
  /** What the caller did, e.g. 'read', 'list', 'lookup'. */
  action: string;
  /** The subjects a successful response is about. */
  subjectsOf: (body: unknown, params: Record<string, string>) => (string | null)[];
  /** The subject of a refused request (404/403), from the route, when there is one. */
  deniedSubjectOf?: (params: Record<string, string>) => string | null;
}

/** Marks a route whose successful reads (and refusals) are written to the access log. */
export const AccessLogged = (spec: AccessLoggedSpec): MethodDecorator => SetMetadata(ACCESS_LOGGED, spec);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Common extractors. */
export const subjects = {
  responseId: (body: unknown) => [(body as { id?: string }).id ?? null],
  responseField: (field: string) => (body: unknown) => [
    ((body as Record<string, string>)[field] ?? null) as string | null,
  ],
  itemIds: (body: unknown) => ((body as { items?: { id: string }[] }).items ?? []).map((item) => item.id),
  itemField: (field: string) => (body: unknown) =>
    ((body as { items?: Record<string, string>[] }).items ?? []).map((item) => item[field] ?? null),
  param: (name: string) => (_body: unknown, params: Record<string, string>) => [params[name] ?? null],
  paramIfUuid: (name: string) => (params: Record<string, string>) =>
    params[name] && UUID.test(params[name]) ? params[name] : null,
};
