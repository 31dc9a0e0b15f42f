import { Body, Controller, Get, Header, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Access, AccessContext } from '../access-log/access-context';
import { AccessLogService } from '../access-log/access-log.service';
import { CurrentPrincipal } from '../common/auth/decorators';
import { Principal } from '../common/auth/principal';
import { IfMatchVersion } from '../common/http/if-match';
import { Page, PageOf } from '../common/http/pagination';
import { UuidParam } from '../common/http/uuid-param';
import { ServiceUserListQuery } from './dto/service-user.query';
import {
  CreateServiceUserRequest,
  LookupServiceUserRequest,
  UpdateServiceUserRequest,
} from './dto/service-user.request';
import { NationalIdResponse } from './dto/national-id.response';
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
  constructor(
    private readonly serviceUsers: ServiceUsersService,
    private readonly accessLog: AccessLogService,
  ) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ type: PageOf(ServiceUserResponse) })
  list(
    @Access() access: AccessContext,
    @Query() query: ServiceUserListQuery,
  ): Promise<Page<ServiceUserResponse>> {
    return this.accessLog.read(
      access,
      { action: 'list', subjectsOf: (page) => page.items.map((user) => user.id) },
      () => this.serviceUsers.list(access.principal, query),
    );
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
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Find a service user by fødselsnummer (sent in the body, never in the URL)' })
  @ApiOkResponse({ type: ServiceUserResponse })
  lookup(
    @Access() access: AccessContext,
    @Body() body: LookupServiceUserRequest,
  ): Promise<ServiceUserResponse> {
    return this.accessLog.read(access, { action: 'lookup', subjectsOf: (user) => [user.id] }, () =>
      this.serviceUsers.lookup(access.principal, body.nationalId),
    );
  }

  @Get(':id')
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ type: ServiceUserResponse })
  get(@Access() access: AccessContext, @Param('id', UuidParam) id: string): Promise<ServiceUserResponse> {
    return this.accessLog.read(
      access,
      { action: 'read', subjectsOf: (user) => [user.id], refusedSubject: id },
      () => this.serviceUsers.get(access.principal, id),
    );
  }

  /**
   * The full fødselsnummer, on an explicit action of the staff member (a POST, so no cache or prefetch reveals
   * it); every reveal is one access-log row with the action 'reveal_national_id'.
   */
  @Post(':id/national-id')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Reveal the full fødselsnummer (access-logged as reveal_national_id)' })
  @ApiOkResponse({ type: NationalIdResponse })
  revealNationalId(
    @Access() access: AccessContext,
    @Param('id', UuidParam) id: string,
  ): Promise<NationalIdResponse> {
    return this.accessLog.read(
      access,
      { action: 'reveal_national_id', subjectsOf: () => [id], refusedSubject: id },
      () => this.serviceUsers.revealNationalId(access.principal, id),
    );
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
