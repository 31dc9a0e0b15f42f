import { Body, Controller, Delete, Get, Header, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Access, AccessContext } from '../access-log/access-context';
import { AccessLogService } from '../access-log/access-log.service';
import { CurrentPrincipal, Roles } from '../common/auth/decorators';
import { Principal } from '../common/auth/principal';
import { UuidParam } from '../common/http/uuid-param';
import { CloseRelativesService } from './close-relatives.service';
import {
  CloseRelativeListResponse,
  CloseRelativeResponse,
  CreateCloseRelativeRequest,
} from './dto/close-relative.dto';

/**
 * nære pårørende. Staff record them for any contact, a støttekontakt about themselves; both reveal which service
 * user is meant, so each answer is written to the access log.
 */
@ApiTags('close-relatives')
@ApiBearerAuth()
@Controller('contacts/:id/close-relatives')
export class CloseRelativesController {
  constructor(
    private readonly closeRelatives: CloseRelativesService,
    private readonly accessLog: AccessLogService,
  ) {}

  @Roles('coordinator', 'caseworker', 'admin', 'contact')
  @Post()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary:
      'Record that the contact is a close relative of a user: the pair is never proposed, introduced, assigned or grouped',
    description:
      "A close relative (nærstående) may not be the user's støttekontakt. The pair is then refused on every path: proposals, introductions, assignments and group seats.",
  })
  @ApiCreatedResponse({ type: CloseRelativeResponse })
  @ApiNotFoundResponse({
    description: "Unknown contact or user, another municipality's, or (for a contact) not themself",
  })
  record(
    @Access() access: AccessContext,
    @Param('id', UuidParam) id: string,
    @Body() body: CreateCloseRelativeRequest,
  ): Promise<CloseRelativeResponse> {
    return this.accessLog.read(
      access,
      {
        action: 'record_close_relative',
        subjectsOf: (r) => [r.serviceUserId],
        refusedSubject: body.serviceUserId,
      },
      () => this.closeRelatives.record(access.principal, id, body),
    );
  }

  @Roles('coordinator', 'caseworker', 'admin', 'contact')
  @Get()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'The users the contact is recorded as a close relative of',
    description: 'The users recorded as close relatives of this contact, with who recorded it and when.',
  })
  @ApiOkResponse({ type: CloseRelativeListResponse })
  list(
    @Access() access: AccessContext,
    @Param('id', UuidParam) id: string,
  ): Promise<CloseRelativeListResponse> {
    return this.accessLog.read(
      access,
      { action: 'list_close_relatives', subjectsOf: (r) => r.items.map((item) => item.serviceUserId) },
      async () => ({ items: await this.closeRelatives.list(access.principal, id) }),
    );
  }

  @Roles('coordinator', 'admin')
  @Delete(':serviceUserId')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Remove a close relative recorded by mistake',
    description: 'Removes a close-relative record made by mistake; the pair may then be proposed again.',
  })
  @ApiNoContentResponse()
  @ApiNotFoundResponse()
  remove(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam) id: string,
    @Param('serviceUserId', UuidParam) serviceUserId: string,
  ): Promise<void> {
    return this.closeRelatives.remove(principal, id, serviceUserId);
  }
}
