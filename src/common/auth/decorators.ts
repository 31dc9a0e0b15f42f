import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { ROUTE_PUBLIC, ROUTE_RATE_LIMIT, ROUTE_ROLES, ROUTE_UNTHROTTLED } from '../openapi/route-facts';
import { Principal, Role } from './principal';

export const IS_PUBLIC = 'auth:public';
export const RATE_LIMIT_PER_MINUTE = 'auth:rate-limit-per-minute';
export const ALLOWED_ROLES = 'auth:roles';

/**
 * The route needs no token (health, docs, sign-in, the signing link). The same decorator tells the OpenAPI
 * document, which then lists no security and no 401/403 for it.
 */
export const Public = (): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(IS_PUBLIC, true), ApiExtension(ROUTE_PUBLIC, true));

/**
 * Roles allowed on the route. Without it only staff (coordinator, caseworker, admin) pass: contacts are opt-in.
 * The document states the roles (`x-roles`) from this same call, so what it says cannot drift from the guard.
 */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(ALLOWED_ROLES, roles), ApiExtension(ROUTE_ROLES, roles));

/** Outside the rate limit (a load balancer's health probe); the document then lists no 429 for it. */
export const Unthrottled = (): MethodDecorator & ClassDecorator =>
  applyDecorators(SkipThrottle(), ApiExtension(ROUTE_UNTHROTTLED, true));

/**
 * A tighter limit for an expensive route (a matching run, an export, a report, a sign-in, a one-time code): at
 * most `perMinute` calls per client address to this route, on top of the API-wide limit. The document states it
 * (`x-rate-limit` and a line in the description) from this same call, and the X-RateLimit-* headers of the
 * route's answers count this route's budget.
 */
export const RateLimit = (perMinute: number): MethodDecorator =>
  applyDecorators(
    SetMetadata(RATE_LIMIT_PER_MINUTE, perMinute),
    ApiExtension(ROUTE_RATE_LIMIT, { limit: perMinute, windowSeconds: 60 }),
  );

export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal => {
    const request = context.switchToHttp().getRequest<{ principal: Principal }>();
    return request.principal;
  },
);
