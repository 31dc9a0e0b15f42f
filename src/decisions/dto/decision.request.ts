import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsDateOnly, IsDecimal } from '../../common/http/common-validators';
import { QUOTA_PERIODS, QuotaPeriod, SERVICE_FORMS, ServiceForm } from '../decision.entity';

/** A vedtak as registered by a caseworker or coordinator. Decisions are not edited: a new vedtak replaces one. */
export class CreateDecisionRequest {
  @ApiProperty({ enum: SERVICE_FORMS, example: 'individual' })
  @IsIn(SERVICE_FORMS)
  serviceForm!: ServiceForm;

  @ApiProperty({
    example: 4,
    minimum: 0,
    maximum: 744,
    description: 'Hours granted per hoursPeriod, at most 2 decimals',
  })
  @IsDecimal(2)
  @Min(0)
  @Max(744)
  hoursGranted!: number;

  @ApiProperty({ enum: QUOTA_PERIODS, example: 'week' })
  @IsIn(QUOTA_PERIODS)
  hoursPeriod!: QuotaPeriod;

  @ApiPropertyOptional({
    example: 100,
    default: 0,
    minimum: 0,
    description: 'Driving granted per drivingPeriod, km',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100000)
  drivingKmGranted?: number;

  @ApiPropertyOptional({ enum: QUOTA_PERIODS, default: 'month' })
  @IsOptional()
  @IsIn(QUOTA_PERIODS)
  drivingPeriod?: QuotaPeriod;

  @ApiProperty({ example: '2026-01-15', description: 'The date of the vedtak; not in the future' })
  @IsDateOnly()
  decidedOn!: string;

  @ApiProperty({ example: '2026-02-01' }) @IsDateOnly() validFrom!: string;

  @ApiProperty({ example: '2027-01-31', description: 'On or after validFrom' })
  @IsDateOnly()
  validTo!: string;

  @ApiPropertyOptional({
    default: false,
    description:
      'Granted by barnevernstjenesten: only then may a child under school age have a støttekontakt',
  })
  @IsOptional()
  @IsBoolean()
  grantedByChildWelfare?: boolean;

  @ApiPropertyOptional({
    example: '2026-02-01',
    description: 'When the need for a contact arose; defaults to the later of validFrom and decidedOn',
  })
  @IsOptional()
  @IsDateOnly()
  waitingSince?: string;

  @ApiPropertyOptional({ description: 'The reasoned decision (health-related; staff only)' })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  decisionText?: string | null;
}
