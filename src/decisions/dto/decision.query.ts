import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsDateOnly } from '../../common/http/common-validators';
import { PageQuery } from '../../common/http/pagination';

export class DecisionListQuery extends PageQuery {
  @ApiPropertyOptional({ example: '2026-03-01', description: 'Only decisions valid on this date' })
  @IsOptional()
  @IsDateOnly()
  validOn?: string;
}
