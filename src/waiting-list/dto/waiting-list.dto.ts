import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { MAX_PAGE_SIZE, PageMeta, PageQuery } from '../../common/http/pagination';
import { WAITING_BANDS, WaitingBand } from '../waiting-band';

/** Where a waiting user's case stands. */
export const CASE_STATES = ['no_proposal', 'proposed', 'awaiting_booking', 'introduction_booked'] as const;
export type CaseState = (typeof CASE_STATES)[number];

export class WaitingListQuery extends PageQuery {
  @ApiPropertyOptional({
    enum: WAITING_BANDS,
    description: "Helsedirektoratet's band: ≤ 15, 16–30, ≥ 31 days",
  })
  @IsOptional()
  @IsIn(WAITING_BANDS)
  band?: WaitingBand;

  @ApiPropertyOptional({ enum: CASE_STATES })
  @IsOptional()
  @IsIn(CASE_STATES)
  state?: CaseState;
}

export class WaitingUserResponse {
  @ApiProperty({ format: 'uuid' }) serviceUserId!: string;
  @ApiProperty() firstName!: string;
  @ApiProperty() lastName!: string;
  @ApiProperty({ format: 'uuid' }) decisionId!: string;
  @ApiProperty({ enum: ['individual', 'group', 'volunteer_partnership'] }) serviceForm!: string;
  @ApiProperty({
    format: 'date',
    example: '2026-10-01',
    description:
      "The date the need for a contact arose: the vedtak's waiting date, or the day after the last assignment ended",
  })
  waitingSince!: string;
  @ApiProperty({ type: 'integer', format: 'int32' }) waitingDays!: number;
  @ApiProperty({ enum: WAITING_BANDS }) band!: WaitingBand;
  @ApiProperty({ enum: CASE_STATES }) state!: CaseState;
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'The open proposal, when state is proposed',
  })
  proposalId!: string | null;
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'The introduction on its way, if any',
  })
  introductionId!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) meetingStartsAt!: string | null;
}

/** How many wait in each of Helsedirektoratet's bands. */
export class WaitingBandCounts {
  @ApiProperty({ name: '0-15', type: 'integer', format: 'int32', minimum: 0, example: 3 }) within15!: number;
  @ApiProperty({ name: '16-30', type: 'integer', format: 'int32', minimum: 0, example: 1 })
  from16To30!: number;
  @ApiProperty({ name: '31+', type: 'integer', format: 'int32', minimum: 0, example: 7 }) from31!: number;
}

export class WaitingListResponse extends PageMeta {
  @ApiProperty({ type: [WaitingUserResponse], maxItems: MAX_PAGE_SIZE, description: 'Longest waiting first' })
  items!: WaitingUserResponse[];
  @ApiProperty({
    description: 'Everyone waiting (before the band and state filters) by band',
    type: WaitingBandCounts,
  })
  bands!: Record<WaitingBand, number>;
}
