import { Module } from '@nestjs/common';
import { OidcSignIn } from './oidc-sign-in';
import { SessionStore } from './session-store';
import { WebSessionController } from './web-session.controller';
import { WebSessionService } from './web-session.service';

/** The web app's sign-in and server-side sessions; the auth guard asks WebSessionService about cookies. */
@Module({
  controllers: [WebSessionController],
  providers: [SessionStore, OidcSignIn, WebSessionService],
  exports: [WebSessionService],
})
export class WebSessionModule {}
