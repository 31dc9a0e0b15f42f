import { ApiProperty, ApiPropertyOptional, PartialType, PickType } from '@nestjs/swagger';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsLatitude,
  IsLongitude,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import {
  IsDateOnly,
  IsInterestList,
  IsLanguageList,
  IsPhone,
  IsPostalCode,
  IsDecimal,
} from '../../common/http/common-validators';
import { WeeklySlotDto, WeeklySlots } from '../../common/scheduling/weekly-slot.dto';
import { Gender, GENDERS } from '../contact.entity';

export class CreateContactRequest {
  @ApiProperty({ example: 'Kari' }) @IsString() @MinLength(1) @MaxLength(100) firstName!: string;
  @ApiProperty({ example: 'Nordmann' }) @IsString() @MinLength(1) @MaxLength(100) lastName!: string;
  @ApiPropertyOptional({ example: 'kari@example.no' }) @IsOptional() @IsEmail() @MaxLength(200) email?:
    string | null;
  @ApiPropertyOptional({ example: '+47 912 34 567' }) @IsOptional() @IsPhone() phone?: string | null;

  @ApiProperty({ example: 1990, description: 'Contacts are adults (18+)' })
  @IsInt()
  @Min(1900)
  @Max(2100)
  birthYear!: number;

  @ApiPropertyOptional({ enum: GENDERS }) @IsOptional() @IsIn(GENDERS) gender?: Gender | null;
  @ApiPropertyOptional({ example: ['nb', 'en'] }) @IsOptional() @IsLanguageList() languages?: string[];
  @ApiPropertyOptional({ example: '0150' }) @IsOptional() @IsPostalCode() postalCode?: string | null;

  @ApiPropertyOptional({ example: 59.91 })
  @ValidateIf((o: CreateContactRequest) => o.longitude !== undefined || o.latitude !== undefined)
  @IsLatitude()
  latitude?: number;

  @ApiPropertyOptional({ example: 10.75 })
  @ValidateIf((o: CreateContactRequest) => o.longitude !== undefined || o.latitude !== undefined)
  @IsLongitude()
  longitude?: number;

  @ApiPropertyOptional({ example: ['hiking', 'cinema'] })
  @IsOptional()
  @IsInterestList()
  interests?: string[];

  @ApiPropertyOptional({ type: [WeeklySlotDto] }) @IsOptional() @WeeklySlots() availability?: WeeklySlotDto[];

  @ApiPropertyOptional({ description: 'Most users at once', default: 1, minimum: 0, maximum: 50 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(50)
  maxUsers?: number;

  @ApiPropertyOptional({ description: 'Most hours a week', default: 6, minimum: 0, maximum: 80 })
  @IsOptional()
  @IsDecimal(2)
  @Min(0)
  @Max(80)
  maxWeeklyHours?: number;

  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() drivesOwnCar?: boolean;

  @ApiPropertyOptional({ description: 'politiattest issued by the police', example: '2026-10-01' })
  @IsOptional()
  @IsDateOnly()
  policeCertificateIssuedOn?: string | null;

  @ApiPropertyOptional({ description: 'politiattest presented to the municipality', example: '2026-10-15' })
  @IsOptional()
  @IsDateOnly()
  policeCertificatePresentedOn?: string | null;

  @ApiPropertyOptional({ description: 'taushetserklæring signed', example: '2026-10-15' })
  @IsOptional()
  @IsDateOnly()
  confidentialitySignedOn?: string | null;

  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean() active?: boolean;
}

export class UpdateContactRequest extends PartialType(CreateContactRequest) {}

/** What a støttekontakt may change in their own profile: contact details, interests and availability. */
export class UpdateOwnProfileRequest extends PartialType(
  PickType(CreateContactRequest, [
    'email',
    'phone',
    'languages',
    'interests',
    'availability',
    'drivesOwnCar',
  ] as const),
) {}
