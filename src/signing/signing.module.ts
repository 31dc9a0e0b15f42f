import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { SigningController } from './signing.controller';
import { SigningService } from './signing.service';
import { SigningTokens } from './signing-tokens';

/** The user's signature by a one-time link; the worker side needs only SigningTokens. */
@Module({
  imports: [NotificationsModule],
  controllers: [SigningController],
  providers: [SigningService, SigningTokens],
  exports: [SigningTokens],
})
export class SigningModule {}
