import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { SigningController } from './signing.controller';
import { SigningCodeService } from './signing-code.service';
import { SigningService } from './signing.service';
import { SigningTokens } from './signing-tokens';

/** The user's signature by a one-time link or code; the worker side needs only SigningTokens. */
@Module({
  imports: [NotificationsModule],
  controllers: [SigningController],
  providers: [SigningService, SigningCodeService, SigningTokens],
  exports: [SigningTokens],
})
export class SigningModule {}
