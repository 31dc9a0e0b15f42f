import { Controller, Get, Header, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AccessLogged, subjects } from '../access-log/access-logged.decorator';
import { CurrentPrincipal, Roles } from '../common/auth/decorators';
import { Principal } from '../common/auth/principal';
import { UuidParam } from '../common/http/uuid-param';
import { ContactViewService } from './contact-view.service';
import { AssignedUserResponse } from './dto/assigned-user.response';

/** A støttekontakt's own users. */
@ApiTags('contacts')
@ApiBearerAuth()
@Roles('contact')
@Controller('contacts/me/users')
export class ContactViewController {
  constructor(private readonly view: ContactViewService) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ type: [AssignedUserResponse] })
  @AccessLogged({
    subjectType: 'service_user',
    action: 'contact_list',
    subjectsOf: (body) => (body as { id: string }[]).map((u) => u.id),
  })
  list(@CurrentPrincipal() principal: Principal): Promise<AssignedUserResponse[]> {
    return this.view.myUsers(principal);
  }

  @Get(':id')
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ type: AssignedUserResponse })
  @AccessLogged({
    subjectType: 'service_user',
    action: 'contact_read',
    subjectsOf: subjects.responseId,
    deniedSubjectOf: subjects.paramIfUuid('id'),
  })
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam) id: string,
  ): Promise<AssignedUserResponse> {
    return this.view.myUser(principal, id);
  }
}
