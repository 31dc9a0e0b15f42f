import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { IsDateOnly, IsDecimal } from '../../common/http/common-validators';

/** A coordinator lets one quota period of a vedtak go beyond what was granted, with a reason. */
export class CreateOverrunRequest {
  @ApiProperty() @IsUUID() decisionId!: string;

  @ApiProperty({ enum: ['hours', 'km'] }) @IsIn(['hours', 'km']) kind!: 'hours' | 'km';

  @ApiProperty({ example: '2026-01-22', description: 'Any day in the quota period the overrun is for' })
  @IsDateOnly()
  date!: string;

  @ApiProperty({ example: 2, description: 'Extra hours (2 decimals) or km (1 decimal) for that period' })
  @IsDecimal(2)
  @Min(0.01)
  @Max(744)
  extra!: number;

  @ApiProperty({ example: 'Ekstra tid i forbindelse med ferietur' })
  @IsString()
  @MinLength(3)
  @MaxLength(1000)
  reason!: string;
}

export class OverrunListQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() decisionId?: string;
}

export class OverrunResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) decisionId!: string;
  @ApiProperty({ enum: ['hours', 'km'] }) kind!: 'hours' | 'km';
  @ApiProperty({ format: 'date' }) periodStart!: string;
  @ApiProperty({ format: 'date' }) periodEnd!: string;
  @ApiProperty({ description: 'Hours or km' }) extra!: number;
  @ApiProperty() reason!: string;
  @ApiProperty() approvedBy!: string;
  @ApiProperty() createdAt!: Date;
}
