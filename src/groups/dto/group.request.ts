import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  IsLatitude,
  IsLongitude,
  IsOptional,
  IsPositive,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { IsDateOnly, IsInterestList, IsPostalCode, IsDecimal } from '../../common/http/common-validators';
import { WeeklySlotDto, WeeklySlots } from '../../common/scheduling/weekly-slot.dto';

export class CreateGroupRequest {
  @ApiProperty({ example: 'Turgruppa Grünerløkka' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name!: string;

  @ApiPropertyOptional({
    example: ['walks', 'cafe'],
    description: "Codes from the municipality's vocabulary",
  })
  @IsOptional()
  @IsInterestList()
  interests?: string[];

  @ApiPropertyOptional({ example: '0550', description: 'Where the group meets' })
  @IsOptional()
  @IsPostalCode()
  postalCode?: string | null;

  @ApiPropertyOptional({ example: 59.92 })
  @ValidateIf((o: CreateGroupRequest) => o.longitude !== undefined || o.latitude !== undefined)
  @IsLatitude()
  latitude?: number;

  @ApiPropertyOptional({ example: 10.76 })
  @ValidateIf((o: CreateGroupRequest) => o.longitude !== undefined || o.latitude !== undefined)
  @IsLongitude()
  longitude?: number;

  @ApiPropertyOptional({ type: [WeeklySlotDto], description: 'When the group meets each week' })
  @IsOptional()
  @WeeklySlots()
  meetingTimes?: WeeklySlotDto[];
}

/** Name, interests, area and meeting times; status changes only through the actions (activate, close). */
export class UpdateGroupRequest extends PartialType(CreateGroupRequest) {}

export class AddGroupMemberRequest {
  @ApiProperty({
    format: 'uuid',
    description: 'A service user whose current vedtak grants an activity group',
  })
  @IsUUID('all')
  serviceUserId!: string;
}

export class AddGroupContactRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  contactId!: string;

  @ApiProperty({ example: '2026-09-01' })
  @IsDateOnly()
  startsOn!: string;

  @ApiProperty({ example: 3, description: "Hours a week the group takes of the contact's capacity" })
  @IsDecimal(2)
  @IsPositive()
  @Max(80)
  weeklyHours!: number;
}

export class CloseGroupRequest {
  @ApiPropertyOptional({
    example: '2026-12-31',
    description:
      "Last day of the group's open assignments (default today; never before an assignment's start)",
  })
  @IsOptional()
  @IsDateOnly()
  closedOn?: string;
}
