import { ServiceUserData } from '../access-log/service-user-data';
import { Body, Controller, Get, Header, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../common/auth/decorators';
import { Principal } from '../common/auth/principal';
import { Clock } from '../common/clock';
import { CreateOverrunRequest, OverrunListQuery, OverrunResponse } from './dto/overrun.dto';
import { QuotaResponse, QuotaWarningResponse } from './dto/quota.response';
import { QuotaQuery } from './dto/session.query';
import { OverrunsService } from './overruns.service';
import { QuotaWarningsService } from './quota-warnings.service';
import { SessionsService } from './sessions.service';

/** Hours and km against the vedtak: the figures, the 80 % warnings, and coordinators' approved overruns. */
@ApiTags('quotas')
@ApiBearerAuth()
@Controller()
export class QuotasController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly warnings: QuotaWarningsService,
    private readonly overruns: OverrunsService,
    private readonly clock: Clock,
  ) {}

  @Roles('coordinator', 'caseworker', 'admin', 'contact')
  @Get('quotas')
  @ServiceUserData({ action: 'list' })
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: "An assignment's quotas on a date (a contact: only their own assignments)",
    description:
      'For each vedtak the assignment serves: hours and km granted, used and left in the period of the date.',
  })
  @ApiOkResponse({ type: [QuotaResponse] })
  quotas(@CurrentPrincipal() principal: Principal, @Query() query: QuotaQuery): Promise<QuotaResponse[]> {
    return this.sessions.quotasFor(principal, query.assignmentId, query.date);
  }

  @Get('quota-warnings')
  @ServiceUserData({ action: 'list' })
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Users at 80 % or more of this period’s hours or km',
    description:
      "Users who have used 80 % or more of this period's hours or km, so the coordinator can act before the quota runs out.",
  })
  @ApiOkResponse({ type: [QuotaWarningResponse] })
  quotaWarnings(@CurrentPrincipal() principal: Principal): Promise<QuotaWarningResponse[]> {
    return this.warnings.list(principal.municipalityId, this.clock.today());
  }

  @Roles('coordinator', 'admin')
  @Post('quota-overruns')
  @ApiOperation({
    summary: 'Approve extra hours or km for one quota period of a vedtak, with a reason',
    description:
      'Approves more hours or km than the vedtak grants for one period, with the reason; kept with who approved it.',
  })
  @ApiCreatedResponse({ type: OverrunResponse })
  approveOverrun(
    @CurrentPrincipal() principal: Principal,
    @Body() body: CreateOverrunRequest,
  ): Promise<OverrunResponse> {
    return this.overruns.approve(principal, body);
  }

  @Get('quota-overruns')
  @ServiceUserData({ action: 'list' })
  @ApiOkResponse({ type: [OverrunResponse] })
  @ApiOperation({
    summary: 'Approved quota overruns',
    description: 'The extra hours and km approved beyond the vedtak, with reasons and who approved them.',
  })
  listOverruns(
    @CurrentPrincipal() principal: Principal,
    @Query() query: OverrunListQuery,
  ): Promise<OverrunResponse[]> {
    return this.overruns.list(principal, query);
  }
}
