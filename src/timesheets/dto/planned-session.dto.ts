import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { IsDateOnly, IsTimeOfDay } from '../../common/http/common-validators';

/** A time the contact plans to meet their user: the time and the assignment only, nothing about what or why. */
export class CreatePlannedSessionRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID() assignmentId!: string;
  @ApiProperty({ example: '2026-12-10' }) @IsDateOnly() date!: string;

  @ApiProperty({ example: '17:00' })
  @IsTimeOfDay('start must be a time HH:MM')
  start!: string;

  @ApiProperty({ example: '19:00', description: 'On the same day; 24:00 is midnight' })
  @IsTimeOfDay('end must be a time HH:MM (24:00 for midnight)')
  end!: string;
}

export class PlannedSessionResponse extends CreatePlannedSessionRequest {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() createdAt!: Date;
}
