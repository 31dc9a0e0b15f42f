import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { badRequest, conflict } from '../common/errors/api-error';
import { Contact } from '../contacts/contact.entity';
import { assessEligibility } from '../contacts/eligibility';
import { MunicipalitiesService } from '../municipalities/municipalities.service';
import { ServiceUsersService } from '../service-users/service-users.service';
import { SessionFields } from './dto/session.request';
import type { AssignmentRef } from './sessions.service';
import { endsInFuture, timeOfDayInOslo } from './session-rules';

/**
 * The checks a session passes before its quota is counted: not in the future, who was present, a vedtak in force
 * for each of them, and a contact still cleared to work (DOMAIN rules 1 and 3). Each refusal names its reason.
 */
@Injectable()
export class SessionGuards {
  constructor(
    private readonly serviceUsers: ServiceUsersService,
    private readonly municipalities: MunicipalitiesService,
    private readonly clock: Clock,
  ) {}

  /** The users the session counts for: the assignment's user, or the group members present. */
  async attendees(em: EntityManager, assignment: AssignmentRef, present?: string[]): Promise<string[]> {
    if (!assignment.group_id) {
      if (present && (present.length !== 1 || present[0] !== assignment.service_user_id)) {
        throw badRequest('validation_failed', 'The request is invalid', [
          {
            field: 'presentServiceUserIds',
            reason: 'an individual session is with the assignment’s own user',
          },
        ]);
      }
      return [assignment.service_user_id!];
    }
    if (!present) {
      throw badRequest('validation_failed', 'The request is invalid', [
        { field: 'presentServiceUserIds', reason: 'a group session names the members present' },
      ]);
    }
    const members = await em.query<{ service_user_id: string }[]>(
      `SELECT service_user_id FROM group_members WHERE group_id = $1 AND service_user_id = ANY($2::uuid[])`,
      [assignment.group_id, present],
    );
    if (members.length !== present.length) {
      throw conflict('not_group_members', 'Everyone present must be a member of the group', {
        notMembers: present.filter((id) => !members.some((m) => m.service_user_id === id)),
      });
    }
    return [...present].sort();
  }

  /** A lapsed vedtak blocks new sessions after its last day (DOMAIN rule 3; issue 5, lapses). */
  async decisionInForce(
    em: EntityManager,
    assignment: AssignmentRef,
    serviceUserId: string,
    date: string,
  ): Promise<string> {
    const decision = await this.serviceUsers.currentDecision(
      em,
      assignment.municipality_id,
      serviceUserId,
      date,
    );
    if (decision) return decision.id;
    const [{ lapsed_on }] = await em.query<{ lapsed_on: string | null }[]>(
      `SELECT max(valid_to)::text AS lapsed_on FROM decisions
        WHERE service_user_id = $1 AND valid_from <= $2::date`,
      [serviceUserId, date],
    );
    if (lapsed_on) {
      throw conflict('decision_expired', `The vedtak lapsed on ${lapsed_on}; no sessions after it`, {
        serviceUserId,
        validTo: lapsed_on,
      });
    }
    throw conflict('no_decision_in_force', `No vedtak is in force on ${date}`, { serviceUserId });
  }

  /** A lapsed politiattest (or missing taushetserklæring) blocks new sessions (DOMAIN rule 1). */
  async refuseIneligibleContact(em: EntityManager, assignment: AssignmentRef, date: string): Promise<void> {
    const contact = await em.getRepository(Contact).findOneByOrFail({ id: assignment.contact_id });
    const policy = await this.municipalities.eligibilityPolicy(assignment.municipality_id, em);
    const eligibility = assessEligibility(contact, policy, date);
    if (!eligibility.eligible) {
      throw conflict(
        'contact_not_eligible',
        'No sessions while the politiattest or taushetserklæring is not in order: ' +
          eligibility.reasons.map((r) => r.message).join('; '),
        { reasons: eligibility.reasons.map((r) => r.code) },
      );
    }
  }

  refuseFuture(body: SessionFields): void {
    const now = this.clock.now();
    if (endsInFuture(body.date, body.end, this.clock.today(), timeOfDayInOslo(now))) {
      throw badRequest('validation_failed', 'The request is invalid', [
        { field: 'date', reason: 'a session is logged after it has ended, not in advance' },
      ]);
    }
  }
}
