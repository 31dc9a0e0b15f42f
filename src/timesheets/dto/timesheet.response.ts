import { lastNameInitial, nameForContact } from '../../service-users/name-for-contact';
import { PageOf } from '../../common/http/pagination';
import { ApiProperty } from '@nestjs/swagger';
import { minutesToHours } from '../../decisions/quota';
import { TimesheetRow } from '../session.queries';
import { tenthsToKm } from '../session-rules';
import { SessionResponse } from './session.response';

class PersonRef {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() firstName!: string;
  @ApiProperty({ description: 'To a støttekontakt, a user’s surname is only its initial (“N.”)' })
  lastName!: string;
}

class GroupRef {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class SignatureResponse {
  @ApiProperty({ enum: ['user', 'guardian'] }) signedBy!: 'user' | 'guardian';
  @ApiProperty({ format: 'uuid', description: 'The user the signature is for (the guardian signs for them)' })
  serviceUserId!: string;
  @ApiProperty({
    description: "The signer's name as on record (to a støttekontakt, the surname's initial only)",
  })
  name!: string;
  @ApiProperty() signedAt!: Date;
  @ApiProperty({ description: "Who recorded it: 'signing-link' for the signer's own link" })
  recordedBy!: string;
  @ApiProperty() recordedAt!: Date;
  @ApiProperty({
    enum: ['link', 'one_time_code', 'recorded'],
    description:
      "link: the signer's own one-time link; one_time_code: a code sent to the signer, typed in on the contact's phone; recorded: the contact's account of it (not approvable)",
  })
  method!: 'link' | 'one_time_code' | 'recorded';
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'For a one-time code: where it was sent, masked (e.g. "k***@example.no")',
  })
  codeSentTo!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'SHA-256 of the content signed' })
  contentHash!: string | null;
}

/** The newest signing link sent for the timesheet, and its answer: an objection shows here. */
export class SigningStateResponse {
  @ApiProperty({ enum: ['pending', 'signed', 'objected', 'voided'] })
  status!: 'pending' | 'signed' | 'objected' | 'voided';
  @ApiProperty({ enum: ['user', 'guardian'] }) signer!: 'user' | 'guardian';
  @ApiProperty() requestedAt!: Date;
  @ApiProperty() expiresAt!: Date;
  @ApiProperty({ type: Date, nullable: true }) decidedAt!: Date | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: "The signer's objection; shown to staff only (null for a contact)",
  })
  comment!: string | null;
}

export class ApprovalResponse {
  @ApiProperty() approvedBy!: string;
  @ApiProperty() approvedAt!: Date;
}

export class TimesheetTotals {
  @ApiProperty({ type: 'integer', format: 'int32' }) sessions!: number;
  @ApiProperty({ type: 'integer', format: 'int32', description: 'Net of corrections' }) minutes!: number;
  @ApiProperty() hours!: number;
  @ApiProperty() km!: number;
  @ApiProperty({ type: 'integer', format: 'int32', description: 'Expenses paid, net of corrections' })
  expensesOre!: number;
  @ApiProperty({
    type: 'integer',
    format: 'int32',
    description: "Expenses covered by the categories' rules, net of corrections",
  })
  expensesCoveredOre!: number;
}

/** timeliste: one assignment's sessions in one pay period. No decision text, no health data. */
export class TimesheetResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) assignmentId!: string;
  @ApiProperty({ type: PersonRef }) contact!: PersonRef;
  @ApiProperty({ type: PersonRef, nullable: true }) serviceUser!: PersonRef | null;
  @ApiProperty({ type: GroupRef, nullable: true }) group!: GroupRef | null;
  @ApiProperty({ format: 'date', example: '2026-01-21' }) periodStart!: string;
  @ApiProperty({ format: 'date', example: '2026-02-20' }) periodEnd!: string;
  @ApiProperty({ enum: ['open', 'signed', 'approved'] }) status!: 'open' | 'signed' | 'approved';
  @ApiProperty({ type: SignatureResponse, nullable: true }) signature!: SignatureResponse | null;
  @ApiProperty({ type: SigningStateResponse, nullable: true }) signing!: SigningStateResponse | null;
  @ApiProperty({ type: ApprovalResponse, nullable: true }) approval!: ApprovalResponse | null;
  @ApiProperty({ type: TimesheetTotals }) totals!: TimesheetTotals;
  @ApiProperty({ type: 'integer', format: 'int32' }) version!: number;

  static from(row: TimesheetRow, forStaff: boolean): TimesheetResponse {
    return {
      id: row.id,
      assignmentId: row.assignment_id,
      contact: { id: row.contact_id, firstName: row.contact_first_name, lastName: row.contact_last_name },
      serviceUser: row.service_user_id
        ? {
            id: row.service_user_id,
            firstName: row.user_first_name ?? '',
            lastName: forStaff ? (row.user_last_name ?? '') : lastNameInitial(row.user_last_name),
          }
        : null,
      group: row.group_id ? { id: row.group_id, name: row.group_name ?? '' } : null,
      periodStart: row.period_start,
      periodEnd: row.period_end,
      status: row.status,
      signature:
        row.status === 'open'
          ? null
          : {
              signedBy: row.signed_by!,
              serviceUserId: row.signer_service_user_id!,
              name: forStaff ? row.signer_name! : nameForContact(row.signer_name!),
              signedAt: row.signed_at!,
              recordedBy: row.signature_recorded_by!,
              recordedAt: row.signature_recorded_at!,
              method: row.signature_method ?? 'recorded',
              contentHash: row.signature_content_hash,
              codeSentTo: row.signature_method === 'one_time_code' ? row.signature_code_sent_to : null,
            },
      signing: row.signing_status
        ? {
            status: row.signing_status,
            signer: row.signing_signer!,
            requestedAt: row.signing_requested_at!,
            expiresAt: row.signing_expires_at!,
            decidedAt: row.signing_decided_at,
            comment: forStaff ? row.signing_comment : null,
          }
        : null,
      approval: row.approved_at ? { approvedBy: row.approved_by!, approvedAt: row.approved_at } : null,
      totals: {
        sessions: row.sessions,
        minutes: row.minutes,
        hours: minutesToHours(row.minutes),
        km: tenthsToKm(row.km_tenths),
        expensesOre: row.expenses_ore,
        expensesCoveredOre: row.expenses_covered_ore,
      },
      version: row.version,
    };
  }
}

export class TimesheetDetailResponse extends TimesheetResponse {
  @ApiProperty({ type: [SessionResponse], description: 'Sessions on this timesheet, corrections included' })
  sessions!: SessionResponse[];
}

export const TimesheetPage = PageOf(TimesheetResponse);
