import {
  CallHandler,
  ExecutionContext,
  HttpException,
  Injectable,
  Logger,
  NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { catchError, from, mergeMap, Observable, throwError } from 'rxjs';
import { Principal } from '../common/auth/principal';
import { ACCESS_LOGGED, AccessLoggedSpec } from './access-log.metadata';
import { AccessLogService } from './access-log.service';

/**
 * Writes the access-log rows of routes marked @AccessLogged: one 'allowed' row per subject in a successful
 * response (written before the response leaves, so a read that cannot be logged is not served), and one 'denied'
 * row when the caller was refused the record (404/403).
 */
@Injectable()
export class AccessLogInterceptor implements NestInterceptor {
  private readonly logger = new Logger(AccessLogInterceptor.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly accessLog: AccessLogService,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const spec = this.reflector.get<AccessLoggedSpec | undefined>(ACCESS_LOGGED, context.getHandler());
    if (!spec) return next.handle();
    const request = context.switchToHttp().getRequest<Request & { principal: Principal; id?: string }>();
    const params = request.params as Record<string, string>;
    const base = {
      principal: request.principal,
      subjectType: spec.subjectType,
      action: spec.action,
      route: `${request.method} ${request.route?.path ?? request.path}`,
      requestId: String(request.id ?? ''),
    };
    return next.handle().pipe(
      mergeMap((body) =>
        from(
          this.accessLog
            .record({ ...base, subjectIds: spec.subjectsOf(body, params), outcome: 'allowed' })
            .then(() => body),
        ),
      ),
      catchError((error: unknown) => {
        const status = error instanceof HttpException ? error.getStatus() : 0;
        if (status !== 404 && status !== 403) return throwError(() => error);
        const subjectId = spec.deniedSubjectOf?.(params) ?? null;
        return from(
          this.accessLog
            .record({ ...base, subjectIds: [subjectId], outcome: 'denied' })
            .catch((logError: unknown) =>
              this.logger.error({ err: logError }, 'could not write a denied access row'),
            )
            .then(() => {
              throw error;
            }),
        );
      }),
    );
  }
}
