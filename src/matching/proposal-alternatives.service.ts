import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Principal } from '../common/auth/principal';
import { Clock } from '../common/clock';
import { MunicipalitiesService } from '../municipalities/municipalities.service';
import { MAX_ALTERNATIVES, ProposalAlternativesResponse } from './dto/matching.dto';
import { alternativesFor } from './engine/alternatives';
import { DEFAULT_WEIGHTS } from './engine/types';
import { MatchingInstanceLoader } from './matching-instance.loader';
import { ProposalsService } from './proposals.service';

const DAY_LABELS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/**
 * A proposal's alternatives, computed when asked: the user's candidates as the run's rules and the roster stand
 * today (the same loader and candidate search as the nightly run), so the coordinator compares like with like.
 */
@Injectable()
export class ProposalAlternativesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly proposals: ProposalsService,
    private readonly loader: MatchingInstanceLoader,
    private readonly municipalities: MunicipalitiesService,
    private readonly clock: Clock,
  ) {}

  async forProposal(principal: Principal, proposalId: string): Promise<ProposalAlternativesResponse> {
    const proposal = await this.proposals.get(principal, proposalId);
    const [loaded, { matchingSettings }] = await Promise.all([
      this.loader.load(principal.municipalityId, this.clock.today(), proposal.serviceUserId),
      this.municipalities.get(principal.municipalityId),
    ]);
    const base = {
      proposalId: proposal.id,
      runId: proposal.runId,
      serviceUserId: proposal.serviceUserId,
    };
    if (loaded.usersWithoutLocation.length > 0) {
      return { ...base, alternatives: [], candidateCount: 0, noneReason: 'no_home_location' };
    }
    if (loaded.instance.users.count === 0) {
      return { ...base, alternatives: [], candidateCount: 0, noneReason: 'user_not_waiting' };
    }
    const ranked = alternativesFor(
      loaded.instance,
      0,
      { ...matchingSettings, weights: { ...DEFAULT_WEIGHTS, ...matchingSettings.weights } },
      MAX_ALTERNATIVES,
      { interests: loaded.interestLabels, days: DAY_LABELS },
    );
    const { contacts } = loaded.instance;
    const contactIds = ranked.alternatives.map((a) => contacts.ids[a.contactIndex]);
    const [names, competition] = await Promise.all([
      this.proposals.contactNames(principal, contactIds),
      this.proposedToOthers(principal, proposal.runId, proposal.serviceUserId, contactIds),
    ]);
    return {
      ...base,
      alternatives: ranked.alternatives.map((a, i) => {
        const id = contactIds[i];
        return {
          contact: names.get(id) ?? { id, firstName: '', lastName: '' },
          score: a.score,
          components: { ...a.components, distanceKm: a.distanceKm } as unknown as Record<string, number>,
          reason: a.reason,
          isThisProposal: id === proposal.contactId,
          proposedToOthersInRun: competition.get(id) ?? 0,
          freeUserSlots: contacts.freeUserSlots[a.contactIndex],
        };
      }),
      candidateCount: ranked.candidateCount,
      noneReason: ranked.noneReason,
    };
  }

  /** Per contact: how many other users the same run proposed them to. */
  private async proposedToOthers(
    principal: Principal,
    runId: string,
    serviceUserId: string,
    contactIds: string[],
  ): Promise<Map<string, number>> {
    if (contactIds.length === 0) return new Map();
    const rows: { contact_id: string; n: number }[] = await this.dataSource.query(
      `SELECT contact_id, count(*)::int AS n FROM proposals
        WHERE municipality_id = $1 AND run_id = $2 AND service_user_id <> $3 AND contact_id = ANY($4::uuid[])
        GROUP BY contact_id`,
      [principal.municipalityId, runId, serviceUserId, contactIds],
    );
    return new Map(rows.map((r) => [r.contact_id, r.n]));
  }
}
