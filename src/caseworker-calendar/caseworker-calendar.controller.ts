import { Body, Controller, Delete, Get, Header, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../common/auth/decorators';
import { Principal } from '../common/auth/principal';
import { UuidParam } from '../common/http/uuid-param';
import { CaseworkerCalendarService } from './caseworker-calendar.service';
import { BusyTimeQuery, BusyTimeResponse, CreateBusyTimeRequest } from './dto/busy-time.dto';

/**
 * The caller's own calendar as saksbehandler: staff only (no @Roles), so a støttekontakt gets 403. Suggested
 * introduction times avoid these busy times, and no meeting can be booked over one.
 */
@ApiTags('caseworker-calendar')
@ApiBearerAuth()
@Controller('caseworkers/me/busy-times')
export class CaseworkerCalendarController {
  constructor(private readonly calendar: CaseworkerCalendarService) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Your busy times and booked introduction meetings, in time order',
    description: 'What the meeting suggestions avoid.',
  })
  @ApiOkResponse({ type: [BusyTimeResponse] })
  list(@CurrentPrincipal() principal: Principal, @Query() query: BusyTimeQuery): Promise<BusyTimeResponse[]> {
    return this.calendar.list(principal, query);
  }

  @Post()
  @Header('Cache-Control', 'no-store')
  @ApiCreatedResponse({ type: BusyTimeResponse })
  @ApiOperation({
    summary: 'Add a busy time',
    description: 'A time the caseworker cannot hold meetings; meeting suggestions avoid it.',
  })
  create(
    @CurrentPrincipal() principal: Principal,
    @Body() body: CreateBusyTimeRequest,
  ): Promise<BusyTimeResponse> {
    return this.calendar.create(principal, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a busy time', description: 'Removes one of your own busy times.' })
  remove(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam) id: string): Promise<void> {
    return this.calendar.remove(principal, id);
  }
}
