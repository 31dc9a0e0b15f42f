import { ApiProperty } from '@nestjs/swagger';
import { PageOf } from '../../common/http/pagination';
import type { AccessLogEntry, AccessOutcome } from '../access-log.service';

/** One row of the access log as a coordinator reads it for a user (the right of access, Normen). */
export class AccessLogEntryResponse implements AccessLogEntry {
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiProperty({ description: 'Who read: the subject of their login' }) actor!: string;
  @ApiProperty({ example: 'coordinator' }) role!: string;
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description:
      'The støttekontakt who read, where the reader is a contact (null for staff, and on rows written before the log named contacts)',
  })
  contactId!: string | null;
  @ApiProperty({ example: 'service_user' }) subjectType!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) subjectId!: string | null;
  @ApiProperty({ example: 'read' }) action!: string;
  @ApiProperty({ example: 'GET /service-users/:id' }) route!: string;
  @ApiProperty() requestId!: string;
  @ApiProperty({ enum: ['allowed', 'denied'] }) outcome!: AccessOutcome;
}

export const AccessLogEntryPage = PageOf(AccessLogEntryResponse);
