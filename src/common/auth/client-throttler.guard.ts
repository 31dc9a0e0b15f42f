import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import { HttpStatus } from '@nestjs/common';
import { ApiError } from '../errors/api-error';

/**
 * Rate limit per client address, over the whole API (not per route, the library's default). The address is
 * Fastify's `request.ip`, which believes X-Forwarded-For only from TRUSTED_PROXIES, so a spoofed header from an
 * untrusted hop does not give a client a fresh budget.
 */
@Injectable()
export class ClientThrottlerGuard extends ThrottlerGuard {
  protected override getTracker(request: Record<string, unknown>): Promise<string> {
    return Promise.resolve(String(request.ip ?? 'unknown'));
  }

  /** The client's address is the key as it is: it stays in this process's memory, so there is nothing to hash. */
  protected override generateKey(_context: ExecutionContext, tracker: string): string {
    return tracker;
  }

  protected override throwThrottlingException(): Promise<void> {
    throw new ApiError(
      HttpStatus.TOO_MANY_REQUESTS,
      'too_many_requests',
      'Too many requests; slow down and retry',
    );
  }
}
