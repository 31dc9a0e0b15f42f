import { ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import { ApiError } from '../errors/api-error';
import { RATE_LIMIT_PER_MINUTE } from './decorators';

/** The API-wide budget per client address, and the budget of a route with its own `@RateLimit()`. */
export const THROTTLER_API = 'default';
export const THROTTLER_ROUTE = 'route';

/** The route's own limit per minute, or undefined when it has none (then only the API-wide limit applies). */
export function routeRateLimit(context: ExecutionContext): number | undefined {
  return Reflect.getMetadata(RATE_LIMIT_PER_MINUTE, context.getHandler()) as number | undefined;
}

/**
 * Rate limit per client address: over the whole API (not per route, the library's default), and per route for
 * the routes that declare a tighter limit. The address is Fastify's `request.ip`, which believes X-Forwarded-For
 * only from TRUSTED_PROXIES, so a spoofed header from an untrusted hop does not give a client a fresh budget.
 */
@Injectable()
export class ClientThrottlerGuard extends ThrottlerGuard {
  protected override getTracker(request: Record<string, unknown>): Promise<string> {
    return Promise.resolve(String(request.ip ?? 'unknown'));
  }

  /** The client's address is the key as it is: it stays in this process's memory, so there is nothing to hash. */
  protected override generateKey(context: ExecutionContext, tracker: string, throttler: string): string {
    if (throttler !== THROTTLER_ROUTE) return tracker;
    return `${context.getClass().name}.${context.getHandler().name}:${tracker}`;
  }

  /**
   * The route's budget is the one that binds where it exists (it runs after the API-wide one and is tighter),
   * so its headers go out under the documented names (X-RateLimit-*, Retry-After) instead of a `-route` suffix.
   */
  protected override setResponseHeader(
    response: Record<string, unknown>,
    name: string,
    value: string | number,
  ): void {
    super.setResponseHeader(response, name.replace(/-route$/, ''), value);
  }

  protected override throwThrottlingException(): Promise<void> {
    throw new ApiError(
      HttpStatus.TOO_MANY_REQUESTS,
      'too_many_requests',
      'Too many requests; slow down and retry',
    );
  }
}
