import { Body, Controller, Get, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiForbiddenResponse,
  ApiFoundResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public, RateLimit } from '../common/auth/decorators';
import { RATE_LIMITS } from '../common/auth/rate-limits';
import { DemoLoginRequest, LogoutResponse, WebSessionResponse } from './dto/session.dto';
import { WebSessionService } from './web-session.service';

/**
 * The web app's sign-in (backend-for-frontend): the browser gets an HttpOnly session cookie, never a token.
 * All public: they are how one gets a session.
 */
@ApiTags('auth')
@Public()
@Controller('auth')
export class WebSessionController {
  constructor(private readonly sessions: WebSessionService) {}

  @Get('session')
  @ApiOperation({
    summary: 'Who is signed in, the CSRF token, and how one may sign in',
    description:
      'Answers 200 to anyone: whether a session is signed in, who it is, the CSRF token its writes must send, when it times out when idle, and which ways of signing in this deployment offers.',
  })
  @ApiOkResponse({ type: WebSessionResponse })
  session(@Req() request: FastifyRequest): Promise<WebSessionResponse> {
    return this.sessions.describe(request);
  }

  @RateLimit(RATE_LIMITS.signIn)
  @Get('login')
  @ApiOperation({
    summary: 'Start the sign-in at the identity provider (Authorization Code + PKCE)',
    description:
      "Starts the OpenID Connect Authorization Code flow with PKCE at the municipality's identity provider and remembers where to return. The browser is redirected; no token ever reaches a page script.",
  })
  @ApiQuery({ name: 'returnTo', required: false, description: 'A path of this app; anything else is /' })
  @ApiFoundResponse({
    description:
      'Redirect to the identity provider; to /logg-inn?error=sign_in_unavailable (none configured) or ' +
      'identity_provider_unavailable (it does not answer)',
  })
  async login(@Query('returnTo') returnTo: unknown, @Res() reply: FastifyReply): Promise<void> {
    await reply.redirect(await this.sessions.startSignIn(returnTo, reply), 302);
  }

  @RateLimit(RATE_LIMITS.signIn)
  @Get('callback')
  @ApiOperation({
    summary: 'The identity provider’s redirect back: sets the session cookie',
    description:
      "Where the identity provider sends the browser back. The code is exchanged, the person's role and municipality are read from the token, and an HttpOnly session cookie is set before the redirect.",
  })
  @ApiFoundResponse({
    description:
      'Redirect to returnTo, or to /logg-inn?error=sign_in_failed | sign_in_expired | identity_provider_unavailable',
  })
  async callback(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    await reply.redirect(await this.sessions.finishSignIn(request, reply), 302);
  }

  @Post('demo-login')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign in as a demo persona (only where the local demo signer is enabled)',
    description:
      'For the demo and the tests: signs in as one of the demo personas without an identity provider. Answers 404 wherever the local signer is not enabled, as in production.',
  })
  @ApiOkResponse({ type: WebSessionResponse })
  @ApiBadRequestResponse({ description: 'Unknown persona' })
  @ApiNotFoundResponse({ description: 'The demo signer is not enabled' })
  demoLogin(
    @Body() body: DemoLoginRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WebSessionResponse> {
    return this.sessions.demoLogin(body.persona, reply);
  }

  @Post('logout')
  @HttpCode(200)
  @ApiOperation({
    summary: 'End the session (send X-CSRF-Token); navigate to endSessionUrl when not null',
    description:
      'Ends the web session and clears its cookie. When the identity provider offers it, `endSessionUrl` is where the browser goes to end the session there too.',
  })
  @ApiOkResponse({ type: LogoutResponse })
  @ApiForbiddenResponse({ description: 'csrf_token_invalid' })
  async logout(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LogoutResponse> {
    return { endSessionUrl: await this.sessions.logout(request, reply) };
  }
}
