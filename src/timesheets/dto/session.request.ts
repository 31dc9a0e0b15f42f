import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { Type } from 'class-transformer';
import { IsDateOnly, IsDecimal, IsTimeOfDay } from '../../common/http/common-validators';

/** One outlay of the contact's on a session, in a category the municipality set. */
export class ExpenseLineRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID() categoryId!: string;

  @ApiProperty({ example: 18000, description: 'What the contact paid, in øre' })
  @IsInt()
  @Min(1)
  @Max(10_000_000)
  amountOre!: number;

  @ApiPropertyOptional({
    example: 1,
    default: 1,
    description: 'Units bought (a per-unit category covers each)',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  quantity?: number;

  @ApiPropertyOptional({ maxLength: 200 }) @IsOptional() @IsString() @MaxLength(200) note?: string;
}

/** What happened: shared by a new session and a correction. */
export class SessionFields {
  @ApiProperty({ example: '2026-01-22' }) @IsDateOnly() date!: string;

  @ApiProperty({ example: '17:00' })
  @IsTimeOfDay('start must be a time HH:MM')
  start!: string;

  @ApiProperty({ example: '19:30', description: 'On the same day; 24:00 is midnight' })
  @IsTimeOfDay('end must be a time HH:MM (24:00 for midnight)')
  end!: string;

  @ApiProperty({ example: 'Kino og kafé' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  activity!: string;

  @ApiPropertyOptional({ example: 12.5, description: 'Km driven with the user(s) as passenger, 1 decimal' })
  @IsOptional()
  @IsDecimal(1)
  @Min(0)
  @Max(10_000)
  km?: number;

  @ApiPropertyOptional({
    type: () => [ExpenseLineRequest],
    description:
      "The contact's own outlays, each in one of the municipality's categories (GET /compensation/expense-categories); covered by the category's rule, never as an open amount",
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => ExpenseLineRequest)
  expenses?: ExpenseLineRequest[];

  @ApiPropertyOptional({
    type: [String],
    description: 'Group sessions: the members present (each counts the session against their own vedtak)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(6)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  presentServiceUserIds?: string[];
}

export class CreateSessionRequest extends SessionFields {
  @ApiProperty() @IsUUID() assignmentId!: string;
}

/** A correction of a session on a signed timesheet: the whole session as it should have been, and why. */
export class CorrectSessionRequest extends SessionFields {
  @ApiProperty({ example: 'Sluttid var 19:00, ikke 19:30' })
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  reason!: string;
}
