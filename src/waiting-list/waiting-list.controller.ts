import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccessLogged, subjects } from '../access-log/access-logged.decorator';
import { CurrentPrincipal } from '../common/auth/decorators';
import { Principal } from '../common/auth/principal';
import { WaitingListQuery, WaitingListResponse } from './dto/waiting-list.dto';
import { WaitingListService } from './waiting-list.service';

/** Staff only (no @Roles): a støttekontakt gets 403. */
@ApiTags('waiting-list')
@ApiBearerAuth()
@Controller('waiting-list')
export class WaitingListController {
  constructor(private readonly waitingList: WaitingListService) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  @AccessLogged({
    subjectType: 'service_user',
    action: 'waiting_list',
    subjectsOf: subjects.itemField('serviceUserId'),
  })
  @ApiOperation({
    summary:
      "Everyone waiting for a contact, longest first: since when, days, Helsedirektoratet's band and the case state",
  })
  @ApiOkResponse({ type: WaitingListResponse })
  list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: WaitingListQuery,
  ): Promise<WaitingListResponse> {
    return this.waitingList.list(principal, query);
  }
}
