import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { IsDateOnly } from '../../common/http/common-validators';
import { PageQuery } from '../../common/http/pagination';

export class SessionListQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() assignmentId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() timesheetId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() contactId?: string;
  @ApiPropertyOptional({ example: '2026-01-21' }) @IsOptional() @IsDateOnly() from?: string;
  @ApiPropertyOptional({ example: '2026-02-20' }) @IsOptional() @IsDateOnly() to?: string;
}

export class QuotaQuery {
  @ApiProperty() @IsUUID() assignmentId!: string;
  @ApiPropertyOptional({ description: 'Default today' }) @IsOptional() @IsDateOnly() date?: string;
}

export class TimesheetListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['open', 'signed', 'approved'] })
  @IsOptional()
  @IsIn(['open', 'signed', 'approved'])
  status?: 'open' | 'signed' | 'approved';
  @ApiPropertyOptional() @IsOptional() @IsUUID() assignmentId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() contactId?: string;
  @ApiPropertyOptional({ example: '2026-01-21' }) @IsOptional() @IsDateOnly() periodStart?: string;
}
