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
} from 'class-validator';
import { IsDateOnly, IsDecimal, IsTimeOfDay } from '../../common/http/common-validators';

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

  @ApiPropertyOptional({ example: 0, description: "The contact's own outlays, in øre" })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  expensesOre?: number;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) expensesNote?: string;

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
