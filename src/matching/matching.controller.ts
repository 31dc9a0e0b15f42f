import { Controller, Get, Header, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiOkResponse,
  ApiTags,
  ApiOperation,
} from '@nestjs/swagger';
import { Access, AccessContext } from '../access-log/access-context';
import { AccessLogService } from '../access-log/access-log.service';
import { CurrentPrincipal, Roles, RateLimit } from '../common/auth/decorators';
import { RATE_LIMITS } from '../common/auth/rate-limits';
import { Principal } from '../common/auth/principal';
import { Page, PageOf, PageQuery } from '../common/http/pagination';
import { UuidParam } from '../common/http/uuid-param';
import {
  MatchingRunResponse,
  ProposalAlternativesResponse,
  ProposalListQuery,
  ProposalResponse,
} from './dto/matching.dto';
import { ProposalAlternativesService } from './proposal-alternatives.service';
import { MatchingRunsService } from './matching-runs.service';
import { ProposalsService } from './proposals.service';

@ApiTags('matching')
@ApiBearerAuth()
@Controller()
export class MatchingController {
  constructor(
    private readonly runs: MatchingRunsService,
    private readonly proposals: ProposalsService,
    private readonly alternatives: ProposalAlternativesService,
    private readonly accessLog: AccessLogService,
  ) {}

  /** Starts a matching run now; the worker runs it. Poll GET /matching-runs/{id} for progress and the summary. */
  @Roles('coordinator', 'admin')
  @RateLimit(RATE_LIMITS.matchingRun)
  @Post('matching-runs')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiAcceptedResponse({ type: MatchingRunResponse })
  @ApiConflictResponse({
    description:
      'run_already_pending: a manual run of this municipality is queued or running (its id in context.runId)',
  })
  @ApiOperation({
    summary: 'Start a matching run now',
    description:
      "Queues a run of the matching engine for the municipality, as the nightly job does. Only one manual run may wait at a time: a second is refused with 409 and the waiting run's id.",
  })
  async start(@CurrentPrincipal() principal: Principal): Promise<MatchingRunResponse> {
    return MatchingRunResponse.from(await this.runs.requestRun(principal));
  }

  @Get('matching-runs')
  @ApiOkResponse({ type: PageOf(MatchingRunResponse) })
  @ApiOperation({
    summary: 'Matching runs',
    description: "The municipality's matching runs, newest first, with status, trigger and summary.",
  })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: PageQuery,
  ): Promise<Page<MatchingRunResponse>> {
    const page = await this.runs.list(principal, query);
    return { ...page, items: page.items.map(MatchingRunResponse.from) };
  }

  @Get('matching-runs/:id')
  @ApiOkResponse({ type: MatchingRunResponse })
  @ApiOperation({
    summary: 'One matching run',
    description:
      "A run's status and, once finished, its summary: users waiting, proposed, unmatched by reason, the longest wait left unmatched and the time each step took.",
  })
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam) id: string,
  ): Promise<MatchingRunResponse> {
    return MatchingRunResponse.from(await this.runs.get(principal, id));
  }

  /** A proposal names its user and contact; reading it is a read of the user's data (access-logged). */
  @Get('proposals')
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ type: PageOf(ProposalResponse) })
  @ApiOperation({
    summary: 'Proposals of the runs',
    description:
      'Proposed user ↔ støttekontakt pairs, best first, with the score, its parts and the reason line in words. Filter by run, user, contact or status.',
  })
  listProposals(
    @Access() access: AccessContext,
    @Query() query: ProposalListQuery,
  ): Promise<Page<ProposalResponse>> {
    return this.accessLog.read(
      access,
      { action: 'proposals', subjectsOf: (page) => page.items.map((p) => p.serviceUserId) },
      async () => {
        const page = await this.proposals.list(access.principal, query);
        const names = await this.proposals.names(access.principal, page.items);
        return { ...page, items: page.items.map((p) => ProposalResponse.from(p, names)) };
      },
    );
  }

  @Get('proposals/:id')
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ type: ProposalResponse })
  @ApiOperation({
    summary: 'One proposal',
    description: 'A proposed pair with its score, the parts of the score and the reason line.',
  })
  getProposal(
    @Access() access: AccessContext,
    @Param('id', UuidParam) id: string,
  ): Promise<ProposalResponse> {
    return this.accessLog.read(
      access,
      { action: 'proposal', subjectsOf: (p) => [p.serviceUserId] },
      async () => {
        const proposal = await this.proposals.get(access.principal, id);
        return ProposalResponse.from(proposal, await this.proposals.names(access.principal, [proposal]));
      },
    );
  }

  @Get('proposals/:id/alternatives')
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ type: ProposalAlternativesResponse })
  @ApiOperation({
    summary: "A proposal's alternatives",
    description:
      "Every contact the run's hard rules allow for the proposal's user (eligible, with room, within the radius, not excluded), best first by the run's own score, with the parts and the reason line; how many other users the same run proposed each contact to. Computed from the roster as it stands now. Reading it is a read of the user's data (access-logged).",
  })
  getAlternatives(
    @Access() access: AccessContext,
    @Param('id', UuidParam) id: string,
  ): Promise<ProposalAlternativesResponse> {
    return this.accessLog.read(
      access,
      { action: 'proposal-alternatives', subjectsOf: (a) => [a.serviceUserId] },
      () => this.alternatives.forProposal(access.principal, id),
    );
  }
}
