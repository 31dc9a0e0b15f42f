import { Controller, Get, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckResult, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import type { FastifyReply } from 'fastify';
import { Public, Unthrottled } from '../common/auth/decorators';
import { AppConfig } from '../config/app-config.service';
import { HealthReportResponse } from './health-report.response';
import { RedisHealthIndicator } from './redis.health';

type HealthReport = HealthCheckResult & { localSigner: 'enabled' | 'disabled' };

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly redis: RedisHealthIndicator,
    private readonly config: AppConfig,
  ) {}

  /**
   * Readiness: 200 when PostgreSQL and Redis answer; 503 with terminus' own report (which part is down) otherwise,
   * so a load balancer and an operator both see why. `localSigner` says whether development tokens are accepted,
   * so a demo configuration running in production is seen at a glance.
   */
  @Public()
  @Unthrottled()
  @Get()
  @HealthCheck({ swaggerDocumentation: false })
  @ApiOperation({
    summary: 'Readiness of the API, PostgreSQL and Redis',
    description:
      'For load balancers and operators: 200 when PostgreSQL and Redis answer, 503 with which part is down. ' +
      '`localSigner` says whether development tokens are accepted (it must say `disabled` in production).',
  })
  @ApiOkResponse({ type: HealthReportResponse })
  @ApiServiceUnavailableResponse({ description: 'A dependency is down', type: HealthReportResponse })
  async check(@Res({ passthrough: true }) response: FastifyReply): Promise<HealthReport> {
    const localSigner = this.config.get('LOCAL_SIGNER_ENABLED') ? 'enabled' : 'disabled';
    try {
      const result = await this.health.check([
        () => this.database.pingCheck('postgres', { timeout: 1500 }),
        () => this.redis.isHealthy('redis'),
      ]);
      return { ...result, localSigner };
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      response.status(503);
      return { ...(error.getResponse() as HealthCheckResult), localSigner };
    }
  }
}
