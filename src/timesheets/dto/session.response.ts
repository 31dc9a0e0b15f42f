import { PageOf } from '../../common/http/pagination';
import { ApiProperty } from '@nestjs/swagger';
import { minutesToHours } from '../../decisions/quota';
import { SessionRow } from '../session.queries';
import { tenthsToKm } from '../session-rules';
import { QuotaResponse } from './quota.response';

/** A logged session. Holds no decision text and no health data, so the contact who logged it may read it. */
export class SessionResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) assignmentId!: string;
  @ApiProperty({ format: 'uuid' }) contactId!: string;
  @ApiProperty({
    format: 'uuid',
    description: 'The timesheet the session is on (a late entry lands on the next open one)',
  })
  timesheetId!: string;
  @ApiProperty({ format: 'date', example: '2026-01-22' }) date!: string;
  @ApiProperty({ example: '17:00' }) start!: string;
  @ApiProperty({ example: '19:30' }) end!: string;
  @ApiProperty({ type: 'integer', format: 'int32', example: 150 }) minutes!: number;
  @ApiProperty({ example: 2.5 }) hours!: number;
  @ApiProperty() activity!: string;
  @ApiProperty({ example: 12.5 }) km!: number;
  @ApiProperty({ type: 'integer', format: 'int32', example: 0 }) expensesOre!: number;
  @ApiProperty({ nullable: true, type: String }) expensesNote!: string | null;
  @ApiProperty({ type: [String] }) presentServiceUserIds!: string[];
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The session this one corrects' })
  correctsSessionId!: string | null;
  @ApiProperty({ nullable: true, type: String }) correctionReason!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Set when a correction replaced this session' })
  supersededAt!: Date | null;
  @ApiProperty() createdAt!: Date;

  static from(row: SessionRow): SessionResponse {
    return {
      id: row.id,
      assignmentId: row.assignment_id,
      contactId: row.contact_id,
      timesheetId: row.timesheet_id,
      date: row.date,
      start: row.start,
      end: row.end,
      minutes: row.minutes,
      hours: minutesToHours(row.minutes),
      activity: row.activity,
      km: tenthsToKm(row.km_tenths),
      expensesOre: row.expenses_ore,
      expensesNote: row.expenses_note,
      presentServiceUserIds: row.attendees.map((a) => a.serviceUserId),
      correctsSessionId: row.corrects_session_id,
      correctionReason: row.correction_reason,
      supersededAt: row.superseded_at,
      createdAt: row.created_at,
    };
  }
}

/** A new session with the quotas it counted against; `warnings` names each quota at 80 % or more. */
export class LoggedSessionResponse extends SessionResponse {
  @ApiProperty({ type: [QuotaResponse] }) quotas!: QuotaResponse[];
  @ApiProperty({ type: [String], example: ['hours_quota_80_percent'] }) warnings!: string[];
}

export const SessionPage = PageOf(SessionResponse);
