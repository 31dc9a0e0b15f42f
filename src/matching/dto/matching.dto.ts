import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageMeta, PageQuery } from '../../common/http/pagination';
import {
  MATCHING_RUN_STATUSES,
  MATCHING_TRIGGERS,
  MatchingRun,
  MatchingRunStatus,
  MatchingTrigger,
} from '../matching-run.entity';
import { MatchingSummary } from '../matching-summary';
import { Proposal, PROPOSAL_STATUSES, ProposalStatus } from '../proposal.entity';

export class MatchingRunResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: MATCHING_TRIGGERS }) trigger!: MatchingTrigger;
  @ApiProperty({ description: 'The date (Europe/Oslo) the run belongs to' }) runDate!: string;
  @ApiProperty({ enum: MATCHING_RUN_STATUSES }) status!: MatchingRunStatus;
  @ApiProperty({ minimum: 0, maximum: 100 }) progress!: number;
  @ApiProperty() attempts!: number;
  @ApiPropertyOptional({
    description:
      'When completed: users waiting, proposed, left unmatched and why, mean distance, longest wait left unmatched',
    nullable: true,
    type: Object,
  })
  summary!: MatchingSummary | null;
  @ApiProperty({ nullable: true, type: String }) failureReason!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ nullable: true, type: String }) startedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) finishedAt!: string | null;

  static from(run: MatchingRun): MatchingRunResponse {
    return {
      id: run.id,
      trigger: run.trigger,
      runDate: run.runDate,
      status: run.status,
      progress: run.progress,
      attempts: run.attempts,
      summary: run.summary,
      failureReason: run.failureReason,
      createdAt: run.createdAt.toISOString(),
      startedAt: run.startedAt?.toISOString() ?? null,
      finishedAt: run.finishedAt?.toISOString() ?? null,
    };
  }
}

export class MatchingRunPage extends PageMeta {
  @ApiProperty({ type: [MatchingRunResponse], description: 'Newest first' }) items!: MatchingRunResponse[];
}

/** A person named in a proposal, so a coordinator reads names rather than ids. */
export class ProposalPersonRef {
  @ApiProperty() id!: string;
  @ApiProperty() firstName!: string;
  @ApiProperty() lastName!: string;
}

/** First and last names by id, of the proposals' users and contacts. */
export interface ProposalNames {
  serviceUsers: Map<string, ProposalPersonRef>;
  contacts: Map<string, ProposalPersonRef>;
}

export class ProposalResponse {
  @ApiProperty() id!: string;
  @ApiProperty() runId!: string;
  @ApiProperty() serviceUserId!: string;
  @ApiProperty() contactId!: string;
  @ApiProperty({ type: ProposalPersonRef }) serviceUser!: ProposalPersonRef;
  @ApiProperty({ type: ProposalPersonRef }) contact!: ProposalPersonRef;
  @ApiProperty({ nullable: true, type: String }) decisionId!: string | null;
  @ApiProperty({ description: 'Total score; higher is a better pair' }) score!: number;
  @ApiProperty({ description: 'The score by component, and the distance in km', type: Object })
  components!: Record<string, number>;
  @ApiProperty({ example: 'shares hiking and cinema; 3.2 km; both free Tuesday evenings; waiting 41 days' })
  reason!: string;
  @ApiProperty({ enum: PROPOSAL_STATUSES }) status!: ProposalStatus;
  @ApiProperty() createdAt!: string;

  static from(p: Proposal, names: ProposalNames): ProposalResponse {
    const unknown = (id: string): ProposalPersonRef => ({ id, firstName: '', lastName: '' });
    return {
      id: p.id,
      runId: p.runId,
      serviceUserId: p.serviceUserId,
      contactId: p.contactId,
      serviceUser: names.serviceUsers.get(p.serviceUserId) ?? unknown(p.serviceUserId),
      contact: names.contacts.get(p.contactId) ?? unknown(p.contactId),
      decisionId: p.decisionId,
      score: p.score,
      components: p.components as unknown as Record<string, number>,
      reason: p.reason,
      status: p.status,
      createdAt: p.createdAt.toISOString(),
    };
  }
}

export class ProposalPage extends PageMeta {
  @ApiProperty({ type: [ProposalResponse], description: 'Newest run first, best first within a run' })
  items!: ProposalResponse[];
}

export class ProposalListQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() runId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() serviceUserId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() contactId?: string;
  @ApiPropertyOptional({ enum: PROPOSAL_STATUSES })
  @IsOptional()
  @IsIn(PROPOSAL_STATUSES)
  status?: ProposalStatus;
}
