import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { AppConfig } from '../../config/app-config.service';
import { WebSessionModule } from '../../web-session/web-session.module';
import { AuthGuard } from './auth.guard';
import {
  ClientThrottlerGuard,
  routeRateLimit,
  THROTTLER_API,
  THROTTLER_ROUTE,
} from './client-throttler.guard';
import { RateLimitStorage } from './rate-limit.storage';
import { TokenService } from './token.service';

/**
 * Who may call: the rate limit runs first (so failed logins count too), then the token (or web session) and role check.
 * Guards registered as APP_GUARD run in this order.
 */
@Global()
@Module({
  imports: [
    WebSessionModule,
    ThrottlerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        throttlers: [
          { name: THROTTLER_API, ttl: 60_000, limit: config.get('RATE_LIMIT_PER_MINUTE') },
          {
            name: THROTTLER_ROUTE,
            ttl: 60_000,
            limit: (context) => routeRateLimit(context) ?? config.get('RATE_LIMIT_PER_MINUTE'),
            skipIf: (context) => routeRateLimit(context) === undefined,
          },
        ],
        storage: new RateLimitStorage(),
      }),
    }),
  ],
  providers: [
    TokenService,
    { provide: APP_GUARD, useClass: ClientThrottlerGuard },
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [TokenService],
})
export class AuthModule {}
