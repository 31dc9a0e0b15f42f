import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageMeta, PageQuery } from '../../common/http/pagination';
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
  @ApiProperty() serviceUserId!: string;
  @ApiProperty() firstName!: string;
  @ApiProperty() lastName!: string;
  @ApiProperty() decisionId!: string;
  @ApiProperty({ enum: ['individual', 'group', 'volunteer_partnership'] }) serviceForm!: string;
  @ApiProperty({
    example: '2026-10-01',
    description:
      "The date the need for a contact arose: the vedtak's waiting date, or the day after the last assignment ended",
  })
  waitingSince!: string;
  @ApiProperty() waitingDays!: number;
  @ApiProperty({ enum: WAITING_BANDS }) band!: WaitingBand;
  @ApiProperty({ enum: CASE_STATES }) state!: CaseState;
  @ApiProperty({ nullable: true, type: String, description: 'The open proposal, when state is proposed' })
  proposalId!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The introduction on its way, if any' })
  introductionId!: string | null;
  @ApiProperty({ nullable: true, type: String }) meetingStartsAt!: string | null;
}

export class WaitingListResponse extends PageMeta {
  @ApiProperty({ type: [WaitingUserResponse], description: 'Longest waiting first' })
  items!: WaitingUserResponse[];
  @ApiProperty({
    description: 'Everyone waiting (before the band and state filters) by band',
    example: { '0-15': 3, '16-30': 1, '31+': 7 },
  })
  bands!: Record<WaitingBand, number>;
}
