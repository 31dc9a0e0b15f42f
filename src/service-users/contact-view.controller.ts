import { Controller, Get, Header, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { Access, AccessContext } from '../access-log/access-context';
import { AccessLogService } from '../access-log/access-log.service';
import { Roles } from '../common/auth/decorators';
import { UuidParam } from '../common/http/uuid-param';
import { ContactViewService } from './contact-view.service';
import { MyUserResponse } from './dto/my-user.response';

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
  @ApiOkResponse({ type: [MyUserResponse] })
  @ApiOperation({
    summary: 'Your users',
    description:
      "A støttekontakt's users, with only what the work needs: first name, phone or the guardian's, interests, availability and area. Never the fødselsnummer or the vedtak.",
  })
  list(@Access() access: AccessContext): Promise<MyUserResponse[]> {
    return this.accessLog.read(
      access,
      { action: 'contact_list', subjectsOf: (users) => users.map((user) => user.id) },
      () => this.view.myUsers(access.principal),
    );
  }

  @Get(':id')
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ type: MyUserResponse })
  @ApiOperation({
    summary: 'One of your users',
    description:
      "One of the støttekontakt's own users, in the same minimal view. Anyone else's is answered 404.",
  })
  get(@Access() access: AccessContext, @Param('id', UuidParam) id: string): Promise<MyUserResponse> {
    return this.accessLog.read(
      access,
      { action: 'contact_read', subjectsOf: (user) => [user.id], refusedSubject: id },
      () => this.view.myUser(access.principal, id),
    );
  }
}
