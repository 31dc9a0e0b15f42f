import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsUUID } from 'class-validator';
import { PageQuery } from '../../common/http/pagination';
import { QueryBoolean } from '../../common/http/query-transforms';

export class AssignmentListQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all') contactId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all') serviceUserId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all') groupId?: string;

  @ApiPropertyOptional({
    description: 'true: not ended, or ending today or later (they take capacity); false: ended before today',
  })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  active?: boolean;
}
