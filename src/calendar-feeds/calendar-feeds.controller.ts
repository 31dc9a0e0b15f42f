import { Controller, Delete, Get, Header, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentPrincipal, Public, Roles } from '../common/auth/decorators';
import { ApiSecretTokenParam } from '../common/http/secret-token-param';
import { Principal } from '../common/auth/principal';
import { CalendarFeedsService } from './calendar-feeds.service';
import { CalendarFeedResponse } from './dto/calendar-feed.dto';

/** A private iCalendar feed per støttekontakt and per saksbehandler (issue 16). */
@ApiTags('calendar-feeds')
@Controller('calendar-feeds')
export class CalendarFeedsController {
  constructor(private readonly feeds: CalendarFeedsService) {}

  @Roles('coordinator', 'caseworker', 'admin', 'contact')
  @ApiBearerAuth()
  @Get('me')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Whether you have a calendar feed (its address is shown only when it is made)',
    description:
      'Says whether a feed exists and when it was made; the address itself is shown only once, when it is made or renewed.',
  })
  @ApiOkResponse({ type: CalendarFeedResponse })
  status(@CurrentPrincipal() principal: Principal): Promise<CalendarFeedResponse> {
    return this.feeds.status(principal);
  }

  @Roles('coordinator', 'caseworker', 'admin', 'contact')
  @ApiBearerAuth()
  @Post('me')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Make your calendar feed, or renew it: a new address, and the old one stops',
    description:
      'Answers the new private address (shown once). Whoever had the old address can no longer read the calendar.',
  })
  @ApiOkResponse({ type: CalendarFeedResponse })
  renew(@CurrentPrincipal() principal: Principal): Promise<CalendarFeedResponse> {
    return this.feeds.renew(principal);
  }

  @Roles('coordinator', 'caseworker', 'admin', 'contact')
  @ApiBearerAuth()
  @Delete('me')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Revoke your calendar feed: its address stops working',
    description: 'The address stops working at once; a new one can be made later.',
  })
  @ApiNoContentResponse()
  revoke(@CurrentPrincipal() principal: Principal): Promise<void> {
    return this.feeds.revoke(principal);
  }

  @Public()
  @Get('feed/:token')
  @Header('Cache-Control', 'no-store')
  @Header('Referrer-Policy', 'no-referrer')
  @ApiOperation({
    summary: 'The feed behind a feed address, as iCalendar (no sign-in: the address is the key)',
    description:
      "What a calendar app subscribes to: the person's introduction meetings (and a støttekontakt's sessions) as iCalendar, with stable event ids. No sign-in: the address is the key. Events carry time, place and first names, never health data.",
  })
  @ApiSecretTokenParam('The feed’s own key, from the address the person copied into their calendar')
  @ApiProduces('text/calendar')
  @ApiOkResponse({ description: 'iCalendar (RFC 5545)', schema: { type: 'string', maxLength: 10_000_000 } })
  @ApiNotFoundResponse({ description: 'calendar_feed_not_found: no such feed, or a revoked or renewed one' })
  async feed(
    @Param('token') token: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const text = await this.feeds.feed(token, `GET ${request.routeOptions.url ?? '(no route)'}`, request.id);
    // Set once the feed is made, so a refusal keeps the app's JSON error shape.
    void reply.type('text/calendar; charset=utf-8');
    return text;
  }
}
