import { Controller, Get, Header } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, AccessContext } from '../access-log/access-context';
import { AccessLogService } from '../access-log/access-log.service';
import { Roles } from '../common/auth/decorators';
import { OwnMeetingResponse } from './dto/own-meeting.response';
import { OwnMeetingsService } from './own-meetings.service';

/** A støttekontakt's own introduction meetings ("Mine møter"). */
@ApiTags('contacts')
@ApiBearerAuth()
@Roles('contact')
@Controller('contacts/me/introductions')
export class OwnMeetingsController {
  constructor(
    private readonly meetings: OwnMeetingsService,
    private readonly accessLog: AccessLogService,
  ) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Your upcoming introduction meetings: time, place and who comes',
    description:
      "A støttekontakt's own introduction meetings from today, minimised: the user's first name, not the case.",
  })
  @ApiOkResponse({ type: [OwnMeetingResponse] })
  list(@Access() access: AccessContext): Promise<OwnMeetingResponse[]> {
    return this.accessLog.read(
      access,
      {
        action: 'contact_list_introductions',
        subjectsOf: (meetings) => meetings.map((meeting) => meeting.serviceUser.id),
      },
      () => this.meetings.upcoming(access.principal),
    );
  }
}
