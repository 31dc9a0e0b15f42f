import { ServiceUserData } from '../access-log/service-user-data';
import {
  Body,
  Controller,
  createParamDecorator,
  Delete,
  ExecutionContext,
  Get,
  Header,
  HttpCode,
  Param,
  Post,
  Query,
} from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../common/auth/decorators';
import { Principal } from '../common/auth/principal';
import { Page } from '../common/http/pagination';
import { badRequest } from '../common/errors/api-error';
import { isUuidText, UuidParam } from '../common/http/uuid-param';
import { SessionListQuery } from './dto/session.query';
import { CorrectSessionRequest, CreateSessionRequest } from './dto/session.request';
import { LoggedSessionResponse, SessionPage, SessionResponse } from './dto/session.response';
import { SessionsService } from './sessions.service';

const REFUSALS =
  'outside_assignment_period, overlap (another session of the contact at that time), quota_exceeded (with the ' +
  'figures), decision_expired, no_decision_in_force, contact_not_eligible, not_group_members, timesheet_signed';

/** The Idempotency-Key header, when given: a UUID, else 400 (documented by @ApiHeader on the route). */
const IdempotencyKey = createParamDecorator(
  (_data: unknown, context: ExecutionContext): string | undefined => {
    const value = context.switchToHttp().getRequest<FastifyRequest>().headers['idempotency-key'];
    if (value === undefined) return undefined;
    if (!isUuidText(value)) {
      throw badRequest('validation_failed', 'The request is invalid', [
        { field: 'Idempotency-Key', reason: 'must be a UUID' },
      ]);
    }
    return value;
  },
);

/** Sessions: a støttekontakt logs them on their own assignments; staff read them. */
@ApiTags('sessions')
@ApiBearerAuth()
@Controller()
export class SessionsController {
  constructor(private readonly sessions: SessionsService) {}

  @Roles('contact')
  @Post('sessions')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Log a session on your own assignment (a group session names the members present)',
    description:
      'A støttekontakt logs what happened: date, times, activity, km as driver and expenses. The quota check answers at once; with an Idempotency-Key a resend is never stored twice.',
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    schema: { type: 'string', format: 'uuid', maxLength: 36 },
    description:
      "A UUID the phone gives the session when it is made: sent again (after a lost answer, or from the phone's " +
      'offline queue), the session already stored under it is answered and nothing is stored twice',
  })
  @ApiCreatedResponse({ type: LoggedSessionResponse })
  @ApiConflictResponse({ description: REFUSALS })
  log(
    @CurrentPrincipal() principal: Principal,
    @Body() body: CreateSessionRequest,
    @IdempotencyKey() idempotencyKey?: string,
  ): Promise<LoggedSessionResponse> {
    return this.sessions.log(principal, body, idempotencyKey);
  }

  @Roles('coordinator', 'caseworker', 'admin', 'contact')
  @Get('sessions')
  @ServiceUserData({ action: 'list' })
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'List sessions; a contact gets only their own',
    description: 'Staff see the sessions of the municipality; a støttekontakt only their own.',
  })
  @ApiOkResponse({ type: SessionPage })
  list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: SessionListQuery,
  ): Promise<Page<SessionResponse>> {
    return this.sessions.list(principal, query);
  }

  @Roles('coordinator', 'caseworker', 'admin', 'contact')
  @Get('sessions/:id')
  @ServiceUserData({ action: 'read' })
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ type: SessionResponse })
  @ApiOperation({
    summary: 'One session',
    description: 'A session with its times, activity, km and expenses. A støttekontakt reads only their own.',
  })
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam) id: string,
  ): Promise<SessionResponse> {
    return this.sessions.get(principal, id);
  }

  @Roles('contact')
  @Delete('sessions/:id')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete your own session while its timesheet is not signed',
    description: 'A session may be removed only while its timesheet has not been signed by the user.',
  })
  @ApiNoContentResponse()
  @ApiConflictResponse({ description: 'timesheet_signed, correction_is_final' })
  remove(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam) id: string): Promise<void> {
    return this.sessions.remove(principal, id);
  }

  @Roles('contact')
  @Post('sessions/:id/corrections')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary:
      'Correct a session on a signed timesheet: a new session replacing it, on the next open timesheet',
    description:
      'A signed timesheet is never changed: the correction lands on the next open timesheet and points to the session it replaces.',
  })
  @ApiCreatedResponse({ type: LoggedSessionResponse })
  @ApiConflictResponse({ description: `timesheet_not_signed, session_already_corrected, ${REFUSALS}` })
  correct(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam) id: string,
    @Body() body: CorrectSessionRequest,
  ): Promise<LoggedSessionResponse> {
    return this.sessions.correct(principal, id, body);
  }
}
