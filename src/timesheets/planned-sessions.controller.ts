import { Body, Controller, Delete, Get, Header, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../common/auth/decorators';
import { Principal } from '../common/auth/principal';
import { UuidParam } from '../common/http/uuid-param';
import { CreatePlannedSessionRequest, PlannedSessionResponse } from './dto/planned-session.dto';
import { PlannedSessionsService } from './planned-sessions.service';

/** A støttekontakt's sessions planned ahead, which their calendar feed shows. */
@ApiTags('sessions')
@ApiBearerAuth()
@Roles('contact')
@Controller('planned-sessions')
export class PlannedSessionsController {
  constructor(private readonly planned: PlannedSessionsService) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Your planned sessions that have not ended',
    description:
      'The times you have planned with your users, soonest first: the assignment and the time, nothing more.',
  })
  @ApiOkResponse({ type: [PlannedSessionResponse] })
  upcoming(@CurrentPrincipal() principal: Principal): Promise<PlannedSessionResponse[]> {
    return this.planned.upcoming(principal);
  }

  @Post()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Plan a session on your own assignment',
    description:
      'A time ahead with your user, shown in your calendar feed. It counts against no quota; logging the session afterwards replaces it.',
  })
  @ApiCreatedResponse({ type: PlannedSessionResponse })
  @ApiConflictResponse({
    description:
      'outside_assignment_period, contact_absent, overlap (another planned session of yours at that time)',
  })
  plan(
    @CurrentPrincipal() principal: Principal,
    @Body() body: CreatePlannedSessionRequest,
  ): Promise<PlannedSessionResponse> {
    return this.planned.plan(principal, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Cancel one of your planned sessions',
    description: 'The plan leaves your calendar feed at its next fetch.',
  })
  @ApiNoContentResponse()
  cancel(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam) id: string): Promise<void> {
    return this.planned.cancel(principal, id);
  }
}
