import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsInterestCode, IsPostalCode } from '../../common/http/common-validators';
import { PageQuery } from '../../common/http/pagination';
import { QueryBoolean } from '../../common/http/query-transforms';
import { GROUP_STATUSES, GroupStatus } from '../activity-group.entity';

export class GroupListQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Part of the name' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: GROUP_STATUSES }) @IsOptional() @IsIn(GROUP_STATUSES) status?: GroupStatus;

  @ApiPropertyOptional({ description: 'Has this interest code' })
  @IsOptional()
  @IsInterestCode()
  interest?: string;

  @ApiPropertyOptional() @IsOptional() @IsPostalCode() postalCode?: string;

  @ApiPropertyOptional({ description: 'true: fewer than 6 members; false: full' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  hasOpenSeats?: boolean;
}
