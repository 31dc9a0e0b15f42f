import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQuery } from '../../common/http/pagination';
import {
  MATCHING_RUN_STATUSES,
  MATCHING_TRIGGERS,
  MatchingRun,
  MatchingRunStatus,
  MatchingTrigger,
} from '../matching-run.entity';
import { keyedBy } from '../../common/openapi/keyed-by';
import { MatchingSummary, RUN_STEPS, RUN_UNMATCHED_REASONS } from '../matching-summary';
import { GROUP_UNPLACED_REASONS } from '../engine/groups/unplaced-reason';
import { SCORE_PARTS } from '../engine/scoring';
import { Proposal, PROPOSAL_STATUSES, ProposalStatus } from '../proposal.entity';

/** Why a proposal's user has no alternatives: a run's reasons, or they wait no longer. */
export const NO_ALTERNATIVE_REASONS = [...RUN_UNMATCHED_REASONS, 'user_not_waiting'] as const;
export type NoAlternativeReason = (typeof NO_ALTERNATIVE_REASONS)[number];

/** A user's alternatives are a short list to compare, not a roster. */
export const MAX_ALTERNATIVES = 10;

const COUNT = { type: 'integer', format: 'int32', minimum: 0 } as const;

/** What a coordinator reads about a finished run (MatchingSummary). */
export class MatchingSummaryResponse implements MatchingSummary {
  @ApiProperty(COUNT) usersWaiting!: number;
  @ApiProperty(COUNT) contactsAvailable!: number;
  @ApiProperty(COUNT) proposed!: number;
  @ApiProperty(COUNT) unmatched!: number;
  @ApiProperty({
    ...keyedBy(RUN_UNMATCHED_REASONS, COUNT),
    description: 'Users left unmatched, by reason',
    example: { no_home_location: 2 },
  })
  unmatchedByReason!: MatchingSummary['unmatchedByReason'];
  @ApiProperty({ type: Number, nullable: true }) meanDistanceKm!: number | null;
  @ApiProperty({ ...COUNT, nullable: true }) longestWaitUnmatchedDays!: number | null;
  @ApiProperty({ type: 'integer', format: 'int64' }) totalScore!: number;
  @ApiProperty(COUNT) candidatePairs!: number;
  @ApiProperty({
    ...keyedBy(RUN_STEPS, COUNT),
    description: 'Milliseconds per step of the run (`total`: the engine’s steps together)',
    example: { candidates: 40, scoring: 60, solve: 340, explain: 5, total: 450 },
  })
  timingsMs!: MatchingSummary['timingsMs'];
  @ApiPropertyOptional({ ...COUNT, description: 'New activity groups proposed' }) groupsProposed?: number;
  @ApiPropertyOptional({ ...COUNT, description: 'Users proposed for open seats of existing groups' })
  groupSeatsFilled?: number;
  @ApiPropertyOptional({
    ...keyedBy(GROUP_UNPLACED_REASONS, COUNT),
    description: 'Users with a group vedtak left without a place, by the first rule that left them out',
    example: { too_few_nearby: 3 },
  })
  groupUnplacedByReason?: MatchingSummary['groupUnplacedByReason'];
  @ApiPropertyOptional({
    ...COUNT,
    nullable: true,
    description: 'The longest wait among the users with a group vedtak left without a place',
  })
  longestWaitGroupUnplacedDays?: number | null;
}

export class MatchingRunResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: MATCHING_TRIGGERS }) trigger!: MatchingTrigger;
  @ApiProperty({ format: 'date', description: 'The date (Europe/Oslo) the run belongs to' }) runDate!: string;
  @ApiProperty({ enum: MATCHING_RUN_STATUSES }) status!: MatchingRunStatus;
  @ApiProperty({ type: 'integer', format: 'int32', minimum: 0, maximum: 100 }) progress!: number;
  @ApiProperty({ type: 'integer', format: 'int32' }) attempts!: number;
  @ApiPropertyOptional({
    description:
      'When completed: users waiting, proposed, left unmatched and why, mean distance, longest wait left unmatched',
    nullable: true,
    type: MatchingSummaryResponse,
  })
  summary!: MatchingSummary | null;
  @ApiProperty({ nullable: true, type: String }) failureReason!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) startedAt!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) finishedAt!: string | null;

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
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) runId!: string;
  @ApiProperty({ format: 'uuid' }) serviceUserId!: string;
  @ApiProperty({ format: 'uuid' }) contactId!: string;
  @ApiProperty({ type: ProposalPersonRef }) serviceUser!: ProposalPersonRef;
  @ApiProperty({ type: ProposalPersonRef }) contact!: ProposalPersonRef;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) decisionId!: string | null;
  @ApiProperty({ type: 'integer', format: 'int32', description: 'Total score; higher is a better pair' })
  score!: number;
  @ApiProperty({
    description: 'The score by component, and the distance in km',
    ...keyedBy([...SCORE_PARTS, 'distanceKm'], { type: 'number' }),
    example: { interests: 100, availability: 30, distanceKm: 3.2 },
  })
  components!: Record<string, number>;
  @ApiProperty({ example: 'shares hiking and cinema; 3.2 km; both free Tuesday evenings; waiting 41 days' })
  reason!: string;
  @ApiProperty({ enum: PROPOSAL_STATUSES }) status!: ProposalStatus;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;

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

export class ProposalListQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() runId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() serviceUserId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() contactId?: string;
  @ApiPropertyOptional({ enum: PROPOSAL_STATUSES })
  @IsOptional()
  @IsIn(PROPOSAL_STATUSES)
  status?: ProposalStatus;
}

/** One contact the run's hard rules allow for the user, scored as the run scores pairs. */
export class ProposalAlternativeResponse {
  @ApiProperty({ type: ProposalPersonRef }) contact!: ProposalPersonRef;
  @ApiProperty({ type: 'integer', format: 'int32', description: 'Total score; higher is a better pair' })
  score!: number;
  @ApiProperty({
    description: 'The score by component, and the distance in km',
    ...keyedBy([...SCORE_PARTS, 'distanceKm'], { type: 'number' }),
    example: { interests: 100, availability: 30, distanceKm: 3.2 },
  })
  components!: Record<string, number>;
  @ApiProperty({ example: 'shares hiking and cinema; 3.2 km; both free Tuesday evenings; waiting 41 days' })
  reason!: string;
  @ApiProperty({ description: 'The contact of this proposal' }) isThisProposal!: boolean;
  @ApiProperty({
    ...COUNT,
    description: 'Other users the same run proposed this contact to (the competition for their room)',
  })
  proposedToOthersInRun!: number;
  @ApiProperty({ ...COUNT, description: 'Users the contact can still take, as of now' })
  freeUserSlots!: number;
}

export class ProposalAlternativesResponse {
  @ApiProperty({ format: 'uuid' }) proposalId!: string;
  @ApiProperty({ format: 'uuid' }) runId!: string;
  @ApiProperty({ format: 'uuid' }) serviceUserId!: string;
  @ApiProperty({
    type: [ProposalAlternativeResponse],
    maxItems: MAX_ALTERNATIVES,
    description: `Best first, at most ${MAX_ALTERNATIVES}`,
  })
  alternatives!: ProposalAlternativeResponse[];
  @ApiProperty({ ...COUNT, description: 'Contacts that pass every hard rule for the user, before the limit' })
  candidateCount!: number;
  @ApiProperty({
    enum: NO_ALTERNATIVE_REASONS,
    nullable: true,
    description:
      'When there is no alternative: the first hard rule that leaves the user without one, or user_not_waiting (an assignment or an introduction is under way, or no vedtak for individual support is in force)',
  })
  noneReason!: NoAlternativeReason | null;
}
