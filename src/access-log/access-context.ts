import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Principal } from '../common/auth/principal';

/** Who reads, through which route, in which request: what an access-log row records besides its subject. */
export interface AccessContext {
  principal: Principal;
  /** The route as declared, e.g. 'GET /service-users/:id', never the concrete path. */
  route: string;
  requestId: string;
}

/** The request's access context, for AccessLogService.read(). */
export const Access = createParamDecorator((_data: unknown, context: ExecutionContext): AccessContext => {
  const request = context.switchToHttp().getRequest<FastifyRequest & { principal: Principal }>();
  return {
    principal: request.principal,
    route: `${request.method} ${request.routeOptions.url ?? '(no route)'}`,
    requestId: request.id,
  };
});
