import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  IsIn,
  IsInt,
  IsLatitude,
  IsLongitude,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { Gender, GENDERS } from '../../contacts/contact.entity';
import { COMPANION_CARD_STATES, CompanionCard } from '../service-user.entity';
import {
  IsDateOnly,
  IsInterestList,
  IsLanguageCode,
  IsLanguageList,
  IsPhone,
  IsPostalCode,
} from '../../common/http/common-validators';
import { WeeklySlotDto, WeeklySlots } from '../../common/scheduling/weekly-slot.dto';

const ELEVEN_DIGITS = /^[0-9]{11}$/;
// The message must never contain the value: it is a fødselsnummer.
const NATIONAL_ID_FORMAT = { message: 'nationalId must be exactly 11 digits' };

export class CreateServiceUserRequest {
  @ApiProperty({
    description: 'Fødselsnummer, D-number or H-number (11 digits). Write-only: responses carry it masked.',
    example: '17819000034',
    writeOnly: true,
  })
  @IsString(NATIONAL_ID_FORMAT)
  @MaxLength(11, NATIONAL_ID_FORMAT)
  @Matches(ELEVEN_DIGITS, NATIONAL_ID_FORMAT)
  nationalId!: string;

  @ApiProperty({ example: 'Ola' }) @IsString() @MinLength(1) @MaxLength(100) firstName!: string;
  @ApiProperty({ example: 'Nordmann' }) @IsString() @MinLength(1) @MaxLength(100) lastName!: string;

  @ApiPropertyOptional({
    example: '1990-01-17',
    description: 'Must agree with the date of birth in nationalId; derived from it when omitted',
  })
  @IsOptional()
  @IsDateOnly()
  birthDate?: string;

  @ApiPropertyOptional({ enum: GENDERS }) @IsOptional() @IsIn(GENDERS) gender?: Gender | null;
  @ApiPropertyOptional({ example: '+47 912 34 567' }) @IsOptional() @IsPhone() phone?: string | null;
  @ApiPropertyOptional({ example: ['nb', 'ar'] }) @IsOptional() @IsLanguageList() languages?: string[];

  @ApiPropertyOptional({ example: '0150', description: 'Home location' })
  @IsOptional()
  @IsPostalCode()
  postalCode?: string | null;

  @ApiPropertyOptional({ example: 59.91 })
  @ValidateIf((o: CreateServiceUserRequest) => o.longitude !== undefined || o.latitude !== undefined)
  @IsLatitude()
  latitude?: number;

  @ApiPropertyOptional({ example: 10.75 })
  @ValidateIf((o: CreateServiceUserRequest) => o.longitude !== undefined || o.latitude !== undefined)
  @IsLongitude()
  longitude?: number;

  @ApiPropertyOptional({ example: ['cinema', 'football'] })
  @IsOptional()
  @IsInterestList()
  interests?: string[];

  @ApiPropertyOptional({ type: [WeeklySlotDto], description: 'When the user can meet' })
  @IsOptional()
  @WeeklySlots()
  availability?: WeeklySlotDto[];

  @ApiPropertyOptional({ description: '"Hva er viktig for deg?" in the user\'s own words' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  wishes?: string | null;

  @ApiPropertyOptional({ enum: GENDERS, description: 'Preferred gender of the støttekontakt' })
  @IsOptional()
  @IsIn(GENDERS)
  preferredContactGender?: Gender | null;

  @ApiPropertyOptional({ example: 'nb', description: 'Preferred language of the støttekontakt (ISO 639)' })
  @IsOptional()
  @IsLanguageCode()
  preferredLanguage?: string | null;

  @ApiPropertyOptional({ minimum: 18, maximum: 100, description: 'Youngest støttekontakt wanted' })
  @IsOptional()
  @IsInt()
  @Min(18)
  @Max(100)
  preferredContactAgeMin?: number | null;

  @ApiPropertyOptional({ minimum: 18, maximum: 100, description: 'Oldest støttekontakt wanted' })
  @IsOptional()
  @IsInt()
  @Min(18)
  @Max(100)
  preferredContactAgeMax?: number | null;

  @ApiPropertyOptional({ description: 'Parent or guardian, for a child' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  guardianName?: string | null;

  @ApiPropertyOptional() @IsOptional() @IsPhone() guardianPhone?: string | null;

  @ApiPropertyOptional({
    enum: COMPANION_CARD_STATES,
    nullable: true,
    description: 'Ledsagerbevis: the user has one, has applied, or has none (null: not recorded)',
  })
  @IsOptional()
  @IsIn(COMPANION_CARD_STATES)
  companionCard?: CompanionCard | null;
}

export class UpdateServiceUserRequest extends PartialType(CreateServiceUserRequest) {}

/** Finds a user by fødselsnummer; a POST body, because the number must never be in a URL. */
export class LookupServiceUserRequest {
  @ApiProperty({ description: 'Fødselsnummer, D-number or H-number (11 digits)', example: '17819000034' })
  @IsString(NATIONAL_ID_FORMAT)
  @MaxLength(11, NATIONAL_ID_FORMAT)
  @Matches(ELEVEN_DIGITS, NATIONAL_ID_FORMAT)
  nationalId!: string;
}
