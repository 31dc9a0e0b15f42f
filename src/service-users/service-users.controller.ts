import { Body, Controller, Get, Header, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, AccessContext } from '../access-log/access-context';
import { AccessLogService } from '../access-log/access-log.service';
import { ServiceUserData } from '../access-log/service-user-data';
import { CurrentPrincipal } from '../common/auth/decorators';
import { Principal } from '../common/auth/principal';
import { ApiIfMatch, IfMatchVersion } from '../common/http/if-match';
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
  @ApiOperation({
    summary: 'Search the service users',
    description:
      'Pages through the tjenestemottakere by name, interest, form of service, postal code and whether they wait for a contact. The fødselsnummer is always masked.',
  })
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
  // The answer is the new user's whole record, read back: logged as the user's creation.
  @ServiceUserData({ action: 'create', subjectsOf: (body) => [(body as ServiceUserResponse).id] })
  @Header('Cache-Control', 'no-store')
  @ApiCreatedResponse({ type: ServiceUserResponse })
  @ApiOperation({
    summary: 'Register a service user',
    description:
      'Registers a tjenestemottaker with the fødselsnummer (its check digits verified; every answer masks it), contact details, guardian, interests, availability and preferences.',
  })
  create(
    @CurrentPrincipal() principal: Principal,
    @Body() body: CreateServiceUserRequest,
  ): Promise<ServiceUserResponse> {
    return this.serviceUsers.create(principal, body);
  }

  @Post('lookup')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Find a service user by fødselsnummer (sent in the body, never in the URL)',
    description:
      'Finds a user by fødselsnummer without putting it in a URL, where it would reach logs and browser history. The lookup is access-logged.',
  })
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
  @ApiOperation({
    summary: 'One service user',
    description: "A tjenestemottaker's record, with the fødselsnummer masked. The read is access-logged.",
  })
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
  @ApiOperation({
    summary: 'Reveal the full fødselsnummer (access-logged as reveal_national_id)',
    description:
      'An explicit action, never a side effect of reading: answers the full fødselsnummer and logs who saw it.',
  })
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
  // The answer is the user's whole record, read back after the change: a read like GET /service-users/{id}.
  @ServiceUserData({ action: 'update', subjectsOf: (body) => [(body as ServiceUserResponse).id] })
  @Header('Cache-Control', 'no-store')
  @ApiIfMatch()
  @ApiOkResponse({ type: ServiceUserResponse })
  @ApiOperation({
    summary: 'Update a service user',
    description:
      'Changes the fields given. Send If-Match with the version you read, so that another change is never overwritten unseen.',
  })
  update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam) id: string,
    @Body() body: UpdateServiceUserRequest,
    @IfMatchVersion() version?: number,
  ): Promise<ServiceUserResponse> {
    return this.serviceUsers.update(principal, id, body, version);
  }
}
