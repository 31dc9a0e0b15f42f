import { Controller, Get, Header, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access, AccessContext } from '../access-log/access-context';
import { AccessLogService } from '../access-log/access-log.service';
import { Roles } from '../common/auth/decorators';
import { UuidParam } from '../common/http/uuid-param';
import { ContactViewService } from './contact-view.service';
import { AssignedUserResponse } from './dto/assigned-user.response';

/** A støttekontakt's own users. */
@ApiTags('contacts')
@ApiBearerAuth()
@Roles('contact')
@Controller('contacts/me/users')
export class ContactViewController {
  constructor(
    private readonly view: ContactViewService,
    private readonly accessLog: AccessLogService,
  ) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ type: [AssignedUserResponse] })
  list(@Access() access: AccessContext): Promise<AssignedUserResponse[]> {
    return this.accessLog.read(
      access,
      { action: 'contact_list', subjectsOf: (users) => users.map((user) => user.id) },
      () => this.view.myUsers(access.principal),
    );
  }

  @Get(':id')
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ type: AssignedUserResponse })
  get(@Access() access: AccessContext, @Param('id', UuidParam) id: string): Promise<AssignedUserResponse> {
    return this.accessLog.read(
      access,
      { action: 'contact_read', subjectsOf: (user) => [user.id], refusedSubject: id },
      () => this.view.myUser(access.principal, id),
    );
  }
}
