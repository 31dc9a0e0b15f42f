import { Controller, Get, Header, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../common/auth/decorators';
import { Principal } from '../common/auth/principal';
import { Page, PageQuery } from '../common/http/pagination';
import { UuidParam } from '../common/http/uuid-param';
import { AccessLogEntry, AccessLogService } from './access-log.service';
import { ServiceUserData } from './service-user-data';
import { ChainVerification } from './access-log-verifier';
import { AccessLogEntryPage } from './dto/access-log-entry.response';
import { ChainVerificationResponse } from './dto/chain-verification.response';

@ApiTags('access-log')
@ApiBearerAuth()
@Controller()
export class AccessLogController {
  constructor(private readonly accessLog: AccessLogService) {}

  /** Who has seen this user's data: read by a coordinator on the user's behalf (the right of access). */
  @Roles('coordinator', 'admin')
  @Get('service-users/:id/access-log')
  // Who looked at a user is itself about that user.
  @ServiceUserData({
    action: 'access_log',
    subjectsOf: (body) => (body as Page<AccessLogEntry>).items.map((entry) => entry.subjectId),
  })
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

  /**
   * Is the log intact? Walks the municipality's hash chain and names the first broken link (a row altered or
   * removed, even by someone who could lift the append-only guard). The same check as `npm run access-log:verify`.
   */
  @Roles('admin')
  @Get('access-log/verification')
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ type: ChainVerificationResponse })
  verify(@CurrentPrincipal() principal: Principal): Promise<ChainVerification> {
    return this.accessLog.verifyChain(principal.municipalityId);
  }
}
