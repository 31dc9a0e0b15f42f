import { ServiceUserData } from '../access-log/service-user-data';
import { Body, Controller, Delete, Get, Header, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../common/auth/decorators';
import { Principal } from '../common/auth/principal';
import { ApiIfMatch, IfMatchVersion } from '../common/http/if-match';
import { Page } from '../common/http/pagination';
import { UuidParam } from '../common/http/uuid-param';
import { GroupListQuery } from './dto/group.query';
import {
  AddGroupContactRequest,
  AddGroupMemberRequest,
  CloseGroupRequest,
  CreateGroupRequest,
  UpdateGroupRequest,
} from './dto/group.request';
import { GroupPage, GroupResponse, MemberRemovedResponse } from './dto/group.response';
import { GroupsService } from './groups.service';

/** aktivitetsgrupper. Staff read them; coordinators (and admins) form, change, activate and close them. */
@ApiTags('groups')
@ApiBearerAuth()
@Controller('groups')
export class GroupsController {
  constructor(private readonly groups: GroupsService) {}

  @Get()
  @ServiceUserData({ action: 'list' })
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ type: GroupPage })
  @ApiOperation({
    summary: 'Activity groups',
    description: "The municipality's activity groups by name, status, interest, postal code and open seats.",
  })
  list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: GroupListQuery,
  ): Promise<Page<GroupResponse>> {
    return this.groups.list(principal, query);
  }

  @Roles('coordinator', 'admin')
  @Post()
  @Header('Cache-Control', 'no-store')
  @ApiCreatedResponse({ type: GroupResponse })
  @ApiConflictResponse({ description: 'already_exists: the municipality has a group with this name' })
  @ApiOperation({
    summary: 'Create an activity group',
    description:
      'Creates a group in forming, with its name, interests and area. Members (3–6) and contacts (1–2) are added after.',
  })
  create(@CurrentPrincipal() principal: Principal, @Body() body: CreateGroupRequest): Promise<GroupResponse> {
    return this.groups.create(principal, body);
  }

  @Get(':id')
  @ServiceUserData({ action: 'read' })
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ type: GroupResponse })
  @ApiOperation({
    summary: 'One activity group',
    description: 'A group with its members and contacts. The read is access-logged for each member.',
  })
  get(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam) id: string): Promise<GroupResponse> {
    return this.groups.get(principal, id);
  }

  @Roles('coordinator', 'admin')
  @Patch(':id')
  @Header('Cache-Control', 'no-store')
  @ApiIfMatch()
  @ApiOkResponse({ type: GroupResponse })
  @ApiConflictResponse({ description: 'group_closed, already_exists (name)' })
  @ApiOperation({
    summary: 'Update an activity group',
    description: "Changes the group's name, interests or area. Send If-Match with the version you read.",
  })
  update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam) id: string,
    @Body() body: UpdateGroupRequest,
    @IfMatchVersion() version?: number,
  ): Promise<GroupResponse> {
    return this.groups.update(principal, id, body, version);
  }

  @Roles('coordinator', 'admin')
  @Post(':id/members')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Give a service user with a group vedtak the lowest free of the 6 seats',
    description:
      'Adds a member with a group vedtak. A group holds at most 6; a close relative of one of its contacts is refused.',
  })
  @ApiCreatedResponse({ type: GroupResponse })
  @ApiConflictResponse({
    description:
      'group_full, already_member, no_current_decision, decision_not_group, group_closed, close_relative ' +
      '(a contact of the group is a close relative of the user)',
  })
  addMember(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam) id: string,
    @Body() body: AddGroupMemberRequest,
  ): Promise<GroupResponse> {
    return this.groups.addMember(principal, id, body);
  }

  @Roles('coordinator', 'admin')
  @Delete(':id/members/:serviceUserId')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Remove a member; an active group falling below 3 goes back to forming (statusChange)',
    description: 'Takes a member out of the group; the seat becomes free for another.',
  })
  @ApiOkResponse({ type: MemberRemovedResponse })
  @ApiConflictResponse({ description: 'group_closed' })
  removeMember(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam) id: string,
    @Param('serviceUserId', UuidParam) serviceUserId: string,
  ): Promise<MemberRemovedResponse> {
    return this.groups.removeMember(principal, id, serviceUserId);
  }

  @Roles('coordinator', 'admin')
  @Post(':id/contacts')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'A contact takes one of the 2 contact seats (creates a group assignment)',
    description:
      'A støttekontakt takes a contact seat. Eligibility, capacity and close relatives are checked as for an individual assignment.',
  })
  @ApiCreatedResponse({ type: GroupResponse })
  @ApiConflictResponse({
    description:
      'group_contacts_full, already_group_contact, group_closed, contact_not_eligible, contact_inactive, ' +
      'capacity_users_full, capacity_hours_full, close_relative (a member is a close relative of the contact)',
  })
  addContact(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam) id: string,
    @Body() body: AddGroupContactRequest,
  ): Promise<GroupResponse> {
    return this.groups.addContact(principal, id, body);
  }

  @Roles('coordinator', 'admin')
  @Post(':id/activate')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ type: GroupResponse })
  @ApiConflictResponse({
    description: 'group_too_small, group_has_no_contact, group_not_forming, group_closed',
  })
  @ApiOperation({
    summary: "Start the group's activity",
    description:
      'Moves a forming group to active once it has 3–6 members and 1–2 contacts; otherwise refused with what is missing.',
  })
  activate(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam) id: string,
  ): Promise<GroupResponse> {
    return this.groups.activate(principal, id);
  }

  @Roles('coordinator', 'admin')
  @Post(':id/close')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: "Close the group for good; its contacts' open assignments end (reason other)",
    description: 'Closes the group for good.',
  })
  @ApiOkResponse({ type: GroupResponse })
  @ApiConflictResponse({ description: 'group_closed' })
  close(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam) id: string,
    @Body() body: CloseGroupRequest,
  ): Promise<GroupResponse> {
    return this.groups.close(principal, id, body);
  }
}
