import { ServiceUserData } from '../access-log/service-user-data';
import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../common/auth/decorators';
import { Principal } from '../common/auth/principal';
import { Page } from '../common/http/pagination';
import { UuidParam } from '../common/http/uuid-param';
import {
  AcceptedGroupProposalResponse,
  AcceptGroupProposalRequest,
  DeclineGroupProposalRequest,
  GroupProposalListQuery,
  GroupProposalPage,
  GroupProposalResponse,
} from './dto/group-proposal.dto';
import { GroupProposalsService } from './group-proposals.service';

/** Activity groups proposed by the matching run. Staff read them; coordinators (and admins) accept or decline. */
@ApiTags('groups')
@ApiBearerAuth()
@Controller('group-proposals')
export class GroupProposalsController {
  constructor(private readonly proposals: GroupProposalsService) {}

  @Get()
  @ServiceUserData({ action: 'list' })
  @ApiOkResponse({ type: GroupProposalPage })
  @ApiOperation({
    summary: 'Proposed activity groups',
    description:
      'The groups the last runs proposed from users with a group vedtak, with members, contacts and score.',
  })
  list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: GroupProposalListQuery,
  ): Promise<Page<GroupProposalResponse>> {
    return this.proposals.list(principal, query);
  }

  @Get(':id')
  @ServiceUserData({ action: 'read' })
  @ApiOkResponse({ type: GroupProposalResponse })
  @ApiOperation({
    summary: 'One proposed group',
    description: 'A proposed group with its members, contacts and the reasons they fit together.',
  })
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam) id: string,
  ): Promise<GroupProposalResponse> {
    return this.proposals.get(principal, id);
  }

  @Roles('coordinator', 'admin')
  @Post(':id/accept')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'Accept (optionally edited first): creates the group, its members and contacts, or fills the seats',
    description:
      'Turns the proposal into a real group with its members and contact assignments, or fills the free seats of an existing group. The hard rules are checked again.',
  })
  @ApiOkResponse({ type: AcceptedGroupProposalResponse })
  @ApiConflictResponse({
    description:
      'Not open; or the group would break a rule: size 3–6, 1–2 contacts, contact eligible with room, vedtak for a group',
  })
  accept(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam) id: string,
    @Body() body: AcceptGroupProposalRequest,
  ): Promise<AcceptedGroupProposalResponse> {
    return this.proposals.accept(principal, id, body);
  }

  @Roles('coordinator', 'admin')
  @Post(':id/decline')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: GroupProposalResponse })
  @ApiConflictResponse({ description: 'The proposal is not open' })
  @ApiOperation({
    summary: 'Decline a proposed group',
    description: "Declines the proposal with a reason; it stays in the run's history.",
  })
  decline(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam) id: string,
    @Body() body: DeclineGroupProposalRequest,
  ): Promise<GroupProposalResponse> {
    return this.proposals.decline(principal, id, body);
  }
}
