import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, AccessContext } from '../access-log/access-context';
import { AccessLogService } from '../access-log/access-log.service';
import { WaitingListQuery, WaitingListResponse } from './dto/waiting-list.dto';
import { WaitingListService } from './waiting-list.service';

/** Staff only (no @Roles): a støttekontakt gets 403. */
@ApiTags('waiting-list')
@ApiBearerAuth()
@Controller('waiting-list')
export class WaitingListController {
  constructor(
    private readonly waitingList: WaitingListService,
    private readonly accessLog: AccessLogService,
  ) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary:
      "Everyone waiting for a contact, longest first: since when, days, Helsedirektoratet's band and the case state",
    description:
      'Users with a vedtak in force and no contact; the read is access-logged for each user shown.',
  })
  @ApiOkResponse({ type: WaitingListResponse })
  list(@Access() access: AccessContext, @Query() query: WaitingListQuery): Promise<WaitingListResponse> {
    return this.accessLog.read(
      access,
      { action: 'waiting_list', subjectsOf: (list) => list.items.map((entry) => entry.serviceUserId) },
      () => this.waitingList.list(access.principal, query),
    );
  }
}
