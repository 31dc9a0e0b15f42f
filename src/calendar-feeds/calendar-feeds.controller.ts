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
  @ApiOperation({ summary: 'Whether you have a calendar feed (its address is shown only when it is made)' })
  @ApiOkResponse({ type: CalendarFeedResponse })
  status(@CurrentPrincipal() principal: Principal): Promise<CalendarFeedResponse> {
    return this.feeds.status(principal);
  }

  @Roles('coordinator', 'caseworker', 'admin', 'contact')
  @ApiBearerAuth()
  @Post('me')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Make your calendar feed, or renew it: a new address, and the old one stops' })
  @ApiOkResponse({ type: CalendarFeedResponse })
  renew(@CurrentPrincipal() principal: Principal): Promise<CalendarFeedResponse> {
    return this.feeds.renew(principal);
  }

  @Roles('coordinator', 'caseworker', 'admin', 'contact')
  @ApiBearerAuth()
  @Delete('me')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke your calendar feed: its address stops working' })
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
  })
  @ApiProduces('text/calendar')
  @ApiOkResponse({ description: 'iCalendar (RFC 5545)', schema: { type: 'string' } })
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
