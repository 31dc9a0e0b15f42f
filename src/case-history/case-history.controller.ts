import { Controller, Get, Header, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Access, AccessContext } from '../access-log/access-context';
import { AccessLogService } from '../access-log/access-log.service';
import { UuidParam } from '../common/http/uuid-param';
import { ServiceUsersService } from '../service-users/service-users.service';
import { CaseEventResponse, caseEventsOfUser } from './case-events';

/** A user's case history: staff only (no @Roles). */
@ApiTags('introductions')
@ApiBearerAuth()
@Controller('service-users/:id/case-history')
export class CaseHistoryController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly serviceUsers: ServiceUsersService,
    private readonly accessLog: AccessLogService,
  ) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: "Every state change of the user's proposals, introductions and assignments, oldest first",
    description:
      "The whole story of the user's case: what was proposed, introduced, started and ended, by whom and when.",
  })
  @ApiOkResponse({ type: [CaseEventResponse] })
  list(@Access() access: AccessContext, @Param('id', UuidParam) id: string): Promise<CaseEventResponse[]> {
    const { municipalityId } = access.principal;
    return this.accessLog.read(
      access,
      { action: 'case_history', subjectsOf: () => [id], refusedSubject: id },
      async () => {
        await this.serviceUsers.assertExists(municipalityId, id);
        return caseEventsOfUser(this.dataSource.manager, municipalityId, id);
      },
    );
  }
}
