import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

export class LapseListQuery {
  @ApiPropertyOptional({ enum: ['police_certificate', 'decision'] })
  @IsOptional()
  @IsIn(['police_certificate', 'decision'])
  kind?: 'police_certificate' | 'decision';

  @ApiPropertyOptional({ enum: ['lapsing', 'lapsed'] })
  @IsOptional()
  @IsIn(['lapsing', 'lapsed'])
  status?: 'lapsing' | 'lapsed';
}

/** A politiattest (of a contact) or a vedtak (of a user) that lapses within 30 days or has lapsed. */
export class LapseResponse {
  @ApiProperty({ enum: ['police_certificate', 'decision'] }) kind!: 'police_certificate' | 'decision';
  @ApiProperty({ format: 'uuid', description: 'The contact (politiattest) or the decision (vedtak)' })
  subjectId!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) contactId!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) serviceUserId!: string | null;
  @ApiProperty() firstName!: string;
  @ApiProperty() lastName!: string;
  @ApiProperty({ format: 'date', example: '2026-12-14', description: 'The last valid day' })
  validUntil!: string;
  @ApiProperty({ enum: ['lapsing', 'lapsed'] }) status!: 'lapsing' | 'lapsed';
  @ApiProperty({ type: 'integer', format: 'int32', description: 'Open assignments affected (flagged)' })
  openAssignments!: number;
}

export class LapseListResponse {
  @ApiProperty({ format: 'date', nullable: true, type: String, description: 'The date of the last scan' })
  scannedOn!: string | null;
  @ApiProperty({ type: 'integer', format: 'int32', example: 30 }) warningDays!: number;
  @ApiProperty({ type: [LapseResponse] }) items!: LapseResponse[];
}
