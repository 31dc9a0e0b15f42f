import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

const WITH_ZONE = /(Z|[+-]\d{2}:\d{2})$/;

export class CreateBusyTimeRequest {
  @ApiProperty({ example: '2026-12-01T08:00:00Z' })
  @IsISO8601({ strict: true, strictSeparator: true })
  @Matches(WITH_ZONE, { message: 'startsAt must give its time zone (Z or +01:00)' })
  startsAt!: string;

  @ApiProperty({ example: '2026-12-01T11:00:00Z', description: 'After startsAt; at most 14 days later' })
  @IsISO8601({ strict: true, strictSeparator: true })
  @Matches(WITH_ZONE, { message: 'endsAt must give its time zone (Z or +01:00)' })
  endsAt!: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  note?: string;
}

export class BusyTimeQuery {
  @ApiPropertyOptional({ description: 'From this instant (default: now)' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  from?: string;

  @ApiPropertyOptional({ description: 'Until this instant (default: 60 days after from)' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  to?: string;
}

export class BusyTimeResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'date-time' }) startsAt!: string;
  @ApiProperty({ format: 'date-time' }) endsAt!: string;
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
  @ApiProperty({
    enum: ['busy', 'introduction'],
    description: 'A busy time, or a booked introduction meeting',
  })
  kind!: 'busy' | 'introduction';
}
