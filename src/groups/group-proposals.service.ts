import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AssignmentsService } from '../assignments/assignments.service';
import { Principal } from '../common/auth/principal';
import { Clock } from '../common/clock';
import { conflict, notFound } from '../common/errors/api-error';
import { Page, pageOf } from '../common/http/pagination';
import { Weekday } from '../common/scheduling/weekly-slot';
import { transactionWithRetry } from '../database/retry';
import { MAX_GROUP_CONTACTS, MAX_MEMBERS, MIN_ACTIVE_MEMBERS } from './activity-group.entity';
import {
  AcceptedGroupProposalResponse,
  AcceptGroupProposalRequest,
  DeclineGroupProposalRequest,
  GroupProposalListQuery,
  GroupProposalPerson,
  GroupProposalResponse,
  GroupProposalStatus,
} from './dto/group-proposal.dto';
import { GroupsService } from './groups.service';

interface ProposalRow {
  id: string;
  run_id: string;
  group_id: string | null;
  name_suggestion: string;
  interests: string[];
  meeting_day: Weekday;
  meeting_start: string;
  meeting_end: string;
  centre_latitude: number;
  centre_longitude: number;
  weekly_hours: string;
  score: number;
  reason: string;
  status: GroupProposalStatus;
  decline_reason: string | null;
  accepted_group_id: string | null;
  created_at: Date;
}

interface PersonRow {
  proposal_id: string;
  id: string;
  first_name: string;
  last_name: string;
}

const COLUMNS = `p.id, p.run_id, p.group_id, p.name_suggestion, p.interests, p.meeting_day,
  to_char(p.meeting_start, 'HH24:MI') AS meeting_start, to_char(p.meeting_end, 'HH24:MI') AS meeting_end,
  p.centre_latitude, p.centre_longitude, p.weekly_hours, p.score, p.reason, p.status, p.decline_reason,
  p.accepted_group_id, p.created_at`;

/**
 * Group proposals of the matching run (issue 4, items 7–8): read them, accept one (it becomes a group with its
 * members and contacts, or fills the seats of an existing group) or decline it with a reason.
 *
 * Accepting runs in one transaction through GroupsService and AssignmentsService, so the foundation's rules hold
 * as they do for a coordinator's own requests: at most 6 members (seat lock, seats 1..6), 1–2 contacts (seat
 * lock, seats 1..2), each contact eligible and within capacity (contact row lock), each member's vedtak for a
 * group; one failing rule rolls back the whole group.
 */
@Injectable()
export class GroupProposalsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly groups: GroupsService,
    private readonly assignments: AssignmentsService,
    private readonly clock: Clock,
  ) {}

  async list(principal: Principal, query: GroupProposalListQuery): Promise<Page<GroupProposalResponse>> {
    const conditions = ['p.municipality_id = $1'];
    const params: unknown[] = [principal.municipalityId];
    if (query.runId) {
      params.push(query.runId);
      conditions.push(`p.run_id = $${params.length}`);
    }
    if (query.status) {
      params.push(query.status);
      conditions.push(`p.status = $${params.length}::group_proposal_status`);
    }
    const where = conditions.join(' AND ');
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM group_proposals p WHERE ${where}`,
      params,
    );
    const rows: ProposalRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM group_proposals p WHERE ${where}
        ORDER BY p.created_at DESC, p.score DESC, p.id
        LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, query.pageSize, query.offset],
    );
    return pageOf(await this.toResponses(rows), total, query);
  }

  async get(
    principal: Principal,
    id: string,
    em: EntityManager = this.dataSource.manager,
  ): Promise<GroupProposalResponse> {
    const rows: ProposalRow[] = await em.query(
      `SELECT ${COLUMNS} FROM group_proposals p WHERE p.id = $1 AND p.municipality_id = $2`,
      [id, principal.municipalityId],
    );
    if (rows.length === 0) throw notFound('Group proposal');
    return (await this.toResponses(rows, em))[0];
  }

  async accept(
    principal: Principal,
    id: string,
    body: AcceptGroupProposalRequest = {},
  ): Promise<AcceptedGroupProposalResponse> {
    const groupId = await transactionWithRetry(this.dataSource, async (em) => {
      const proposal = await this.lockOpen(em, principal, id);
      const proposed = await em.query<{ service_user_id: string }[]>(
        `SELECT service_user_id FROM group_proposal_members WHERE proposal_id = $1 ORDER BY service_user_id`,
        [id],
      );
      const proposedContacts = await em.query<{ contact_id: string }[]>(
        `SELECT contact_id FROM group_proposal_contacts WHERE proposal_id = $1 ORDER BY position`,
        [id],
      );
      const dropped = new Set(body.dropMembers ?? []);
      const members = [
        ...new Set([
          ...proposed.map((m) => m.service_user_id).filter((m) => !dropped.has(m)),
          ...(body.addMembers ?? []),
        ]),
      ];
      const contacts = body.contactIds ?? proposedContacts.map((c) => c.contact_id);
      const startsOn = body.startsOn ?? this.clock.today();
      const weeklyHours = Number(proposal.weekly_hours);

      let target: string;
      if (proposal.group_id) {
        // Seats in an existing group: GroupsService refuses a 7th member (group_full) and a closed group.
        if (members.length === 0)
          throw conflict('group_proposal_empty', 'No members are left to add to the group');
        target = proposal.group_id;
      } else {
        if (members.length < MIN_ACTIVE_MEMBERS || members.length > MAX_MEMBERS) {
          throw conflict(
            'group_size',
            `A group has ${MIN_ACTIVE_MEMBERS}–${MAX_MEMBERS} members; this one would have ${members.length}`,
            { memberCount: members.length },
          );
        }
        if (contacts.length < 1 || contacts.length > MAX_GROUP_CONTACTS) {
          throw conflict(
            'group_contacts',
            `A group is run by 1–${MAX_GROUP_CONTACTS} contacts; this one would have ${contacts.length}`,
            { contactCount: contacts.length },
          );
        }
        target = await this.groups.createIn(em, principal, {
          name: body.name ?? (await this.freeName(em, principal.municipalityId, proposal.name_suggestion)),
          interests: proposal.interests,
          latitude: proposal.centre_latitude,
          longitude: proposal.centre_longitude,
          meetingTimes: [
            { day: proposal.meeting_day, start: proposal.meeting_start, end: proposal.meeting_end },
          ],
        });
      }
      for (const serviceUserId of members)
        await this.groups.addMemberIn(em, principal, target, { serviceUserId });
      if (!proposal.group_id || body.contactIds) {
        for (const contactId of contacts)
          await this.assignments.startForGroup(em, principal, {
            contactId,
            groupId: target,
            startsOn,
            weeklyHours,
          });
      }
      await em.query(
        `UPDATE group_proposals SET status = 'accepted', accepted_group_id = $2, status_changed_at = now(),
                status_changed_by = $3 WHERE id = $1`,
        [id, target, principal.subject],
      );
      return target;
    });
    return {
      proposal: await this.get(principal, id),
      group: await this.groups.get(principal, groupId),
    };
  }

  async decline(
    principal: Principal,
    id: string,
    body: DeclineGroupProposalRequest,
  ): Promise<GroupProposalResponse> {
    await transactionWithRetry(this.dataSource, async (em) => {
      await this.lockOpen(em, principal, id);
      await em.query(
        `UPDATE group_proposals SET status = 'declined', decline_reason = $2, status_changed_at = now(),
                status_changed_by = $3 WHERE id = $1`,
        [id, body.reason, principal.subject],
      );
    });
    return this.get(principal, id);
  }

  /** The proposal, locked; 404 in another municipality, 409 unless it is still open. */
  private async lockOpen(em: EntityManager, principal: Principal, id: string): Promise<ProposalRow> {
    const rows: ProposalRow[] = await em.query(
      `SELECT ${COLUMNS} FROM group_proposals p WHERE p.id = $1 AND p.municipality_id = $2 FOR UPDATE`,
      [id, principal.municipalityId],
    );
    const proposal = rows[0];
    if (!proposal) throw notFound('Group proposal');
    if (proposal.status !== 'open') {
      throw conflict('group_proposal_not_open', `The group proposal is already ${proposal.status}`, {
        status: proposal.status,
      });
    }
    return proposal;
  }

  /** The suggestion, or the suggestion with a number when the municipality already has a group of that name. */
  private async freeName(em: EntityManager, municipalityId: string, suggestion: string): Promise<string> {
    const taken = new Set(
      (
        await em.query<{ name: string }[]>(
          `SELECT name FROM activity_groups WHERE municipality_id = $1 AND name LIKE $2`,
          [municipalityId, `${suggestion.replace(/[%_\\]/g, '\\$&')}%`],
        )
      ).map((r) => r.name),
    );
    if (!taken.has(suggestion)) return suggestion;
    for (let n = 2; ; n++) if (!taken.has(`${suggestion} (${n})`)) return `${suggestion} (${n})`;
  }

  private async toResponses(
    rows: ProposalRow[],
    em: EntityManager = this.dataSource.manager,
  ): Promise<GroupProposalResponse[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const members: PersonRow[] = await em.query(
      `SELECT m.proposal_id, su.id, su.first_name, su.last_name
         FROM group_proposal_members m JOIN service_users su ON su.id = m.service_user_id
        WHERE m.proposal_id = ANY($1::uuid[]) ORDER BY su.last_name, su.first_name, su.id`,
      [ids],
    );
    const contacts: PersonRow[] = await em.query(
      `SELECT pc.proposal_id, c.id, c.first_name, c.last_name
         FROM group_proposal_contacts pc JOIN contacts c ON c.id = pc.contact_id
        WHERE pc.proposal_id = ANY($1::uuid[]) ORDER BY pc.position`,
      [ids],
    );
    const person = (p: PersonRow): GroupProposalPerson => ({
      id: p.id,
      firstName: p.first_name,
      lastName: p.last_name,
    });
    return rows.map((r) => ({
      id: r.id,
      runId: r.run_id,
      groupId: r.group_id,
      name: r.name_suggestion,
      interests: r.interests,
      meetingTime: { day: r.meeting_day, start: r.meeting_start, end: r.meeting_end },
      centreLatitude: r.centre_latitude,
      centreLongitude: r.centre_longitude,
      weeklyHours: Number(r.weekly_hours),
      score: r.score,
      reason: r.reason,
      status: r.status,
      declineReason: r.decline_reason,
      acceptedGroupId: r.accepted_group_id,
      members: members.filter((m) => m.proposal_id === r.id).map(person),
      contacts: contacts.filter((c) => c.proposal_id === r.id).map(person),
      createdAt: new Date(r.created_at).toISOString(),
    }));
  }
}
