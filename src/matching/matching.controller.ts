import { Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../common/auth/decorators';
import { Principal } from '../common/auth/principal';
import { Page, PageOf, PageQuery } from '../common/http/pagination';
import { UuidParam } from '../common/http/uuid-param';
import { MatchingRunResponse, ProposalListQuery, ProposalResponse } from './dto/matching.dto';
import { MatchingRunsService } from './matching-runs.service';
import { ProposalsService } from './proposals.service';

@ApiTags('matching')
@ApiBearerAuth()
@Controller()
export class MatchingController {
  constructor(
    private readonly runs: MatchingRunsService,
    private readonly proposals: ProposalsService,
  ) {}

  /** Starts a matching run now; the worker runs it. Poll GET /matching-runs/{id} for progress and the summary. */
  @Roles('coordinator', 'admin')
  @Post('matching-runs')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiAcceptedResponse({ type: MatchingRunResponse })
  async start(@CurrentPrincipal() principal: Principal): Promise<MatchingRunResponse> {
    return MatchingRunResponse.from(await this.runs.requestRun(principal));
  }

  @Get('matching-runs')
  @ApiOkResponse({ type: PageOf(MatchingRunResponse) })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: PageQuery,
  ): Promise<Page<MatchingRunResponse>> {
    const page = await this.runs.list(principal, query);
    return { ...page, items: page.items.map(MatchingRunResponse.from) };
  }

  @Get('matching-runs/:id')
  @ApiOkResponse({ type: MatchingRunResponse })
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam) id: string,
  ): Promise<MatchingRunResponse> {
    return MatchingRunResponse.from(await this.runs.get(principal, id));
  }

  @Get('proposals')
  @ApiOkResponse({ type: PageOf(ProposalResponse) })
  async listProposals(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ProposalListQuery,
  ): Promise<Page<ProposalResponse>> {
    const page = await this.proposals.list(principal, query);
    return { ...page, items: page.items.map(ProposalResponse.from) };
  }

  @Get('proposals/:id')
  @ApiOkResponse({ type: ProposalResponse })
  async getProposal(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam) id: string,
  ): Promise<ProposalResponse> {
    return ProposalResponse.from(await this.proposals.get(principal, id));
  }
}
