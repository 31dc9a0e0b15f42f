import { Controller, Get, Header, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
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
  @ApiOperation({
    summary: "A service user's access log",
    description:
      "Who read this user's data, when, how and through which request, newest first. Reading the log is itself logged.",
  })
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
  @ApiOperation({
    summary: "Verify the access log's hash chain",
    description:
      "Recomputes the SHA-256 chain of the municipality's access log from its first row and answers whether every row is intact, or the first row where the chain breaks.",
  })
  verify(@CurrentPrincipal() principal: Principal): Promise<ChainVerification> {
    return this.accessLog.verifyChain(principal.municipalityId);
  }
}
