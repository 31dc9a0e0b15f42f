import { Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import { HttpStatus } from '@nestjs/common';
import { ApiError } from '../errors/api-error';

/**
 * Rate limit per client address. The address is Express's `req.ip`, which believes X-Forwarded-For only from
 * TRUSTED_PROXIES, so a spoofed header from an untrusted hop does not give a client a fresh budget.
 */
@Injectable()
export class ClientThrottlerGuard extends ThrottlerGuard {
  protected override getTracker(request: Record<string, unknown>): Promise<string> {
    return Promise.resolve(String(request.ip ?? 'unknown'));
  }

  protected override throwThrottlingException(): Promise<void> {
    throw new ApiError(
      HttpStatus.TOO_MANY_REQUESTS,
      'too_many_requests',
      'Too many requests; slow down and retry',
    );
  }
}
