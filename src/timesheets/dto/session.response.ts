import { PageOf } from '../../common/http/pagination';
import { ApiProperty } from '@nestjs/swagger';
import { minutesToHours } from '../../decisions/quota';
import { ExpenseLine, SessionRow } from '../session.queries';
import { tenthsToKm } from '../session-rules';
import { QuotaResponse } from './quota.response';

/** An expense line: what the contact paid in a category, and what the category's rule covers of it. */
export class SessionExpenseResponse {
  @ApiProperty({ format: 'uuid' }) categoryId!: string;
  @ApiProperty({ example: 'Inngangsbillett for støttekontakten' }) categoryName!: string;
  @ApiProperty({ enum: ['per_unit', 'monthly_cap', 'not_covered'] }) rule!: ExpenseLine['rule'];
  @ApiProperty({ type: 'integer', format: 'int32', example: 1 }) quantity!: number;
  @ApiProperty({ type: 'integer', format: 'int32', example: 18000, description: 'Paid, in øre' })
  amountOre!: number;
  @ApiProperty({
    type: 'integer',
    format: 'int32',
    example: 15000,
    description: 'Covered by the category’s rule, in øre, fixed when the session was logged',
  })
  coveredOre!: number;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
}

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
  @ApiProperty({
    type: 'integer',
    format: 'int32',
    example: 0,
    description: 'The expense lines paid, together, in øre',
  })
  expensesOre!: number;
  @ApiProperty({ type: 'integer', format: 'int32', example: 0, description: 'What the lines cover, in øre' })
  expensesCoveredOre!: number;
  @ApiProperty({ type: [SessionExpenseResponse] }) expenses!: SessionExpenseResponse[];
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'A note on an open amount of a session logged before categories (older rows only)',
  })
  expensesNote!: string | null;
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
      expensesCoveredOre: row.expenses.reduce((sum, line) => sum + line.coveredOre, 0),
      expenses: row.expenses,
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
