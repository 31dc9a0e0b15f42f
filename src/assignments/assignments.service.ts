import { openAssignmentSql } from './open-assignment';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { Principal } from '../common/auth/principal';
import { Clock } from '../common/clock';
import { badRequest, conflict, notFound } from '../common/errors/api-error';
import { recordCaseEvent } from '../case-history/case-events';
import { assertGroupSeatingAllowed, assertIndividualPairAllowed } from '../close-relatives/excluded-pairs';
import { Page, pageOf } from '../common/http/pagination';
import { ContactsService } from '../contacts/contacts.service';
import { transactionWithRetry } from '../database/retry';
import { weeklyHoursEquivalent } from '../decisions/quota';
import { ActivityGroup, MAX_GROUP_CONTACTS } from '../groups/activity-group.entity';
import { lockGroup } from '../groups/group-lock';
import { ServiceUsersService } from '../service-users/service-users.service';
import { Assignment } from './assignment.entity';
import {
  GROUP_CONTACTS_SQL,
  GroupContact,
  GroupContactRow,
  groupContactFrom,
  SELECT_ROWS,
} from './assignment.queries';
import { AssignmentListQuery } from './dto/assignment.query';
import { refuseStartWithoutIntroduction, StartPath } from './start-rules';
import { CreateAssignmentRequest, EndAssignmentRequest } from './dto/assignment.request';
import { AssignmentResponse, AssignmentRow, OwnAssignmentResponse } from './dto/assignment.response';

export type { GroupContact };
export type AssignmentView = AssignmentResponse | OwnAssignmentResponse;

/**
 * oppdrag: starts and ends a contact's engagement for a service user or an activity group.
 *
 * Every write runs in one transaction that first locks what it depends on, always in the same order
 * (group → service user → contact → assignment), so parallel requests queue instead of overbooking:
 * the group row guards its two contact seats, the contact row (ContactsService.reserveCapacity) the
 * contact's capacity. The partial unique indexes back both up in the database.
 */
@Injectable()
export class AssignmentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly contacts: ContactsService,
    private readonly serviceUsers: ServiceUsersService,
    private readonly clock: Clock,
  ) {}

  /** Staff see the municipality's assignments; a contact only their own, and the total counts only those. */
  async list(principal: Principal, query: AssignmentListQuery): Promise<Page<AssignmentView>> {
    const today = this.clock.today();
    const conditions = ['a.municipality_id = $1'];
    const params: unknown[] = [principal.municipalityId];
    const where = (sql: string, value: unknown) => {
      params.push(value);
      conditions.push(sql.replace('?', `$${params.length}`));
    };
    if (principal.role === 'contact') where('a.contact_id = ?', principal.contactId);
    if (query.contactId) where('a.contact_id = ?', query.contactId);
    if (query.serviceUserId) where('a.service_user_id = ?', query.serviceUserId);
    if (query.groupId) where('a.group_id = ?', query.groupId);
    if (query.active === true) where(openAssignmentSql('a', '?'), today);
    if (query.active === false) where('a.ends_on < ?::date', today);
    const filter = conditions.join(' AND ');

    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM assignments a WHERE ${filter}`,
      params,
    );
    const rows: AssignmentRow[] = await this.dataSource.query(
      `${SELECT_ROWS} WHERE ${filter} ORDER BY a.starts_on DESC, a.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, query.pageSize, query.offset],
    );
    return pageOf(
      rows.map((row) => this.view(principal, row, today)),
      total,
      query,
    );
  }

  /** A contact asking for someone else's assignment gets the same 404 as for one that does not exist. */
  async get(principal: Principal, id: string): Promise<AssignmentView> {
    const [row]: AssignmentRow[] = await this.dataSource.query(
      `${SELECT_ROWS} WHERE a.id = $1 AND a.municipality_id = $2`,
      [id, principal.municipalityId],
    );
    if (!row || (principal.role === 'contact' && row.contact_id !== principal.contactId))
      throw notFound('Assignment');
    return this.view(principal, row, this.clock.today());
  }

  async create(principal: Principal, body: CreateAssignmentRequest): Promise<AssignmentView> {
    const id = await transactionWithRetry(this.dataSource, (em) =>
      body.groupId
        ? this.createForGroup(em, principal, body)
        : this.createForUser(em, principal, body, 'direct'),
    );
    return this.get(principal, id);
  }

  /** Ends an assignment. When the last contact of an active group leaves, the group goes back to forming. */
  async end(principal: Principal, id: string, body: EndAssignmentRequest): Promise<AssignmentView> {
    await transactionWithRetry(this.dataSource, async (em) => {
      const peek = await em
        .getRepository(Assignment)
        .findOneBy({ id, municipalityId: principal.municipalityId });
      if (!peek) throw notFound('Assignment');
      // The group first, as every other writer locks it first.
      const group = peek.groupId ? await lockGroup(em, principal.municipalityId, peek.groupId) : null;
      const assignment = await em
        .getRepository(Assignment)
        .createQueryBuilder('a')
        .setLock('pessimistic_write')
        .where('a.id = :id', { id })
        .getOneOrFail();
      if (assignment.endReason !== null) {
        throw conflict('assignment_already_ended', 'The assignment has already ended', {
          endsOn: assignment.endsOn,
          endReason: assignment.endReason,
        });
      }
      if (body.endsOn < assignment.startsOn) {
        throw badRequest('validation_failed', 'The request is invalid', [
          {
            field: 'endsOn',
            reason: `endsOn must be on or after the start of the assignment (${assignment.startsOn})`,
          },
        ]);
      }
      await em
        .createQueryBuilder()
        .update(Assignment)
        .set({
          endsOn: body.endsOn,
          endReason: body.reason,
          endNote: body.note ?? null,
          version: assignment.version + 1,
          updatedAt: new Date(),
        })
        .where('id = :id', { id })
        .execute();
      if (assignment.serviceUserId) {
        await recordCaseEvent(em, {
          municipalityId: principal.municipalityId,
          serviceUserId: assignment.serviceUserId,
          subjectType: 'assignment',
          subjectId: id,
          from: 'active',
          to: 'ended',
          reasonCode: body.reason,
          actor: principal.subject,
        });
      }
      if (group?.status === 'active' && (await this.openGroupAssignments(em, group.id)).length === 0) {
        await em
          .createQueryBuilder()
          .update(ActivityGroup)
          .set({ status: 'forming', version: group.version + 1, updatedAt: new Date() })
          .where('id = :id', { id: group.id })
          .execute();
      }
    });
    return this.get(principal, id);
  }

  /** The contacts holding each group's seats, for the groups context's responses. */
  async groupContacts(
    groupIds: string[],
    em: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, GroupContact[]>> {
    const byGroup = new Map<string, GroupContact[]>(groupIds.map((id) => [id, []]));
    if (groupIds.length === 0) return byGroup;
    const rows = await em.query<GroupContactRow[]>(GROUP_CONTACTS_SQL, [groupIds]);
    for (const row of rows) byGroup.get(row.group_id)?.push(groupContactFrom(row));
    return byGroup;
  }

  /**
   * Ends every open assignment of a group that is being closed, inside the caller's transaction (which holds
   * the group's lock). An assignment that has not started yet ends on its start date.
   */
  async endOpenForGroup(em: EntityManager, groupId: string, endsOn: string): Promise<number> {
    const result = await em.query(
      `UPDATE assignments
          SET ends_on = GREATEST(starts_on, $2::date), end_reason = 'other', end_note = 'The group was closed',
              version = version + 1, updated_at = now()
        WHERE group_id = $1 AND end_reason IS NULL`,
      [groupId, endsOn],
    );
    return Number((result as [unknown, number])[1] ?? 0);
  }

  /**
   * Starts an individual assignment inside the caller's transaction, with the same rules as POST /assignments:
   * for the introductions context, whose outcome and the assignment must commit together.
   */
  startForUser(em: EntityManager, principal: Principal, body: CreateAssignmentRequest): Promise<string> {
    return this.createForUser(em, principal, body, 'introduction_outcome');
  }

  /**
   * Gives a contact one of a group's two seats inside the caller's transaction, with the same rules as
   * POST /assignments: for an accepted group proposal, whose group, members and contacts commit together.
   */
  startForGroup(em: EntityManager, principal: Principal, body: CreateAssignmentRequest): Promise<string> {
    return this.createForGroup(em, principal, body);
  }

  private async createForGroup(
    em: EntityManager,
    principal: Principal,
    body: CreateAssignmentRequest,
  ): Promise<string> {
    const municipalityId = principal.municipalityId;
    const group = await lockGroup(em, municipalityId, body.groupId!);
    if (group.status === 'closed') throw conflict('group_closed', 'The group is closed');
    const open = await this.openGroupAssignments(em, group.id);
    if (open.some((a) => a.contactId === body.contactId)) {
      throw conflict('already_group_contact', 'The contact already runs this group');
    }
    const takenSeats = new Set(open.map((a) => a.groupContactSeat));
    const seat = [...Array(MAX_GROUP_CONTACTS).keys()].map((i) => i + 1).find((s) => !takenSeats.has(s));
    if (seat === undefined) {
      throw conflict('group_contacts_full', `A group is run by at most ${MAX_GROUP_CONTACTS} contacts`, {
        contactIds: open.map((a) => a.contactId),
      });
    }
    const members = await em.query<{ service_user_id: string }[]>(
      `SELECT service_user_id FROM group_members WHERE group_id = $1`,
      [group.id],
    );
    await assertGroupSeatingAllowed(
      em,
      municipalityId,
      members.map((m) => m.service_user_id),
      [body.contactId],
    );
    const weeklyHours = body.weeklyHours!;
    await this.contacts.reserveCapacity(
      em,
      municipalityId,
      body.contactId,
      weeklyHours,
      body.startsOn,
      contractSignedOn(body),
    );
    return this.insert(em, principal, body, { groupId: group.id, groupContactSeat: seat, weeklyHours });
  }

  private async createForUser(
    em: EntityManager,
    principal: Principal,
    body: CreateAssignmentRequest,
    path: StartPath,
  ): Promise<string> {
    const municipalityId = principal.municipalityId;
    const reason = path === 'direct' ? (body.startWithoutIntroductionReason?.trim() ?? null) : null;
    const refusal = refuseStartWithoutIntroduction(path, reason);
    if (refusal) throw conflict(refusal.code, refusal.message);
    const user = await this.serviceUsers.lockServiceUser(em, municipalityId, body.serviceUserId!);
    const decision = await this.serviceUsers.currentDecision(em, municipalityId, user.id, body.startsOn);
    if (!decision) {
      throw conflict('no_current_decision', `The service user has no vedtak in force on ${body.startsOn}`);
    }
    if (decision.serviceForm === 'group') {
      throw conflict(
        'decision_not_individual',
        'The vedtak grants an activity group, not an individual støttekontakt; add the user to a group instead',
        { serviceForm: decision.serviceForm },
      );
    }
    const granted = weeklyHoursEquivalent(decision.hoursGranted, decision.hoursPeriod);
    const weeklyHours = body.weeklyHours ?? granted;
    if (Math.round(weeklyHours * 100) > Math.round(granted * 100)) {
      throw conflict(
        'hours_exceed_decision',
        `The vedtak grants ${granted} hours a week; an assignment of ${weeklyHours} does not fit it`,
        { grantedWeeklyHours: granted },
      );
    }
    const existing = await em.getRepository(Assignment).findOne({
      where: { contactId: body.contactId, serviceUserId: user.id, endReason: IsNull() },
      select: { id: true },
    });
    if (existing) {
      throw conflict('assignment_exists', 'The contact already has an open assignment for this user', {
        assignmentId: existing.id,
      });
    }
    // Declined before or close relatives: never assigned, on this path either.
    await assertIndividualPairAllowed(em, municipalityId, user.id, body.contactId);
    // The user's own introduction with this contact, if it is what starts this assignment, held the room it takes.
    await this.contacts.reserveCapacity(
      em,
      municipalityId,
      body.contactId,
      weeklyHours,
      body.startsOn,
      contractSignedOn(body),
      user.id,
    );
    const id = await this.insert(em, principal, body, {
      serviceUserId: user.id,
      decisionId: decision.id,
      weeklyHours,
      startedWithoutIntroductionReason: reason,
    });
    await recordCaseEvent(em, {
      municipalityId,
      serviceUserId: user.id,
      subjectType: 'assignment',
      subjectId: id,
      from: null,
      to: 'active',
      actor: principal.subject,
      reasonCode: reason === null ? null : 'started_without_introduction',
      note: reason,
    });
    return id;
  }

  private async insert(
    em: EntityManager,
    principal: Principal,
    body: CreateAssignmentRequest,
    subject: Pick<Assignment, 'weeklyHours'> &
      Partial<
        Pick<
          Assignment,
          'serviceUserId' | 'groupId' | 'groupContactSeat' | 'decisionId' | 'startedWithoutIntroductionReason'
        >
      >,
  ): Promise<string> {
    const assignment = em.getRepository(Assignment).create({
      municipalityId: principal.municipalityId,
      contactId: body.contactId,
      serviceUserId: subject.serviceUserId ?? null,
      groupId: subject.groupId ?? null,
      groupContactSeat: subject.groupContactSeat ?? null,
      decisionId: subject.decisionId ?? null,
      weeklyHours: subject.weeklyHours,
      startsOn: body.startsOn,
      endsOn: null,
      endReason: null,
      endNote: null,
      startedWithoutIntroductionReason: subject.startedWithoutIntroductionReason ?? null,
      version: 1,
      createdBy: principal.subject,
    });
    const { identifiers } = await em.getRepository(Assignment).insert(assignment);
    return String(identifiers[0].id);
  }

  private openGroupAssignments(em: EntityManager, groupId: string): Promise<Assignment[]> {
    return em
      .getRepository(Assignment)
      .createQueryBuilder('a')
      .where('a.group_id = :groupId AND a.end_reason IS NULL', { groupId })
      .orderBy('a.group_contact_seat')
      .getMany();
  }

  private view(principal: Principal, row: AssignmentRow, today: string): AssignmentView {
    return principal.role === 'contact'
      ? OwnAssignmentResponse.from(row, today)
      : AssignmentResponse.from(row, today);
  }
}

/**
 * oppdragsavtale: the API keeps no separate signing date, so the contract counts as signed on the assignment's
 * first day; an assignment recorded after the fact keeps the day it began.
 */
function contractSignedOn(body: CreateAssignmentRequest): string {
  return body.startsOn;
}
