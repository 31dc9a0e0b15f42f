import { Body, Controller, Delete, Get, Header, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Access, AccessContext } from '../access-log/access-context';
import { AccessLogService } from '../access-log/access-log.service';
import { ServiceUserData } from '../access-log/service-user-data';
import { CurrentPrincipal, Roles } from '../common/auth/decorators';
import { Principal } from '../common/auth/principal';
import { Page } from '../common/http/pagination';
import { UuidParam } from '../common/http/uuid-param';
import {
  BookIntroductionRequest,
  CreateIntroductionRequest,
  DeclineRequest,
  IntroductionListQuery,
  OutcomeRequest,
  SuggestedTimesQuery,
} from './dto/introduction.request';
import {
  DeclinedProposalResponse,
  IntroductionPage,
  IntroductionResponse,
  SuggestedTimesResponse,
} from './dto/introduction.response';
import { IntroductionBookingService } from './introduction-booking.service';
import { IntroductionOutcomeService } from './introduction-outcome.service';
import { IntroductionsService } from './introductions.service';

/**
 * Introductions (første møte). Staff read and book meetings (a saksbehandler books their own); coordinators and
 * admins decide who gets whom: accept or decline proposals, pick a contact by hand, record the outcome. A
 * støttekontakt gets 403 on every route here.
 */
@ApiTags('introductions')
@ApiBearerAuth()
@Controller()
export class IntroductionsController {
  constructor(
    private readonly introductions: IntroductionsService,
    private readonly booking: IntroductionBookingService,
    private readonly outcomes: IntroductionOutcomeService,
    private readonly accessLog: AccessLogService,
  ) {}

  @Roles('coordinator', 'admin')
  @Post('proposals/:id/accept')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Accept an open proposal: its pair goes on to an introduction meeting',
    description:
      'Creates the introduction (introduksjonsmøte) for the pair, after checking the hard rules again: eligibility, capacity, exclusions and close relatives.',
  })
  @ApiCreatedResponse({ type: IntroductionResponse })
  @ApiConflictResponse({
    description:
      'illegal_transition (with currentState), introduction_pending, user_has_contact, pair_excluded, close_relative, ' +
      'no_current_decision, decision_not_individual, contact_not_eligible, contact_inactive, capacity_users_full, ' +
      'capacity_hours_full',
  })
  accept(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam) id: string,
  ): Promise<IntroductionResponse> {
    return this.introductions.acceptProposal(principal, id);
  }

  @Roles('coordinator', 'admin')
  @Post('proposals/:id/decline')
  @ServiceUserData({ action: 'decline_proposal' })
  @HttpCode(200)
  @ApiOperation({
    summary: 'Decline an open proposal with a reason; the pair is never proposed again',
    description: 'The reason is kept, and the same pair is not proposed again.',
  })
  @ApiOkResponse({ type: DeclinedProposalResponse })
  @ApiConflictResponse({ description: 'illegal_transition (with currentState)' })
  declineProposal(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam) id: string,
    @Body() body: DeclineRequest,
  ): Promise<DeclinedProposalResponse> {
    return this.introductions.declineProposal(principal, id, body);
  }

  @Get('introductions')
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ type: IntroductionPage })
  @ApiOperation({
    summary: 'Introductions',
    description:
      'Introductions by state: awaiting a time, booked, held. The read is access-logged for each user.',
  })
  list(
    @Access() access: AccessContext,
    @Query() query: IntroductionListQuery,
  ): Promise<Page<IntroductionResponse>> {
    return this.accessLog.read(
      access,
      { action: 'list_introductions', subjectsOf: (page) => page.items.map((item) => item.serviceUser.id) },
      () => this.introductions.list(access.principal, query),
    );
  }

  @Roles('coordinator', 'admin')
  @Post('introductions')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Pick a contact by hand for a user (the same rules as accepting a proposal)',
    description:
      'For a pair the runs did not propose. Eligibility, capacity, exclusions and close relatives are checked as for a proposal.',
  })
  @ApiCreatedResponse({ type: IntroductionResponse })
  create(
    @CurrentPrincipal() principal: Principal,
    @Body() body: CreateIntroductionRequest,
  ): Promise<IntroductionResponse> {
    return this.introductions.create(principal, body);
  }

  @Get('introductions/:id')
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ type: IntroductionResponse })
  @ApiOperation({
    summary: 'One introduction',
    description: 'An introduction with the pair, the meeting time and place, the caseworker and the outcome.',
  })
  get(@Access() access: AccessContext, @Param('id', UuidParam) id: string): Promise<IntroductionResponse> {
    return this.accessLog.read(
      access,
      { action: 'read_introduction', subjectsOf: (introduction) => [introduction.serviceUser.id] },
      () => this.introductions.get(access.principal, id),
    );
  }

  @Get('introductions/:id/suggested-times')
  @ApiOperation({
    summary:
      "The first free times (one a day) that suit the user's and the contact's weekly availability and the " +
      "saksbehandler's calendar",
    description:
      "Suggestions only within the municipality's meeting hours, in Oslo time, never over a booked meeting or a busy time.",
  })
  @ApiOkResponse({ type: SuggestedTimesResponse })
  suggest(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam) id: string,
    @Query() query: SuggestedTimesQuery,
  ): Promise<SuggestedTimesResponse> {
    return this.booking.suggest(principal, id, query);
  }

  @Post('introductions/:id/booking')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Book (or move) the meeting; nobody is double-booked',
    description:
      "Books the meeting at a time in the municipality's meeting hours. The contact, the caseworker and the user are never double-booked; the people concerned are notified.",
  })
  @ApiCreatedResponse({ type: IntroductionResponse })
  @ApiConflictResponse({
    description: 'overlap, caseworker_busy, contact_not_eligible, illegal_transition, outside_meeting_hours',
  })
  book(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam) id: string,
    @Body() body: BookIntroductionRequest,
  ): Promise<IntroductionResponse> {
    return this.booking.book(principal, id, body);
  }

  @Delete('introductions/:id/booking')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Cancel the booked meeting; the introduction awaits a new time',
    description: 'The booking is removed and the introduction can be booked at a new time.',
  })
  @ApiOkResponse({ type: IntroductionResponse })
  cancel(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam) id: string,
  ): Promise<IntroductionResponse> {
    return this.booking.cancel(principal, id);
  }

  @Roles('coordinator', 'admin')
  @Post('introductions/:id/outcome')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary:
      'After the meeting: continue → the assignment starts; otherwise the pair is declined and the user waits again',
    description:
      'Records the outcome of the introduction meeting. An individual assignment starts only this way.',
  })
  @ApiOkResponse({ type: IntroductionResponse })
  @ApiConflictResponse({
    description: 'illegal_transition, introduction_not_held, and the rules of POST /assignments',
  })
  outcome(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam) id: string,
    @Body() body: OutcomeRequest,
  ): Promise<IntroductionResponse> {
    return this.outcomes.recordOutcome(principal, id, body);
  }

  @Roles('coordinator', 'admin')
  @Post('introductions/:id/decline')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Decline the pair before (or instead of) the meeting, with a reason',
    description: 'The reason is kept and the pair is not proposed again; the user waits for a new proposal.',
  })
  @ApiOkResponse({ type: IntroductionResponse })
  decline(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam) id: string,
    @Body() body: DeclineRequest,
  ): Promise<IntroductionResponse> {
    return this.outcomes.declineIntroduction(principal, id, body);
  }
}
