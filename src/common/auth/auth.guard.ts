import { CanActivate, ExecutionContext, HttpStatus, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { accessContextOf, serviceUserOfRoute } from '../../access-log/access-context';
import { AccessLogService } from '../../access-log/access-log.service';
import { WebSessionService } from '../../web-session/web-session.service';
import { ApiError } from '../errors/api-error';
import { ALLOWED_ROLES, IS_PUBLIC } from './decorators';
import { Principal, Role, STAFF_ROLES } from './principal';
import { InvalidTokenError, TokenService } from './token.service';

/**
 * Global guard: every route needs a valid bearer token or a web session cookie (with its CSRF token on writes)
 * unless marked @Public(); roles are checked after, the same for both.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger('Auth');

  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly accessLog: AccessLogService,
    private readonly webSessions: WebSessionService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = context.switchToHttp().getRequest<FastifyRequest & { principal?: Principal }>();
    const header = request.headers.authorization;
    if (header === undefined) {
      // No bearer token: the web app's session cookie, if any (integrations never pay for this branch).
      const principal = await this.webSessions.authenticate(request);
      if (!principal) {
        throw new ApiError(
          HttpStatus.UNAUTHORIZED,
          'unauthenticated',
          'A bearer token or a session is required',
        );
      }
      request.principal = principal;
    } else {
      request.principal = await this.verifyBearer(header);
    }

    const allowed =
      this.reflector.getAllAndOverride<Role[] | undefined>(ALLOWED_ROLES, targets) ?? STAFF_ROLES;
    if (!allowed.includes(request.principal.role)) {
      // A refused attempt is written to the access log like a refused read (Normen).
      await this.accessLog.refusedByRole(
        accessContextOf(request, request.principal),
        serviceUserOfRoute(request),
      );
      throw new ApiError(HttpStatus.FORBIDDEN, 'forbidden', 'Your role may not use this endpoint');
    }
    return true;
  }

  private async verifyBearer(header: string): Promise<Principal> {
    const [scheme, token] = header.split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) {
      throw new ApiError(HttpStatus.UNAUTHORIZED, 'unauthenticated', 'A bearer token is required');
    }
    try {
      return await this.tokens.verify(token);
    } catch (error) {
      const reason = error instanceof InvalidTokenError ? error.message : 'token rejected';
      // The line carries the request id from the request's logger context.
      this.logger.warn({ reason }, 'token rejected');
      throw new ApiError(HttpStatus.UNAUTHORIZED, 'unauthenticated', 'The token is not valid');
    }
  }
}
