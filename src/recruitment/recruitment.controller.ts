import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, RateLimit } from '../common/auth/decorators';
import { RATE_LIMITS } from '../common/auth/rate-limits';
import { Principal } from '../common/auth/principal';
import { UuidParam } from '../common/http/uuid-param';
import { RecruitmentResponse } from './dto/recruitment.response';
import { RecruitmentService } from './recruitment.service';

@ApiTags('matching')
@ApiBearerAuth()
@Controller()
export class RecruitmentController {
  constructor(private readonly recruitment: RecruitmentService) {}

  /**
   * Which støttekontakter to recruit so that the most users this run left waiting get one, longest waiting first.
   * Aggregate data (counts, postal codes, waiting days; no user named), so no access-log row, like the run's summary.
   */
  @RateLimit(RATE_LIMITS.recruitment)
  @Get('matching-runs/:id/recruitment')
  @ApiOperation({
    summary:
      'Whom to recruit: the støttekontakt profiles that would serve the most users the run left waiting',
    description:
      'Up to 10 profiles (area, weekly times, interests, language, driving, capacity), chosen with the matching ' +
      'engine itself by greedy marginal gain, longest waiting first, each with whom it would serve in words; and ' +
      'the forecast of who would still wait. Aggregate only: no user is named.',
  })
  @ApiOkResponse({ type: RecruitmentResponse })
  @ApiConflictResponse({
    description:
      'run_not_completed: the run is queued, running or failed; recruitment_not_computed: a run from before plans',
  })
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam) id: string,
  ): Promise<RecruitmentResponse> {
    const { runDate, plan, rates } = await this.recruitment.planOf(principal, id);
    return RecruitmentResponse.from(id, runDate, plan, rates);
  }
}
