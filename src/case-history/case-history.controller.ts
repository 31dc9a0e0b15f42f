import { Controller, Get, Header, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessLogged, subjects } from '../access-log/access-logged.decorator';
import { CurrentPrincipal } from '../common/auth/decorators';
import { Principal } from '../common/auth/principal';
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
  ) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  @AccessLogged({
    subjectType: 'service_user',
    action: 'case_history',
    subjectsOf: subjects.param('id'),
    deniedSubjectOf: subjects.paramIfUuid('id'),
  })
  @ApiOperation({
    summary: "Every state change of the user's proposals, introductions and assignments, oldest first",
  })
  @ApiOkResponse({ type: [CaseEventResponse] })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam) id: string,
  ): Promise<CaseEventResponse[]> {
    await this.serviceUsers.assertExists(principal.municipalityId, id);
    return caseEventsOfUser(this.dataSource.manager, principal.municipalityId, id);
  }
}
