import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMinSize,
  IsInt,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsInterestCode, OptionalNotNull } from '../../common/http/common-validators';
import { WeeklySlotDto, WeeklySlots } from '../../common/scheduling/weekly-slot.dto';
import { Interest, MunicipalMatchingSettings, Municipality } from '../municipality.entity';
import { MatchingSettingsRequest } from './matching-settings.dto';
import { Type } from 'class-transformer';

export class MunicipalityResponse {
  @ApiProperty({
    description: 'Matching settings that differ from the defaults',
    type: MatchingSettingsRequest,
  })
  matching!: MunicipalMatchingSettings;
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true, type: String }) code!: string | null;
  @ApiProperty({
    type: 'integer',
    format: 'int32',
    description:
      'Max age of a politiattest in calendar months, when presented and when an oppdragsavtale is signed',
  })
  policeCertificateMaxAgeMonths!: number;
  @ApiProperty({ type: 'integer', format: 'int32' }) policeCertificateValidityMonths!: number;
  @ApiProperty({
    type: [WeeklySlotDto],
    description: 'When introduction meetings may be suggested and booked (Europe/Oslo wall-clock)',
  })
  meetingHours!: WeeklySlotDto[];

  static from(m: Municipality): MunicipalityResponse {
    return {
      id: m.id,
      name: m.name,
      code: m.code,
      policeCertificateMaxAgeMonths: m.policeCertificateMaxAgeMonths,
      policeCertificateValidityMonths: m.policeCertificateValidityMonths,
      meetingHours: m.meetingHours,
      matching: m.matchingSettings,
    };
  }
}

export class UpdateMunicipalitySettingsRequest {
  @ApiPropertyOptional({
    type: MatchingSettingsRequest,
    description: 'Merged into the current matching settings',
  })
  @OptionalNotNull()
  @ValidateNested()
  @Type(() => MatchingSettingsRequest)
  matching?: MatchingSettingsRequest;

  @ApiPropertyOptional({
    description:
      'Max age of a politiattest in calendar months (same day-of-month, clamped to the month end), ' +
      'when presented and when an oppdragsavtale is signed',
    minimum: 1,
    maximum: 24,
  })
  @OptionalNotNull()
  @IsInt()
  @Min(1)
  @Max(24)
  policeCertificateMaxAgeMonths?: number;

  @ApiPropertyOptional({
    description: 'A politiattest must be renewed after this many months',
    minimum: 1,
    maximum: 120,
  })
  @OptionalNotNull()
  @IsInt()
  @Min(1)
  @Max(120)
  policeCertificateValidityMonths?: number;

  @ApiPropertyOptional({
    type: [WeeklySlotDto],
    description:
      'When introduction meetings may be suggested and booked (Europe/Oslo); replaces the current list; ' +
      'at least one slot',
  })
  @OptionalNotNull()
  @WeeklySlots()
  @ArrayMinSize(1)
  meetingHours?: WeeklySlotDto[];
}

export class InterestResponse {
  @ApiProperty() code!: string;
  @ApiProperty() label!: string;

  static from(i: Interest): InterestResponse {
    return { code: i.code, label: i.label };
  }
}

export class CreateInterestRequest {
  @ApiProperty({ example: 'climbing' })
  @IsInterestCode()
  code!: string;

  @ApiProperty({ example: 'Klatring' })
  @IsString()
  @MinLength(1)
  @MaxLength(80)
  label!: string;
}
