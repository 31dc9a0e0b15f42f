import { Body, Controller, Get, Header, HttpCode, Param, Post, Put } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Access, AccessContext } from '../access-log/access-context';
import { AccessLogService } from '../access-log/access-log.service';
import { UuidParam } from '../common/http/uuid-param';
import { CaseDeadlinesService } from './case-deadlines.service';
import {
  ApplicationResponse,
  ComplaintOutcomeRequest,
  ComplaintResponse,
  CreateApplicationRequest,
  CreateComplaintRequest,
  CreateInterimNoticeRequest,
  DecideApplicationRequest,
  DecisionDeliveryRequest,
  DecisionDeliveryResponse,
  DueNoticeListResponse,
  RunningDeadlineListResponse,
} from './dto/case-deadlines.dto';

/**
 * Deadlines from the law (DOMAIN rule 10). Staff only (coordinator, caseworker, admin): no @Roles, so the guard's
 * default applies and a støttekontakt gets 403. Every answer names a service user, so each goes to the access log.
 */
@ApiTags('case-deadlines')
@ApiBearerAuth()
@Controller()
export class CaseDeadlinesController {
  constructor(
    private readonly deadlines: CaseDeadlinesService,
    private readonly accessLog: AccessLogService,
  ) {}

  @Post('applications')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Record an application (søknad) with the day it was received',
    description:
      "Starts the case clock: a vedtak is due within a month of the day received, or the applicant must get a foreløpig svar. Who applied on the user's behalf, and whether a fullmakt is on file, is recorded with it.",
  })
  @ApiCreatedResponse({ type: ApplicationResponse })
  createApplication(@Access() access: AccessContext, @Body() body: CreateApplicationRequest) {
    return this.accessLog.read(
      access,
      {
        action: 'record_application',
        subjectsOf: (a) => [a.serviceUserId],
        refusedSubject: body.serviceUserId,
      },
      () => this.deadlines.createApplication(access.principal, body),
    );
  }

  @Get('applications/due-notices')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Applications without a vedtak a month after receipt and no interim notice (foreløpig svar) yet',
    description:
      'The applications that have waited a month or more without a vedtak and without a foreløpig svar: the notices that are due, oldest first.',
  })
  @ApiOkResponse({ type: DueNoticeListResponse })
  dueNotices(@Access() access: AccessContext): Promise<DueNoticeListResponse> {
    return this.accessLog.read(
      access,
      { action: 'list_due_notices', subjectsOf: (r) => r.items.map((i) => i.serviceUserId) },
      async () => ({ items: await this.deadlines.dueNotices(access.principal) }),
    );
  }

  @Get('applications/:id')
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ type: ApplicationResponse })
  @ApiNotFoundResponse()
  @ApiOperation({
    summary: 'One application',
    description:
      'An application with the day it was received, who applied, the interim notices sent and the vedtak that answered it.',
  })
  application(@Access() access: AccessContext, @Param('id', UuidParam) id: string) {
    return this.accessLog.read(
      access,
      { action: 'read_application', subjectsOf: (a) => [a.serviceUserId] },
      () => this.deadlines.application(access.principal, id),
    );
  }

  @Post('applications/:id/interim-notices')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary:
      'Record that the interim notice (foreløpig svar) was sent, with why and when to expect the vedtak',
    description:
      'Records that the applicant was told in writing why the vedtak is late and when to expect it, as the law requires after a month.',
  })
  @ApiCreatedResponse({ type: ApplicationResponse })
  interimNotice(
    @Access() access: AccessContext,
    @Param('id', UuidParam) id: string,
    @Body() body: CreateInterimNoticeRequest,
  ) {
    return this.accessLog.read(
      access,
      { action: 'record_interim_notice', subjectsOf: (a) => [a.serviceUserId] },
      () => this.deadlines.recordInterimNotice(access.principal, id, body),
    );
  }

  @Post('applications/:id/decision')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'The vedtak that answers the application',
    description:
      'Records the vedtak that answers the application: hours, period and form of service, as a decision on the service user.',
  })
  @ApiOkResponse({ type: ApplicationResponse })
  decide(
    @Access() access: AccessContext,
    @Param('id', UuidParam) id: string,
    @Body() body: DecideApplicationRequest,
  ) {
    return this.accessLog.read(
      access,
      { action: 'decide_application', subjectsOf: (a) => [a.serviceUserId] },
      () => this.deadlines.decideApplication(access.principal, id, body.decisionId),
    );
  }

  @Put('decisions/:id/delivery')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'When the vedtak was sent and received; the 4-week complaint deadline runs from receipt',
    description:
      'Records when the vedtak was sent and when the user received it. The 4-week complaint deadline runs from the day it was received.',
  })
  @ApiOkResponse({ type: DecisionDeliveryResponse })
  async delivery(
    @Access() access: AccessContext,
    @Param('id', UuidParam) id: string,
    @Body() body: DecisionDeliveryRequest,
  ): Promise<DecisionDeliveryResponse> {
    const { serviceUserId } = await this.deadlines.decision(access.principal, id);
    return this.accessLog.read(access, { action: 'record_delivery', subjectsOf: () => [serviceUserId] }, () =>
      this.deadlines.recordDelivery(access.principal, id, body),
    );
  }

  @Post('decisions/:id/complaints')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Record a complaint (klage) against the vedtak, with the day it was lodged',
    description:
      'Records a complaint (klage) on the vedtak with the day it was lodged; the answer says whether it came within the deadline.',
  })
  @ApiCreatedResponse({ type: ComplaintResponse })
  complain(
    @Access() access: AccessContext,
    @Param('id', UuidParam) id: string,
    @Body() body: CreateComplaintRequest,
  ) {
    return this.accessLog.read(
      access,
      { action: 'record_complaint', subjectsOf: (c) => [c.serviceUserId] },
      () => this.deadlines.recordComplaint(access.principal, id, body),
    );
  }

  @Post('complaints/:id/outcome')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Upheld by the municipality, or sent on to Statsforvalteren',
    description:
      'Records how the complaint ended: upheld by the municipality, or sent on to Statsforvalteren.',
  })
  @ApiOkResponse({ type: ComplaintResponse })
  outcome(
    @Access() access: AccessContext,
    @Param('id', UuidParam) id: string,
    @Body() body: ComplaintOutcomeRequest,
  ) {
    return this.accessLog.read(
      access,
      { action: 'record_complaint_outcome', subjectsOf: (c) => [c.serviceUserId] },
      () => this.deadlines.recordOutcome(access.principal, id, body),
    );
  }

  @Get('complaint-deadlines')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Delivered vedtak whose 4-week complaint deadline still runs, soonest first',
    description: 'The vedtak whose complaint deadline has not passed, with the day it ends, soonest first.',
  })
  @ApiOkResponse({ type: RunningDeadlineListResponse })
  running(@Access() access: AccessContext): Promise<RunningDeadlineListResponse> {
    return this.accessLog.read(
      access,
      { action: 'list_complaint_deadlines', subjectsOf: (r) => r.items.map((i) => i.serviceUserId) },
      async () => ({ items: await this.deadlines.runningDeadlines(access.principal) }),
    );
  }
}
