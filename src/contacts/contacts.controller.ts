import { ServiceUserData } from '../access-log/service-user-data';
import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../common/auth/decorators';
import { Principal } from '../common/auth/principal';
import { IfMatchVersion } from '../common/http/if-match';
import { Page, PageOf } from '../common/http/pagination';
import { UuidParam } from '../common/http/uuid-param';
import { ContactsService } from './contacts.service';
import { ContactListQuery } from './dto/contact.query';
import { CreateContactRequest, UpdateContactRequest, UpdateOwnProfileRequest } from './dto/contact.request';
import { ContactResponse } from './dto/contact.response';

@ApiTags('contacts')
@ApiBearerAuth()
@Controller('contacts')
export class ContactsController {
  constructor(private readonly contacts: ContactsService) {}

  @Get()
  @ApiOkResponse({ type: PageOf(ContactResponse) })
  list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ContactListQuery,
  ): Promise<Page<ContactResponse>> {
    return this.contacts.list(principal, query);
  }

  @Roles('coordinator', 'admin')
  @Post()
  @ApiCreatedResponse({ type: ContactResponse })
  create(
    @CurrentPrincipal() principal: Principal,
    @Body() body: CreateContactRequest,
  ): Promise<ContactResponse> {
    return this.contacts.create(principal, body);
  }

  /** A støttekontakt's own profile. */
  @Roles('contact')
  @Get('me')
  @ApiOkResponse({ type: ContactResponse })
  me(@CurrentPrincipal() principal: Principal): Promise<ContactResponse> {
    return this.contacts.get(principal, principal.contactId ?? '');
  }

  /** A støttekontakt updates their own contact details, interests and availability. */
  @Roles('contact')
  @Patch('me')
  @ApiHeader({ name: 'If-Match', required: false, description: 'The version you read' })
  @ApiOkResponse({ type: ContactResponse })
  updateMe(
    @CurrentPrincipal() principal: Principal,
    @Body() body: UpdateOwnProfileRequest,
    @IfMatchVersion() version?: number,
  ): Promise<ContactResponse> {
    return this.contacts.update(principal, principal.contactId ?? '', body, version);
  }

  @Roles('coordinator', 'caseworker', 'admin', 'contact')
  @Get(':id')
  // A contact's profile holds no user's data; only a refused look at another contact's is logged.
  @ServiceUserData({ action: 'contact_profile', subjectsOf: () => [], refusedSubjectType: 'contact' })
  @ApiOkResponse({ type: ContactResponse })
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam) id: string,
  ): Promise<ContactResponse> {
    return this.contacts.get(principal, id);
  }

  @Roles('coordinator', 'admin')
  @Patch(':id')
  @ApiHeader({ name: 'If-Match', required: false, description: 'The version you read' })
  @ApiOkResponse({ type: ContactResponse })
  update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam) id: string,
    @Body() body: UpdateContactRequest,
    @IfMatchVersion() version?: number,
  ): Promise<ContactResponse> {
    return this.contacts.update(principal, id, body, version);
  }
}
