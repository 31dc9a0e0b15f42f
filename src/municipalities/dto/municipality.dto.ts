import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { OptionalNotNull } from '../../common/http/common-validators';
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
  @ApiProperty({ type: 'integer', format: 'int32' }) policeCertificateMaxAgeDays!: number;
  @ApiProperty({ type: 'integer', format: 'int32' }) policeCertificateValidityMonths!: number;

  static from(m: Municipality): MunicipalityResponse {
    return {
      id: m.id,
      name: m.name,
      code: m.code,
      policeCertificateMaxAgeDays: m.policeCertificateMaxAgeDays,
      policeCertificateValidityMonths: m.policeCertificateValidityMonths,
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
    description: 'Max age of a politiattest when presented, in days',
    minimum: 1,
    maximum: 3650,
  })
  @OptionalNotNull()
  @IsInt()
  @Min(1)
  @Max(3650)
  policeCertificateMaxAgeDays?: number;

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
}

export class InterestResponse {
  @ApiProperty() code!: string;
  @ApiProperty() label!: string;

  static from(i: Interest): InterestResponse {
    return { code: i.code, label: i.label };
  }
}

export class CreateInterestRequest {
  @ApiProperty({ example: 'climbing', pattern: '^[a-z][a-z0-9_]{1,39}$' })
  @Matches(/^[a-z][a-z0-9_]{1,39}$/, { message: 'code must be 2–40 lowercase letters, digits or _' })
  code!: string;

  @ApiProperty({ example: 'Klatring' })
  @IsString()
  @MinLength(1)
  @MaxLength(80)
  label!: string;
}
