import { applyDecorators, SetMetadata, UseInterceptors } from '@nestjs/common';
import { AccessLogInterceptor } from './access-log.interceptor';
import { ACCESS_LOGGED, AccessLoggedSpec } from './access-log.metadata';

/**
 * Marks a route whose successful reads (and refusals) are written to the access log. The interceptor is bound to
 * these routes only: Nest's interceptor chain costs every request it wraps, so routes that log nothing skip it.
 */
export const AccessLogged = (spec: AccessLoggedSpec): MethodDecorator =>
  applyDecorators(SetMetadata(ACCESS_LOGGED, spec), UseInterceptors(AccessLogInterceptor));

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
