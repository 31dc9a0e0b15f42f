import { openAssignmentSql } from '../assignments/open-assignment';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { recordCaseEvent } from '../case-history/case-events';
import { assertIndividualPairAllowed } from '../close-relatives/excluded-pairs';
import { Principal } from '../common/auth/principal';
import { Clock } from '../common/clock';
import { conflict, notFound } from '../common/errors/api-error';
import { Page, pageOf } from '../common/http/pagination';
import { ContactsService } from '../contacts/contacts.service';
import { transactionWithRetry } from '../database/retry';
import { weeklyHoursEquivalent } from '../decisions/quota';
import { ServiceUsersService } from '../service-users/service-users.service';
import { CreateIntroductionRequest, DeclineRequest, IntroductionListQuery } from './dto/introduction.request';
import { DeclinedProposalResponse, IntroductionResponse, IntroductionRow } from './dto/introduction.response';
import { Introduction } from './introduction.entity';
import { DECISION_FOR_INTRODUCTION_SQL, INTRODUCTION_ROWS } from './introduction.queries';
import { excludePair, introductionView, transitionOrConflict } from './introduction-store';
import { PROPOSAL_TRANSITIONS, ProposalAction, ProposalState } from './transitions';

/** Decisions starting within this many days may be introduced now, as the matching run proposes them. */

interface LockedProposal {
  id: string;
  service_user_id: string;
  contact_id: string;
  status: ProposalState;
}

/**
 * From a proposal (or a contact picked by hand) to an introduction that awaits its meeting. The hard rules hold
 * both ways: a vedtak for an individual contact, the contact active and eligible (politiattest, taushetserklæring),
 * within capacity counting assignments and pending introductions, the pair not excluded, and at most one
 * introduction on its way per user. Locks are taken in the order proposal → user → contact, as everywhere else.
 */
@Injectable()
export class IntroductionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly serviceUsers: ServiceUsersService,
    private readonly contacts: ContactsService,
    private readonly clock: Clock,
  ) {}

  async list(principal: Principal, query: IntroductionListQuery): Promise<Page<IntroductionResponse>> {
    const conditions = ['i.municipality_id = $1'];
    const params: unknown[] = [principal.municipalityId];
    const where = (column: string, value: unknown) => {
      params.push(value);
      conditions.push(`${column} = $${params.length}`);
    };
    if (query.status) where('i.status', query.status);
    if (query.serviceUserId) where('i.service_user_id', query.serviceUserId);
    if (query.contactId) where('i.contact_id', query.contactId);
    const filter = conditions.join(' AND ');
    const [{ total }]: { total: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM introductions i WHERE ${filter}`,
      params,
    );
    const rows: IntroductionRow[] = await this.dataSource.query(
      `${INTRODUCTION_ROWS} WHERE ${filter} ORDER BY i.created_at DESC, i.id
        LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, query.pageSize, query.offset],
    );
    return pageOf(
      rows.map((row) => IntroductionResponse.from(row, [])),
      total,
      query,
    );
  }

  get(principal: Principal, id: string): Promise<IntroductionResponse> {
    return introductionView(this.dataSource.manager, principal.municipalityId, id);
  }

  /** Accepts an open proposal: its pair goes on to an introduction meeting. */
  async acceptProposal(principal: Principal, proposalId: string): Promise<IntroductionResponse> {
    const id = await transactionWithRetry(this.dataSource, async (em) => {
      const proposal = await this.lockProposal(em, principal.municipalityId, proposalId, 'accept');
      // The proposal's change first, so the history reads in the order things happened; a refusal rolls back both.
      await this.moveProposal(em, principal, proposal, 'accepted');
      const introductionId = await this.open(
        em,
        principal,
        proposal.service_user_id,
        proposal.contact_id,
        proposal.id,
      );
      return introductionId;
    });
    return this.get(principal, id);
  }

  /** Declines an open proposal: the pair is never proposed again, and the reason is kept. */
  async declineProposal(
    principal: Principal,
    proposalId: string,
    body: DeclineRequest,
  ): Promise<DeclinedProposalResponse> {
    await transactionWithRetry(this.dataSource, async (em) => {
      const proposal = await this.lockProposal(em, principal.municipalityId, proposalId, 'decline');
      await excludePair(
        em,
        principal.municipalityId,
        proposal.service_user_id,
        proposal.contact_id,
        body.reason,
        principal.subject,
      );
      await this.moveProposal(em, principal, proposal, 'declined', body);
    });
    const [row]: { id: string; status: string; service_user_id: string; contact_id: string }[] =
      await this.dataSource.query(
        `SELECT id, status, service_user_id, contact_id FROM proposals WHERE id = $1`,
        [proposalId],
      );
    return {
      id: row.id,
      status: row.status as 'declined',
      serviceUserId: row.service_user_id,
      contactId: row.contact_id,
      declineReason: body.reason,
    };
  }

  /** A contact picked by hand: the same hard rules as an accepted proposal. */
  async create(principal: Principal, body: CreateIntroductionRequest): Promise<IntroductionResponse> {
    const id = await transactionWithRetry(this.dataSource, (em) =>
      this.open(em, principal, body.serviceUserId, body.contactId, null),
    );
    return this.get(principal, id);
  }

  private async open(
    em: EntityManager,
    principal: Principal,
    serviceUserId: string,
    contactId: string,
    proposalId: string | null,
  ): Promise<string> {
    const municipalityId = principal.municipalityId;
    const today = this.clock.today();
    const user = await this.serviceUsers.lockServiceUser(em, municipalityId, serviceUserId);
    const [decision]: {
      id: string;
      service_form: string;
      hours_granted: string;
      hours_period: 'week' | 'month';
    }[] = await em.query(DECISION_FOR_INTRODUCTION_SQL, [user.id, municipalityId, today]);
    if (!decision)
      throw conflict('no_current_decision', 'The service user has no vedtak in force or about to start');
    if (decision.service_form === 'group') {
      throw conflict(
        'decision_not_individual',
        'The vedtak grants an activity group, not an individual støttekontakt',
        {
          serviceForm: decision.service_form,
        },
      );
    }
    const [pending]: { id: string; status: string }[] = await em.query(
      `SELECT id, status FROM introductions WHERE service_user_id = $1 AND status IN ('awaiting_booking', 'booked')`,
      [user.id],
    );
    if (pending) {
      throw conflict('introduction_pending', 'The user already has an introduction on its way', {
        introductionId: pending.id,
        currentState: pending.status,
      });
    }
    const [served]: { id: string }[] = await em.query(
      `SELECT id FROM assignments WHERE service_user_id = $1 AND ${openAssignmentSql(null, '$2')} LIMIT 1`,
      [user.id, today],
    );
    if (served)
      throw conflict('user_has_contact', 'The user already has a støttekontakt', { assignmentId: served.id });
    // Declined before or close relatives: never introduced (the same rule as the matching run's).
    await assertIndividualPairAllowed(em, municipalityId, user.id, contactId);
    const weeklyHours = weeklyHoursEquivalent(Number(decision.hours_granted), decision.hours_period);
    // Locks the contact, and checks active, eligible today and capacity (assignments and introductions on their way).
    const contact = await this.contacts.reserveCapacity(em, municipalityId, contactId, weeklyHours, today);
    const repository = em.getRepository(Introduction);
    const { identifiers } = await repository.insert(
      repository.create({
        municipalityId,
        serviceUserId: user.id,
        contactId: contact.id,
        decisionId: decision.id,
        proposalId,
        weeklyHours,
        status: 'awaiting_booking',
        version: 1,
        createdBy: principal.subject,
      }),
    );
    const id = String(identifiers[0].id);
    await recordCaseEvent(em, {
      municipalityId,
      serviceUserId: user.id,
      subjectType: 'introduction',
      subjectId: id,
      from: null,
      to: 'awaiting_booking',
      actor: principal.subject,
      note: proposalId ? null : 'contact picked by hand',
    });
    return id;
  }

  private async lockProposal(
    em: EntityManager,
    municipalityId: string,
    id: string,
    action: ProposalAction,
  ): Promise<LockedProposal> {
    const [proposal]: LockedProposal[] = await em.query(
      `SELECT id, service_user_id, contact_id, status FROM proposals WHERE id = $1 AND municipality_id = $2 FOR UPDATE`,
      [id, municipalityId],
    );
    if (!proposal) throw notFound('Proposal');
    transitionOrConflict(PROPOSAL_TRANSITIONS, 'A proposal', proposal.status, action);
    return proposal;
  }

  private async moveProposal(
    em: EntityManager,
    principal: Principal,
    proposal: LockedProposal,
    to: ProposalState,
    decline?: DeclineRequest,
  ): Promise<void> {
    await em.query(
      `UPDATE proposals SET status = $2, status_changed_at = now(), status_changed_by = $3 WHERE id = $1`,
      [proposal.id, to, principal.subject],
    );
    await recordCaseEvent(em, {
      municipalityId: principal.municipalityId,
      serviceUserId: proposal.service_user_id,
      subjectType: 'proposal',
      subjectId: proposal.id,
      from: proposal.status,
      to,
      actor: principal.subject,
      reasonCode: decline?.reason ?? null,
      note: decline?.note ?? null,
    });
  }
}
