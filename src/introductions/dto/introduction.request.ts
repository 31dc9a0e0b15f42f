import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { Type } from 'class-transformer';
import { IsDateOnly } from '../../common/http/common-validators';
import { PageQuery } from '../../common/http/pagination';
import { INTRODUCTION_STATUSES, IntroductionStatus } from '../transitions';

/** Why a pair was declined; kept for reporting. */
export const DECLINE_REASONS = [
  'distance',
  'gender',
  'age',
  'language',
  'interests',
  'personality',
  'schedule',
  'contact_unavailable',
  'user_unavailable',
  'other',
] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];

export const DECLINED_BY = ['user', 'contact', 'both', 'coordinator'] as const;
export type DeclinedBy = (typeof DECLINED_BY)[number];

/** A login subject, as the saksbehandler's identity in the calendar. */
export const CASEWORKER_PATTERN = /^[A-Za-z0-9._@:|-]{1,200}$/;

export class DeclineRequest {
  @ApiProperty({ enum: DECLINE_REASONS })
  @IsIn(DECLINE_REASONS)
  reason!: DeclineReason;

  @ApiPropertyOptional({ enum: DECLINED_BY, default: 'coordinator' })
  @IsOptional()
  @IsIn(DECLINED_BY)
  declinedBy?: DeclinedBy;

  @ApiPropertyOptional({ maxLength: 1000, description: 'Staff only' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

/** A contact picked by hand: the same hard rules as accepting a proposal. */
export class CreateIntroductionRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all') serviceUserId!: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID('all') contactId!: string;
}

export class BookIntroductionRequest {
  @ApiProperty({
    example: '2026-12-01T16:30:00.000Z',
    description: 'An instant with a time zone, in the future',
  })
  @IsISO8601({ strict: true, strictSeparator: true })
  @Matches(/(Z|[+-]\d{2}:\d{2})$/, { message: 'startsAt must give its time zone (Z or +01:00)' })
  startsAt!: string;

  @ApiPropertyOptional({ default: 60, minimum: 15, maximum: 240 })
  @IsOptional()
  @IsInt()
  @Min(15)
  @Max(240)
  durationMinutes?: number;

  @ApiPropertyOptional({
    description: 'The saksbehandler holding the meeting (login subject); defaults to you',
  })
  @IsOptional()
  @MaxLength(200)
  @Matches(CASEWORKER_PATTERN, { message: 'caseworker must be a login subject' })
  caseworker?: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  location?: string;
}

export class OutcomeRequest {
  @ApiProperty({
    description: 'true: both want to go on and the assignment starts; false: the pair is declined',
  })
  @IsBoolean()
  continue!: boolean;

  @ApiPropertyOptional({
    example: '2026-12-07',
    description: 'Start of the assignment; required when continue',
  })
  @ValidateIf((o: OutcomeRequest) => o.continue === true || o.startsOn !== undefined)
  @IsDateOnly()
  startsOn?: string;

  @ApiPropertyOptional({ enum: DECLINE_REASONS, description: 'Required when not continue' })
  @ValidateIf((o: OutcomeRequest) => o.continue === false || o.reason !== undefined)
  @IsIn(DECLINE_REASONS)
  reason?: DeclineReason;

  @ApiPropertyOptional({ enum: DECLINED_BY })
  @IsOptional()
  @IsIn(DECLINED_BY)
  declinedBy?: DeclinedBy;

  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class IntroductionListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: INTRODUCTION_STATUSES })
  @IsOptional()
  @IsIn(INTRODUCTION_STATUSES)
  status?: IntroductionStatus;

  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all') serviceUserId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all') contactId?: string;
}

export class SuggestedTimesQuery {
  @ApiPropertyOptional({ description: 'The saksbehandler (login subject); defaults to you' })
  @IsOptional()
  @MaxLength(200)
  @Matches(CASEWORKER_PATTERN, { message: 'caseworker must be a login subject' })
  caseworker?: string;

  @ApiPropertyOptional({ default: 5, minimum: 1, maximum: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(20)
  count = 5;

  @ApiPropertyOptional({ default: 60, minimum: 15, maximum: 240 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(15)
  @Max(240)
  durationMinutes = 60;

  @ApiPropertyOptional({ default: 28, minimum: 1, maximum: 90, description: 'Days to look ahead' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(90)
  days = 28;
}
