import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { IsDateOnly, OptionalNotNull } from '../../common/http/common-validators';

export const COMPLAINT_OUTCOMES = ['upheld', 'sent_to_statsforvalteren'] as const;
export type ComplaintOutcome = (typeof COMPLAINT_OUTCOMES)[number];

/** søknad: an application for støttekontakt, with the day the municipality received it. */
export class CreateApplicationRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all') serviceUserId!: string;
  @ApiProperty({ example: '2026-11-02' }) @IsDateOnly() receivedOn!: string;
}

export class DecideApplicationRequest {
  @ApiProperty({ format: 'uuid', description: 'The vedtak that answers the application' })
  @IsUUID('all')
  decisionId!: string;
}

/** foreløpig svar: why the case takes longer, and when the vedtak is expected. */
export class CreateInterimNoticeRequest {
  @ApiProperty({ example: '2026-12-02' }) @IsDateOnly() sentOn!: string;
  @ApiProperty({ maxLength: 2000, example: 'Vi venter på uttalelse fra fastlegen' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason!: string;
  @ApiProperty({ example: '2027-01-15' }) @IsDateOnly() expectedDecisionBy!: string;
}

export class InterimNoticeResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'date' }) sentOn!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({ format: 'date' }) expectedDecisionBy!: string;
  @ApiProperty() recordedBy!: string;
}

export class ApplicationResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) serviceUserId!: string;
  @ApiProperty({ format: 'date' }) receivedOn!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The vedtak that answered it' })
  decisionId!: string | null;
  @ApiProperty({ description: 'One calendar month after receipt: a vedtak by then, or an interim notice' })
  noticeDueOn!: string;
  @ApiProperty({ type: [InterimNoticeResponse] }) interimNotices!: InterimNoticeResponse[];
}

export class DueNoticeResponse {
  @ApiProperty({ format: 'uuid' }) applicationId!: string;
  @ApiProperty({ format: 'uuid' }) serviceUserId!: string;
  @ApiProperty() firstName!: string;
  @ApiProperty() lastName!: string;
  @ApiProperty({ format: 'date' }) receivedOn!: string;
  @ApiProperty({ format: 'date' }) noticeDueOn!: string;
  @ApiProperty({ enum: ['due', 'overdue'] }) state!: 'due' | 'overdue';
}

export class DueNoticeListResponse {
  @ApiProperty({ type: [DueNoticeResponse] }) items!: DueNoticeResponse[];
}

/** When the vedtak was sent to the user and when they received it; the complaint deadline runs from receipt. */
export class DecisionDeliveryRequest {
  @ApiProperty({ example: '2026-11-30' }) @IsDateOnly() sentOn!: string;
  @ApiPropertyOptional({ example: '2026-12-02', nullable: true, type: String })
  @IsOptional()
  @IsDateOnly()
  receivedOn?: string | null;
}

export class DecisionDeliveryResponse {
  @ApiProperty({ format: 'uuid' }) decisionId!: string;
  @ApiProperty({ format: 'date' }) sentOn!: string;
  @ApiProperty({ nullable: true, type: String }) receivedOn!: string | null;
  @ApiProperty({ description: '4 weeks from receipt (or from sending when receipt is not known), inclusive' })
  complaintDeadline!: string;
}

/** klage */
export class CreateComplaintRequest {
  @ApiProperty({ example: '2026-12-20', description: 'The day the complaint was lodged' })
  @IsDateOnly()
  receivedOn!: string;
  @ApiPropertyOptional({ maxLength: 2000 })
  @OptionalNotNull()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class ComplaintOutcomeRequest {
  @ApiProperty({
    enum: COMPLAINT_OUTCOMES,
    description: 'upheld by the municipality, or sent on to Statsforvalteren (formerly Fylkesmannen)',
  })
  @IsIn(COMPLAINT_OUTCOMES)
  outcome!: ComplaintOutcome;
  @ApiProperty({ example: '2027-01-10' }) @IsDateOnly() decidedOn!: string;
}

export class ComplaintResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) decisionId!: string;
  @ApiProperty({ format: 'uuid' }) serviceUserId!: string;
  @ApiProperty({ format: 'date' }) receivedOn!: string;
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'null when the vedtak has no delivery recorded' })
  deadline!: string | null;
  @ApiProperty({ nullable: true, type: Boolean, description: 'Lodged within 4 weeks; null when not known' })
  inTime!: boolean | null;
  @ApiProperty({ enum: COMPLAINT_OUTCOMES, nullable: true }) outcome!: ComplaintOutcome | null;
  @ApiProperty({ nullable: true, type: String }) outcomeOn!: string | null;
}

export class RunningDeadlineResponse {
  @ApiProperty({ format: 'uuid' }) decisionId!: string;
  @ApiProperty({ format: 'uuid' }) serviceUserId!: string;
  @ApiProperty() firstName!: string;
  @ApiProperty() lastName!: string;
  @ApiProperty({ format: 'date' }) sentOn!: string;
  @ApiProperty({ nullable: true, type: String }) receivedOn!: string | null;
  @ApiProperty({ format: 'date' }) deadline!: string;
  @ApiProperty({
    type: 'integer',
    format: 'int32',
    description: 'Days until the deadline, 0 on its last day',
  })
  daysLeft!: number;
}

export class RunningDeadlineListResponse {
  @ApiProperty({ type: [RunningDeadlineResponse] }) items!: RunningDeadlineResponse[];
}
