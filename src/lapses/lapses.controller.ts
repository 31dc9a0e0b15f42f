import { ServiceUserData } from '../access-log/service-user-data';
import { Controller, Get, Header, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../common/auth/decorators';
import { Principal } from '../common/auth/principal';
import { Clock } from '../common/clock';
import { LapseListQuery, LapseListResponse } from './dto/lapse.dto';
import { LapsesService } from './lapses.service';

/** The coordinators' list of lapsing and lapsed politiattester and vedtak, as of the last daily scan. */
@ApiTags('lapses')
@ApiBearerAuth()
@Controller('lapses')
export class LapsesController {
  constructor(
    private readonly lapses: LapsesService,
    private readonly clock: Clock,
  ) {}

  @Get()
  @ServiceUserData({ action: 'list' })
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ type: LapseListResponse })
  @ApiOperation({
    summary: 'Certificates about to lapse',
    description:
      'Støttekontakter whose politiattest or taushetserklæring lapses within the look-ahead, and the assignments that would be affected.',
  })
  list(@CurrentPrincipal() principal: Principal, @Query() query: LapseListQuery): Promise<LapseListResponse> {
    return this.lapses.list(principal, query);
  }

  @Roles('coordinator', 'admin')
  @Post('scan')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Rescan the municipality now (the daily job does it every morning)',
    description: 'Finds contacts whose politiattest has lapsed or lapses soon, and records what it affects.',
  })
  @ApiOkResponse({ type: LapseListResponse })
  async scan(@CurrentPrincipal() principal: Principal): Promise<LapseListResponse> {
    await this.lapses.scan(principal.municipalityId, this.clock.today());
    return this.lapses.list(principal, {});
  }
}
