import { assertGroupSeatingAllowed } from '../close-relatives/excluded-pairs';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AssignmentsService } from '../assignments/assignments.service';
import { Principal } from '../common/auth/principal';
import { assignFields, pickFields, refuseNulls } from '../common/http/field-mapping';
import { Clock } from '../common/clock';
import { ApiError, conflict, notFound } from '../common/errors/api-error';
import { Page, pageOf } from '../common/http/pagination';
import { transactionWithRetry } from '../database/retry';
import { MunicipalitiesService } from '../municipalities/municipalities.service';
import { ServiceUsersService } from '../service-users/service-users.service';
import { ActivityGroup, GroupStatus, MAX_MEMBERS, MIN_ACTIVE_MEMBERS } from './activity-group.entity';
import { GroupMember } from './group-member.entity';
import { lockGroup } from './group-lock';
import { GroupListQuery } from './dto/group.query';
import {
  AddGroupContactRequest,
  AddGroupMemberRequest,
  CloseGroupRequest,
  CreateGroupRequest,
  UpdateGroupRequest,
} from './dto/group.request';
import {
  GroupMemberRow,
  GroupResponse,
  GroupStatusChange,
  MemberRemovedResponse,
} from './dto/group.response';

/** Fields a client may set; DTOs are mapped to the entity field by field, never merged wholesale. */
const WRITABLE_FIELDS = [
  'name',
  'interests',
  'postalCode',
  'latitude',
  'longitude',
  'meetingTimes',
] as const satisfies readonly (keyof CreateGroupRequest & keyof ActivityGroup)[];

const REQUIRED_FIELDS = new Set<string>(['name', 'interests', 'meetingTimes']);

/**
 * aktivitetsgruppe: 3–6 service users run by one or two contacts (DOMAIN rule 2, seed 002).
 *
 * Every change to a group's members or contacts locks the group's row first (lockGroup), so parallel
 * requests count seats one after another; the seat constraints in the database (seat 1..6 unique per group,
 * contact seat 1..2 unique among open group assignments) hold even if a code path forgot to.
 */
@Injectable()
export class GroupsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly municipalities: MunicipalitiesService,
    private readonly serviceUsers: ServiceUsersService,
    private readonly assignments: AssignmentsService,
    private readonly clock: Clock,
  ) {}

  async list(principal: Principal, query: GroupListQuery): Promise<Page<GroupResponse>> {
    const builder = this.dataSource
      .getRepository(ActivityGroup)
      .createQueryBuilder('g')
      .where('g.municipality_id = :municipalityId', { municipalityId: principal.municipalityId });
    if (query.q) {
      builder.andWhere('g.name ILIKE :q', { q: `%${query.q.replace(/[%_\\]/g, '\\$&')}%` });
    }
    if (query.status) builder.andWhere('g.status = :status', { status: query.status });
    if (query.interest) builder.andWhere(':interest = ANY(g.interests)', { interest: query.interest });
    if (query.postalCode) builder.andWhere('g.postal_code = :postalCode', { postalCode: query.postalCode });
    if (query.hasOpenSeats !== undefined) {
      builder.andWhere(
        `(SELECT count(*) FROM group_members m WHERE m.group_id = g.id) ${query.hasOpenSeats ? '<' : '>='} :maxMembers`,
        { maxMembers: MAX_MEMBERS },
      );
    }
    const [groups, total] = await builder
      .orderBy('g.name', 'ASC')
      .addOrderBy('g.id', 'ASC')
      .skip(query.offset)
      .take(query.pageSize)
      .getManyAndCount();
    return pageOf(await this.toResponses(groups), total, query);
  }

  async get(
    principal: Principal,
    id: string,
    em: EntityManager = this.dataSource.manager,
  ): Promise<GroupResponse> {
    const group = await em
      .getRepository(ActivityGroup)
      .findOneBy({ id, municipalityId: principal.municipalityId });
    if (!group) throw notFound('Activity group');
    return (await this.toResponses([group], em))[0];
  }

  async create(principal: Principal, body: CreateGroupRequest): Promise<GroupResponse> {
    const id = await this.createIn(this.dataSource.manager, principal, body);
    return this.get(principal, id);
  }

  /** Creates a group inside the caller's transaction (a group proposal accepted); returns its id. */
  async createIn(em: EntityManager, principal: Principal, body: CreateGroupRequest): Promise<string> {
    refuseNulls(body, REQUIRED_FIELDS);
    await this.municipalities.assertKnownInterests(principal.municipalityId, body.interests);
    const repository = em.getRepository(ActivityGroup);
    const group = repository.create({
      municipalityId: principal.municipalityId,
      interests: [],
      meetingTimes: [],
      status: 'forming',
      version: 1,
    });
    assignFields(group, body, WRITABLE_FIELDS);
    const saved = await repository.save(group);
    return saved.id;
  }

  async update(
    principal: Principal,
    id: string,
    body: UpdateGroupRequest,
    expectedVersion?: number,
  ): Promise<GroupResponse> {
    refuseNulls(body, REQUIRED_FIELDS);
    await this.municipalities.assertKnownInterests(principal.municipalityId, body.interests);
    await transactionWithRetry(this.dataSource, async (em) => {
      const group = await lockGroup(em, principal.municipalityId, id);
      if (expectedVersion !== undefined && group.version !== expectedVersion) {
        throw new ApiError(
          412,
          'version_mismatch',
          'The group was changed by someone else; reload and try again',
          [],
          {
            currentVersion: group.version,
          },
        );
      }
      refuseClosed(group);
      assignFields(group, body, WRITABLE_FIELDS);
      await em
        .createQueryBuilder()
        .update(ActivityGroup)
        .set({ ...pickFields(group, WRITABLE_FIELDS), version: group.version + 1, updatedAt: new Date() })
        .where('id = :id', { id })
        .execute();
    });
    return this.get(principal, id);
  }

  /**
   * Gives the user the lowest free seat. Only a user whose vedtak in force today grants an activity group may
   * join; a 7th member is refused (group_full) and nothing is written.
   */
  async addMember(principal: Principal, id: string, body: AddGroupMemberRequest): Promise<GroupResponse> {
    return transactionWithRetry(this.dataSource, async (em) => {
      await this.addMemberIn(em, principal, id, body);
      return this.get(principal, id, em);
    });
  }

  /** addMember inside the caller's transaction (a group proposal accepted), with the same rules. */
  async addMemberIn(
    em: EntityManager,
    principal: Principal,
    id: string,
    body: AddGroupMemberRequest,
  ): Promise<void> {
    const group = await lockGroup(em, principal.municipalityId, id);
    refuseClosed(group);
    const seats = await em
      .getRepository(GroupMember)
      .find({ where: { groupId: id }, select: { serviceUserId: true, seat: true } });
    if (seats.some((m) => m.serviceUserId === body.serviceUserId)) {
      throw conflict('already_member', 'The service user is already a member of this group');
    }
    const taken = new Set(seats.map((m) => m.seat));
    const seat = Array.from({ length: MAX_MEMBERS }, (_, i) => i + 1).find((s) => !taken.has(s));
    if (seat === undefined) {
      throw conflict(
        'group_full',
        `The group already has ${MAX_MEMBERS} members, the most a group may have`,
        {
          memberCount: seats.length,
        },
      );
    }
    const user = await this.serviceUsers.lockServiceUser(em, principal.municipalityId, body.serviceUserId);
    const today = this.clock.today();
    const decision = await this.serviceUsers.currentDecision(em, principal.municipalityId, user.id, today);
    if (!decision) {
      throw conflict(
        'no_current_decision',
        'The service user has no vedtak in force today; a group place needs one',
      );
    }
    if (decision.serviceForm !== 'group') {
      throw conflict(
        'decision_not_group',
        `The service user's vedtak grants the form '${decision.serviceForm}', not an activity group`,
        { serviceForm: decision.serviceForm },
      );
    }
    // A close relative of a contact running the group may not join it (any path: by hand or a group proposal).
    const contacts = await em.query<{ contact_id: string }[]>(
      `SELECT contact_id FROM assignments WHERE group_id = $1 AND end_reason IS NULL`,
      [id],
    );
    await assertGroupSeatingAllowed(
      em,
      principal.municipalityId,
      [user.id],
      contacts.map((c) => c.contact_id),
    );
    await em
      .getRepository(GroupMember)
      .insert({ groupId: id, serviceUserId: user.id, seat, joinedAt: new Date() });
  }

  /** Frees the member's seat; an active group falling below 3 members goes back to forming, and says so. */
  async removeMember(
    principal: Principal,
    id: string,
    serviceUserId: string,
  ): Promise<MemberRemovedResponse> {
    return transactionWithRetry(this.dataSource, async (em) => {
      const group = await lockGroup(em, principal.municipalityId, id);
      refuseClosed(group);
      const { affected } = await em.getRepository(GroupMember).delete({ groupId: id, serviceUserId });
      if (!affected) throw notFound('Group member');
      let statusChange: GroupStatusChange | null = null;
      const remaining = await em.getRepository(GroupMember).countBy({ groupId: id });
      if (group.status === 'active' && remaining < MIN_ACTIVE_MEMBERS) {
        await this.setStatus(em, group, 'forming');
        statusChange = {
          from: 'active',
          to: 'forming',
          reason: `The group has ${remaining} members; an active group needs at least ${MIN_ACTIVE_MEMBERS}`,
        };
      }
      return { group: await this.get(principal, id, em), statusChange };
    });
  }

  /** A group runs only with 3–6 members and at least one contact. */
  async activate(principal: Principal, id: string): Promise<GroupResponse> {
    return transactionWithRetry(this.dataSource, async (em) => {
      const group = await lockGroup(em, principal.municipalityId, id);
      refuseClosed(group);
      if (group.status !== 'forming')
        throw conflict('group_not_forming', `The group is already ${group.status}`);
      const memberCount = await em.getRepository(GroupMember).countBy({ groupId: id });
      if (memberCount < MIN_ACTIVE_MEMBERS) {
        throw conflict(
          'group_too_small',
          `The group has ${memberCount} members; it needs at least ${MIN_ACTIVE_MEMBERS} to become active`,
          { memberCount, minimum: MIN_ACTIVE_MEMBERS },
        );
      }
      const contacts = (await this.assignments.groupContacts([id], em)).get(id) ?? [];
      if (contacts.length === 0) {
        throw conflict('group_has_no_contact', 'The group needs a contact before it can become active');
      }
      await this.setStatus(em, group, 'active');
      return this.get(principal, id, em);
    });
  }

  /** Closes the group for good and ends its contacts' assignments, freeing their capacity. */
  async close(principal: Principal, id: string, body: CloseGroupRequest): Promise<GroupResponse> {
    return transactionWithRetry(this.dataSource, async (em) => {
      const group = await lockGroup(em, principal.municipalityId, id);
      refuseClosed(group);
      await this.assignments.endOpenForGroup(em, id, body?.closedOn ?? this.clock.today());
      await this.setStatus(em, group, 'closed');
      return this.get(principal, id, em);
    });
  }

  /** A contact takes one of the group's two seats: an assignment with the group as its subject. */
  async addContact(principal: Principal, id: string, body: AddGroupContactRequest): Promise<GroupResponse> {
    await this.assignments.create(principal, {
      contactId: body.contactId,
      groupId: id,
      startsOn: body.startsOn,
      weeklyHours: body.weeklyHours,
    });
    return this.get(principal, id);
  }

  private async setStatus(em: EntityManager, group: ActivityGroup, status: GroupStatus): Promise<void> {
    await em
      .createQueryBuilder()
      .update(ActivityGroup)
      .set({ status, version: group.version + 1, updatedAt: new Date() })
      .where('id = :id', { id: group.id })
      .execute();
  }

  private async toResponses(
    groups: ActivityGroup[],
    em: EntityManager = this.dataSource.manager,
  ): Promise<GroupResponse[]> {
    const ids = groups.map((g) => g.id);
    if (ids.length === 0) return [];
    const members: GroupMemberRow[] = await em.query(
      `SELECT m.group_id, m.service_user_id, su.first_name, su.last_name, m.seat, m.joined_at
         FROM group_members m JOIN service_users su ON su.id = m.service_user_id
        WHERE m.group_id = ANY($1::uuid[])
        ORDER BY m.seat`,
      [ids],
    );
    const contacts = await this.assignments.groupContacts(ids, em);
    return groups.map((group) =>
      GroupResponse.from(
        group,
        members.filter((m) => m.group_id === group.id),
        contacts.get(group.id) ?? [],
      ),
    );
  }
}

function refuseClosed(group: ActivityGroup): void {
  if (group.status === 'closed')
    throw conflict('group_closed', 'The group is closed and can no longer change');
}
