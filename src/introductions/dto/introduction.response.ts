import { ApiProperty } from '@nestjs/swagger';
import { CaseEventResponse } from '../../case-history/case-events';
import { PageOf } from '../../common/http/pagination';
import { INTRODUCTION_STATUSES, IntroductionStatus } from '../transitions';
import { DECLINE_REASONS, DeclineReason } from './introduction.request';

/** One introduction joined with the names and contract figures a reader needs (INTRODUCTION_ROWS). */
export interface IntroductionRow {
  id: string;
  status: IntroductionStatus;
  service_user_id: string;
  user_first_name: string;
  user_last_name: string;
  contact_id: string;
  contact_first_name: string;
  contact_last_name: string;
  proposal_id: string | null;
  decision_id: string | null;
  weekly_hours: string;
  caseworker: string | null;
  starts_at: Date | null;
  ends_at: Date | null;
  location: string | null;
  decline_reason: string | null;
  declined_by: string | null;
  assignment_id: string | null;
  assignment_starts_on: string | null;
  hours_granted: string | null;
  hours_period: string | null;
  driving_km_granted: number | null;
  driving_period: string | null;
  version: number;
  created_at: Date;
}

class PersonRef {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() firstName!: string;
  @ApiProperty() lastName!: string;
}

export class MeetingResponse {
  @ApiProperty({ format: 'date-time' }) startsAt!: string;
  @ApiProperty({ format: 'date-time' }) endsAt!: string;
  @ApiProperty({ description: 'The saksbehandler holding the meeting' }) caseworker!: string;
  @ApiProperty({ nullable: true, type: String }) location!: string | null;
}

/** The contract data of the assignment the introduction led to: hours and driving from the vedtak, start date. */
export class ContractResponse {
  @ApiProperty({ format: 'uuid' }) assignmentId!: string;
  @ApiProperty({ format: 'date' }) startsOn!: string;
  @ApiProperty({ description: "Hours a week taken of the contact's capacity" }) weeklyHours!: number;
  @ApiProperty({ nullable: true, type: Number }) hoursGranted!: number | null;
  @ApiProperty({ nullable: true, type: String, enum: ['week', 'month'] }) hoursPeriod!: string | null;
  @ApiProperty({ nullable: true, type: Number }) drivingKmGranted!: number | null;
  @ApiProperty({ nullable: true, type: String, enum: ['week', 'month'] }) drivingPeriod!: string | null;
}

export class IntroductionResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: INTRODUCTION_STATUSES }) status!: IntroductionStatus;
  @ApiProperty({ type: PersonRef }) serviceUser!: PersonRef;
  @ApiProperty({ type: PersonRef }) contact!: PersonRef;
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'null when the contact was picked by hand',
  })
  proposalId!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) decisionId!: string | null;
  @ApiProperty({ description: "Hours a week held of the contact's capacity while pending" })
  weeklyHours!: number;
  @ApiProperty({ type: MeetingResponse, nullable: true }) meeting!: MeetingResponse | null;
  @ApiProperty({ nullable: true, type: String }) declineReason!: string | null;
  @ApiProperty({ nullable: true, type: String }) declinedBy!: string | null;
  @ApiProperty({ type: ContractResponse, nullable: true }) contract!: ContractResponse | null;
  @ApiProperty({ type: 'integer', format: 'int32' }) version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: [CaseEventResponse], description: 'Every state change, oldest first' })
  history!: CaseEventResponse[];

  static from(row: IntroductionRow, history: CaseEventResponse[]): IntroductionResponse {
    return {
      id: row.id,
      status: row.status,
      serviceUser: { id: row.service_user_id, firstName: row.user_first_name, lastName: row.user_last_name },
      contact: { id: row.contact_id, firstName: row.contact_first_name, lastName: row.contact_last_name },
      proposalId: row.proposal_id,
      decisionId: row.decision_id,
      weeklyHours: Number(row.weekly_hours),
      meeting:
        row.starts_at && row.ends_at && row.caseworker
          ? {
              startsAt: row.starts_at.toISOString(),
              endsAt: row.ends_at.toISOString(),
              caseworker: row.caseworker,
              location: row.location,
            }
          : null,
      declineReason: row.decline_reason,
      declinedBy: row.declined_by,
      contract:
        row.assignment_id && row.assignment_starts_on
          ? {
              assignmentId: row.assignment_id,
              startsOn: row.assignment_starts_on,
              weeklyHours: Number(row.weekly_hours),
              hoursGranted: row.hours_granted === null ? null : Number(row.hours_granted),
              hoursPeriod: row.hours_period,
              drivingKmGranted: row.driving_km_granted,
              drivingPeriod: row.driving_period,
            }
          : null,
      version: row.version,
      createdAt: row.created_at.toISOString(),
      history,
    };
  }
}

export const IntroductionPage = PageOf(IntroductionResponse);

export class SuggestedTimeResponse {
  @ApiProperty({ format: 'date-time' }) startsAt!: string;
  @ApiProperty({ format: 'date-time' }) endsAt!: string;
}

export class SuggestedTimesResponse {
  @ApiProperty() caseworker!: string;
  @ApiProperty({ type: [SuggestedTimeResponse] }) times!: SuggestedTimeResponse[];
}

/** A proposal after it was declined: the pair goes to the exclusions and is never proposed again. */
export class DeclinedProposalResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['declined'] }) status!: 'declined';
  @ApiProperty({ format: 'uuid' }) serviceUserId!: string;
  @ApiProperty({ format: 'uuid' }) contactId!: string;
  @ApiProperty({ enum: DECLINE_REASONS }) declineReason!: DeclineReason;
}
