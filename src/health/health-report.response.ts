import { ApiProperty } from '@nestjs/swagger';
import { keyedBy } from '../common/openapi/keyed-by';

/** The parts /health checks, as terminus names them in its report. */
const DEPENDENCIES = ['postgres', 'redis'] as const;

const DEPENDENCY_STATE = {
  type: 'object',
  required: ['status'],
  properties: {
    status: { type: 'string', enum: ['up', 'down'] },
    message: { type: 'string', maxLength: 500, description: 'Why it is down' },
  },
};

/** What /health answers: terminus' report and whether the local development signer is on. */
export class HealthReportResponse {
  @ApiProperty({ enum: ['ok', 'error', 'shutting_down'] }) status!: string;
  @ApiProperty({ ...keyedBy(DEPENDENCIES, DEPENDENCY_STATE), description: 'The parts that are up' })
  info!: object;
  @ApiProperty({ ...keyedBy(DEPENDENCIES, DEPENDENCY_STATE), description: 'The parts that are down' })
  error!: object;
  @ApiProperty({ ...keyedBy(DEPENDENCIES, DEPENDENCY_STATE), description: 'Every part' })
  details!: object;
  @ApiProperty({ enum: ['enabled', 'disabled'] }) localSigner!: 'enabled' | 'disabled';
}
