import { ServiceUserData } from '../access-log/service-user-data';
import { Body, Controller, Get, Header, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../common/auth/decorators';
import { Principal } from '../common/auth/principal';
import { Page } from '../common/http/pagination';
import { UuidParam } from '../common/http/uuid-param';
import { AssignmentsService, AssignmentView } from './assignments.service';
import { AssignmentListQuery } from './dto/assignment.query';
import { CreateAssignmentRequest, EndAssignmentRequest } from './dto/assignment.request';
import { AssignmentPage, AssignmentResponse, OwnAssignmentResponse } from './dto/assignment.response';

const EITHER_VIEW = {
  anyOf: [{ $ref: getSchemaPath(AssignmentResponse) }, { $ref: getSchemaPath(OwnAssignmentResponse) }],
};

/**
 * oppdrag. Coordinators (and admins) start and end assignments; caseworkers read them; a contact reads only
 * their own, in a view without case data.
 */
@ApiTags('assignments')
@ApiBearerAuth()
@ApiExtraModels(AssignmentResponse, OwnAssignmentResponse)
@Controller('assignments')
export class AssignmentsController {
  constructor(private readonly assignments: AssignmentsService) {}

  @Roles('coordinator', 'caseworker', 'admin', 'contact')
  @Get()
  @ServiceUserData({ action: 'list' })
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'List assignments; a contact gets only their own (and the total counts only those)',
    description:
      'Staff see every assignment of the municipality; a støttekontakt only their own, in a view without case data.',
  })
  @ApiOkResponse({ type: AssignmentPage })
  list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: AssignmentListQuery,
  ): Promise<Page<AssignmentView>> {
    return this.assignments.list(principal, query);
  }

  @Roles('coordinator', 'caseworker', 'admin', 'contact')
  @Get(':id')
  @ServiceUserData({ action: 'read' })
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ schema: EITHER_VIEW, description: 'OwnAssignmentResponse for role contact' })
  @ApiNotFoundResponse({ description: "Missing, another municipality's, or (for a contact) someone else's" })
  @ApiOperation({
    summary: 'One assignment',
    description:
      'An assignment with its user or group, contact, hours and period. A støttekontakt reads only their own, in the minimal view.',
  })
  get(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam) id: string): Promise<AssignmentView> {
    return this.assignments.get(principal, id);
  }

  @Roles('coordinator', 'admin')
  @Post()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary:
      'Start an assignment for a service user (individual vedtak) or a group (one of its two contact seats)',
    description:
      'Starts an assignment directly. The hard rules apply on this path too: eligibility today, capacity, exclusions and close relatives.',
  })
  @ApiCreatedResponse({ type: AssignmentResponse })
  @ApiConflictResponse({
    description:
      'contact_not_eligible, contact_inactive, capacity_users_full, capacity_hours_full, no_current_decision, ' +
      'decision_not_individual, hours_exceed_decision, assignment_exists, group_closed, group_contacts_full, ' +
      'already_group_contact, introduction_required (an individual assignment without ' +
      'startWithoutIntroductionReason), close_relative, pair_excluded',
  })
  create(
    @CurrentPrincipal() principal: Principal,
    @Body() body: CreateAssignmentRequest,
  ): Promise<AssignmentView> {
    return this.assignments.create(principal, body);
  }

  @Roles('coordinator', 'admin')
  @Post(':id/end')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'End an assignment; an active group left without contacts goes back to forming',
    description: 'Ends the assignment with a reason (kept for the reports of ended matches).',
  })
  @ApiOkResponse({ type: AssignmentResponse })
  @ApiConflictResponse({ description: 'assignment_already_ended' })
  end(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam) id: string,
    @Body() body: EndAssignmentRequest,
  ): Promise<AssignmentView> {
    return this.assignments.end(principal, id, body);
  }
}
