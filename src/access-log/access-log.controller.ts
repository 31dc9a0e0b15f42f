import { Controller, Get, Header, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../common/auth/decorators';
import { Principal } from '../common/auth/principal';
import { Page, PageQuery } from '../common/http/pagination';
import { UuidParam } from '../common/http/uuid-param';
import { AccessLogEntry, AccessLogService } from './access-log.service';
import { AccessLogEntryPage } from './dto/access-log-entry.response';

@ApiTags('access-log')
@ApiBearerAuth()
@Controller()
export class AccessLogController {
  constructor(private readonly accessLog: AccessLogService) {}

  /** Who has seen this user's data: read by a coordinator on the user's behalf (the right of access). */
  @Roles('coordinator', 'admin')
  @Get('service-users/:id/access-log')
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ type: AccessLogEntryPage })
  async forServiceUser(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam) id: string,
    @Query() query: PageQuery,
  ): Promise<Page<AccessLogEntry>> {
    await this.accessLog.assertSubjectInMunicipality(principal.municipalityId, id);
    return this.accessLog.forSubject(principal.municipalityId, id, query);
  }
}
