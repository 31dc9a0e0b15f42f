import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Principal } from '../common/auth/principal';
import { isUuidText } from '../common/http/uuid-param';

/** Who reads, through which route, in which request: what an access-log row records besides its subject. */
export interface AccessContext {
  principal: Principal;
  /** The route as declared, e.g. 'GET /service-users/:id', never the concrete path. */
  route: string;
  /** The server's request id. */
  requestId: string;
  /** The caller's own X-Request-Id, when it gave one: kept, but marked as the caller's. */
  clientRequestId: string | null;
}

export function accessContextOf(request: FastifyRequest, principal: Principal): AccessContext {
  return {
    principal,
    route: `${request.method} ${request.routeOptions.url ?? '(no route)'}`,
    requestId: request.id,
    clientRequestId: request.raw.clientRequestId ?? null,
  };
}

const SERVICE_USER_ROUTE = /^\/service-users\/:(\w+)/;

/** The service user a route under /service-users/:id names, when its id is well formed; else null. */
export function serviceUserOfRoute(request: FastifyRequest): string | null {
  const param = SERVICE_USER_ROUTE.exec(request.routeOptions.url ?? '')?.[1];
  const value = param ? (request.params as Record<string, string>)[param] : undefined;
  return isUuidText(value) ? value : null;
}

/** The request's access context, for AccessLogService.read(). */
export const Access = createParamDecorator((_data: unknown, context: ExecutionContext): AccessContext => {
  const request = context.switchToHttp().getRequest<FastifyRequest & { principal: Principal }>();
  return accessContextOf(request, request.principal);
});
