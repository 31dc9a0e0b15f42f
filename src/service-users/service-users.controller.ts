import { Body, Controller, Get, Header, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AccessLogged, subjects } from '../access-log/access-logged.decorator';
import { CurrentPrincipal } from '../common/auth/decorators';
import { Principal } from '../common/auth/principal';
import { IfMatchVersion } from '../common/http/if-match';
import { Page } from '../common/http/pagination';
import { UuidParam } from '../common/http/uuid-param';
import { ServiceUserListQuery } from './dto/service-user.query';
import {
  CreateServiceUserRequest,
  LookupServiceUserRequest,
  UpdateServiceUserRequest,
} from './dto/service-user.request';
import { ServiceUserResponse } from './dto/service-user.response';
import { ServiceUsersService } from './service-users.service';

/**
 * Service users (tjenestemottakere). Staff only (coordinator, caseworker, admin): no @Roles, so the guard's
 * default applies and a støttekontakt gets 403. The fødselsnummer goes in bodies only, never in a URL.
 */
@ApiTags('service-users')
@ApiBearerAuth()
@Controller('service-users')
export class ServiceUsersController {
  constructor(private readonly serviceUsers: ServiceUsersService) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  @AccessLogged({ subjectType: 'service_user', action: 'list', subjectsOf: subjects.itemIds })
  list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ServiceUserListQuery,
  ): Promise<Page<ServiceUserResponse>> {
    return this.serviceUsers.list(principal, query);
  }

  @Post()
  @Header('Cache-Control', 'no-store')
  @ApiCreatedResponse({ type: ServiceUserResponse })
  create(
    @CurrentPrincipal() principal: Principal,
    @Body() body: CreateServiceUserRequest,
  ): Promise<ServiceUserResponse> {
    return this.serviceUsers.create(principal, body);
  }

  @Post('lookup')
  @HttpCode(200)
  @AccessLogged({ subjectType: 'service_user', action: 'lookup', subjectsOf: subjects.responseId })
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Find a service user by fødselsnummer (sent in the body, never in the URL)' })
  @ApiOkResponse({ type: ServiceUserResponse })
  lookup(
    @CurrentPrincipal() principal: Principal,
    @Body() body: LookupServiceUserRequest,
  ): Promise<ServiceUserResponse> {
    return this.serviceUsers.lookup(principal, body.nationalId);
  }

  @Get(':id')
  @Header('Cache-Control', 'no-store')
  @AccessLogged({
    subjectType: 'service_user',
    action: 'read',
    subjectsOf: subjects.responseId,
    deniedSubjectOf: subjects.paramIfUuid('id'),
  })
  @ApiOkResponse({ type: ServiceUserResponse })
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam) id: string,
  ): Promise<ServiceUserResponse> {
    return this.serviceUsers.get(principal, id);
  }

  @Patch(':id')
  @Header('Cache-Control', 'no-store')
  @ApiHeader({ name: 'If-Match', required: false, description: 'The version you read' })
  @ApiOkResponse({ type: ServiceUserResponse })
  update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam) id: string,
    @Body() body: UpdateServiceUserRequest,
    @IfMatchVersion() version?: number,
  ): Promise<ServiceUserResponse> {
    return this.serviceUsers.update(principal, id, body, version);
  }
}
