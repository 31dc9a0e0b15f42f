import { ServiceUserData } from '../access-log/service-user-data';
import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../common/auth/decorators';
import { Principal } from '../common/auth/principal';
import { ApiIfMatch, IfMatchVersion } from '../common/http/if-match';
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
  @ApiOperation({
    summary: 'Search the roster of støttekontakter',
    description:
      "Pages through the municipality's støttekontakter by name, interest, language, postal code, eligibility today and whether they are active.",
  })
  list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ContactListQuery,
  ): Promise<Page<ContactResponse>> {
    return this.contacts.list(principal, query);
  }

  @Roles('coordinator', 'admin')
  @Post()
  @ApiCreatedResponse({ type: ContactResponse })
  @ApiOperation({
    summary: 'Add a støttekontakt to the roster',
    description:
      'Records a new støttekontakt with contact details, interests, languages, home area, weekly availability, capacity and the dates of politiattest and taushetserklæring. Eligibility is derived, never set.',
  })
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
  @ApiOperation({
    summary: 'Your own contact profile',
    description:
      "A signed-in støttekontakt's own roster entry: details, eligibility with what is missing, interests and availability.",
  })
  me(@CurrentPrincipal() principal: Principal): Promise<ContactResponse> {
    return this.contacts.get(principal, principal.contactId ?? '');
  }

  /** A støttekontakt updates their own contact details, interests and availability. */
  @Roles('contact')
  @Patch('me')
  @ApiIfMatch()
  @ApiOkResponse({ type: ContactResponse })
  @ApiOperation({
    summary: 'Update your own contact profile',
    description:
      'A støttekontakt changes their own contact details, interests and weekly availability. Certificates and capacity are for the coordinator to set.',
  })
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
  @ApiOperation({
    summary: 'One støttekontakt',
    description:
      "A støttekontakt's roster entry with eligibility and its reasons, certificate dates, capacity and load. A støttekontakt may read only their own.",
  })
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam) id: string,
  ): Promise<ContactResponse> {
    return this.contacts.get(principal, id);
  }

  @Roles('coordinator', 'admin')
  @Patch(':id')
  @ApiIfMatch()
  @ApiOkResponse({ type: ContactResponse })
  @ApiOperation({
    summary: 'Update a støttekontakt',
    description:
      "Changes the fields given. Send If-Match with the version you read, so that another coordinator's change is never overwritten unseen.",
  })
  update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam) id: string,
    @Body() body: UpdateContactRequest,
    @IfMatchVersion() version?: number,
  ): Promise<ContactResponse> {
    return this.contacts.update(principal, id, body, version);
  }
}
