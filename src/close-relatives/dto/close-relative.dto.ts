import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

export class CreateCloseRelativeRequest {
  @ApiProperty({ format: 'uuid', description: 'The service user the contact is a close relative of' })
  @IsUUID('all')
  serviceUserId!: string;

  @ApiPropertyOptional({ example: 'tante', description: 'How they are related (free text)', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  relation?: string;
}

export interface CloseRelativeRow {
  contact_id: string;
  service_user_id: string;
  relation: string | null;
  recorded_by: string;
  recorded_by_role: string;
  created_at: Date;
}

/** nær pårørende: the pair is never proposed, introduced, assigned or seated in one group. */
export class CloseRelativeResponse {
  @ApiProperty({ format: 'uuid' }) contactId!: string;
  @ApiProperty({ format: 'uuid' }) serviceUserId!: string;
  @ApiProperty({ nullable: true, type: String }) relation!: string | null;
  @ApiProperty({ description: 'Who recorded it (login subject)' }) recordedBy!: string;
  @ApiProperty({ enum: ['coordinator', 'caseworker', 'admin', 'contact'] }) recordedByRole!: string;
  @ApiProperty() recordedAt!: Date;

  static from(row: CloseRelativeRow): CloseRelativeResponse {
    return {
      contactId: row.contact_id,
      serviceUserId: row.service_user_id,
      relation: row.relation,
      recordedBy: row.recorded_by,
      recordedByRole: row.recorded_by_role,
      recordedAt: row.created_at,
    };
  }
}

export class CloseRelativeListResponse {
  @ApiProperty({ type: [CloseRelativeResponse] }) items!: CloseRelativeResponse[];
}
