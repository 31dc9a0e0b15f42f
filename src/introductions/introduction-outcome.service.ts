import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AssignmentsService } from '../assignments/assignments.service';
import { Principal } from '../common/auth/principal';
import { Clock } from '../common/clock';
import { conflict } from '../common/errors/api-error';
import { transactionWithRetry } from '../database/retry';
import { DeclinedBy, DeclineReason, DeclineRequest, OutcomeRequest } from './dto/introduction.request';
import { IntroductionResponse } from './dto/introduction.response';
import { Introduction } from './introduction.entity';
import {
  excludePair,
  introductionTransition,
  introductionView,
  lockIntroduction,
  moveIntroduction,
} from './introduction-store';
import { IntroductionAction } from './transitions';

/**
 * After the meeting (DOMAIN rule 8): both want to go on → the assignment starts, in the same transaction as the
 * introduction's change; one says no → the pair is declined for good and the user waits again with their original
 * waiting date (the waiting date is derived; a decline does not touch it). An introduction may also be declined
 * before its meeting (e.g. the contact became unavailable).
 */
@Injectable()
export class IntroductionOutcomeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly assignments: AssignmentsService,
    private readonly clock: Clock,
  ) {}

  async recordOutcome(principal: Principal, id: string, body: OutcomeRequest): Promise<IntroductionResponse> {
    await transactionWithRetry(this.dataSource, async (em) => {
      const introduction = await lockIntroduction(em, principal.municipalityId, id);
      const action: IntroductionAction = body.continue ? 'agree' : 'disagree';
      const to = introductionTransition(introduction, action);
      if (introduction.startsAt && introduction.startsAt > this.clock.now()) {
        throw conflict('introduction_not_held', 'The outcome is recorded after the meeting has begun', {
          currentState: introduction.status,
          meetingStartsAt: introduction.startsAt.toISOString(),
        });
      }
      if (!body.continue) {
        await this.decline(
          em,
          principal,
          introduction,
          to,
          body.reason!,
          body.declinedBy ?? 'both',
          body.note,
        );
        return;
      }
      // The assignments context applies its own rules: a vedtak in force on the start date, hours within it, the
      // contact active, eligible on that date (politiattest still valid) and within capacity.
      const assignmentId = await this.assignments.startForUser(em, principal, {
        contactId: introduction.contactId,
        serviceUserId: introduction.serviceUserId,
        startsOn: body.startsOn!,
      });
      await moveIntroduction(
        em,
        introduction,
        to,
        { assignmentId },
        { municipalityId: principal.municipalityId, actor: principal.subject, note: body.note ?? null },
      );
    });
    return introductionView(this.dataSource.manager, principal.municipalityId, id);
  }

  /** Declines the pair before the meeting, or instead of an outcome. */
  async declineIntroduction(
    principal: Principal,
    id: string,
    body: DeclineRequest,
  ): Promise<IntroductionResponse> {
    await transactionWithRetry(this.dataSource, async (em) => {
      const introduction = await lockIntroduction(em, principal.municipalityId, id);
      const to = introductionTransition(introduction, 'decline');
      await this.decline(
        em,
        principal,
        introduction,
        to,
        body.reason,
        body.declinedBy ?? 'coordinator',
        body.note,
      );
    });
    return introductionView(this.dataSource.manager, principal.municipalityId, id);
  }

  private async decline(
    em: EntityManager,
    principal: Principal,
    introduction: Introduction,
    to: Introduction['status'],
    reason: DeclineReason,
    declinedBy: DeclinedBy,
    note: string | undefined,
  ): Promise<void> {
    await moveIntroduction(
      em,
      introduction,
      to,
      { declineReason: reason, declinedBy },
      {
        municipalityId: principal.municipalityId,
        actor: principal.subject,
        reasonCode: reason,
        note: note ?? `declined by ${declinedBy}`,
      },
    );
    await excludePair(
      em,
      principal.municipalityId,
      introduction.serviceUserId,
      introduction.contactId,
      reason,
      principal.subject,
    );
  }
}
