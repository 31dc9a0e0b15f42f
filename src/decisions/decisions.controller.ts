import { Body, Controller, Get, Header, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { Access, AccessContext } from '../access-log/access-context';
import { AccessLogService } from '../access-log/access-log.service';
import { CurrentPrincipal } from '../common/auth/decorators';
import { Principal } from '../common/auth/principal';
import { Page, PageOf } from '../common/http/pagination';
import { UuidParam } from '../common/http/uuid-param';
import { DecisionsService } from './decisions.service';
import { DecisionListQuery } from './dto/decision.query';
import { CreateDecisionRequest } from './dto/decision.request';
import { DecisionResponse } from './dto/decision.response';

/**
 * Decisions (vedtak). Staff only: coordinators, caseworkers (who handle the case) and admins register and read
 * them; no @Roles, so the guard's staff default applies and a støttekontakt gets 403. The text is health-related.
 */
@ApiTags('decisions')
@ApiBearerAuth()
@Controller()
export class DecisionsController {
  constructor(
    private readonly decisions: DecisionsService,
    private readonly accessLog: AccessLogService,
  ) {}

  @Get('service-users/:serviceUserId/decisions')
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ type: PageOf(DecisionResponse) })
  @ApiOperation({
    summary: "A service user's vedtak",
    description:
      "The user's decisions (vedtak), newest first: hours per week or month, driving, period and form of service.",
  })
  list(
    @Access() access: AccessContext,
    @Param('serviceUserId', UuidParam) serviceUserId: string,
    @Query() query: DecisionListQuery,
  ): Promise<Page<DecisionResponse>> {
    return this.accessLog.read(
      access,
      { action: 'list_decisions', subjectsOf: () => [serviceUserId], refusedSubject: serviceUserId },
      () => this.decisions.list(access.principal, serviceUserId, query),
    );
  }

  @Post('service-users/:serviceUserId/decisions')
  @Header('Cache-Control', 'no-store')
  @ApiCreatedResponse({ type: DecisionResponse })
  @ApiOperation({
    summary: 'Record a vedtak',
    description:
      'Records a decision (vedtak) for the user: hours per week or month, km for driving, the period and the form of service (individual or group).',
  })
  create(
    @CurrentPrincipal() principal: Principal,
    @Param('serviceUserId', UuidParam) serviceUserId: string,
    @Body() body: CreateDecisionRequest,
  ): Promise<DecisionResponse> {
    return this.decisions.create(principal, serviceUserId, body);
  }

  @Get('decisions/:id')
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ type: DecisionResponse })
  @ApiOperation({
    summary: 'One vedtak',
    description: 'A decision with its hours, period and form of service.',
  })
  get(@Access() access: AccessContext, @Param('id', UuidParam) id: string): Promise<DecisionResponse> {
    return this.accessLog.read(
      access,
      { action: 'read_decision', subjectsOf: (decision) => [decision.serviceUserId] },
      () => this.decisions.get(access.principal, id),
    );
  }
}
