import { openAssignmentSql } from '../assignments/open-assignment';
import { EligibilityPolicy } from '../contacts/eligibility';
import { Interest } from '../municipalities/municipality.entity';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { daysBetween } from '../common/dates';
import { decisionInForceSql } from '../decisions/decision-in-force';
import { WeeklySlot } from '../common/scheduling/weekly-slot';
import { MunicipalitiesService } from '../municipalities/municipalities.service';
import { buildGroupInstance, GroupInstance } from './engine/groups/instance';
import { ExistingGroupInput, GroupContactInput, GroupUserInput } from './engine/groups/types';
import {
  CANDIDATE_CONTACTS_SQL,
  CodeBook,
  ContactCandidateRow,
  exclusionsByUser,
  interestBook,
  isEligibleRow,
  toIntervals,
} from './instance-mapping';

/** What the individual matching of the same run already proposed to a contact: it is not offered twice. */
export type ReservedCapacity = ReadonlyMap<string, { users: number; weeklyHours: number }>;

export interface LoadedGroupInstance {
  instance: GroupInstance;
  /** Interest codes (the vocabulary's code strings) and their labels, by engine code. */
  interests: CodeBook;
  interestLabels: string[];
  /** Per existing-group index: its name and meeting times (a seat proposal shows when the group meets). */
  groupNames: string[];
  groupMeetingTimes: WeeklySlot[][];
}

/** What group formation reads from the database, before this run's individual proposals are taken off. */
export interface GroupRows {
  users: {
    id: string;
    latitude: number;
    longitude: number;
    interests: string[];
    availability: WeeklySlot[];
    waiting_since: string;
  }[];
  contacts: ContactCandidateRow[];
  groups: {
    id: string;
    name: string;
    latitude: number | null;
    longitude: number | null;
    interests: string[];
    meeting_times: WeeklySlot[];
    member_count: number;
    contact_ids: string[];
  }[];
  exclusions: { service_user_id: string; contact_id: string }[];
  vocabulary: Interest[];
  policy: EligibilityPolicy;
}

/**
 * Loads group formation's input in five queries: users whose vedtak in force today is for an activity group and
 * who are in no open group and have no open assignment; contacts with their free capacity (less what the
 * individual matching of this run proposed to them); open groups (forming or active) with fewer than 6 members;
 * exclusions; the interest vocabulary.
 */
@Injectable()
export class GroupInstanceLoader {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly municipalities: MunicipalitiesService,
  ) {}

  async load(
    municipalityId: string,
    today: string,
    reserved: ReservedCapacity,
  ): Promise<LoadedGroupInstance> {
    return this.build(await this.fetch(municipalityId, today), today, reserved);
  }

  /**
   * The rows, fetched concurrently. Independent of the individual matching's outcome, so the nightly run starts
   * this before its engine runs and the database works while the engine does.
   */
  async fetch(
    municipalityId: string,
    today: string,
    sharedContacts?: Promise<ContactCandidateRow[]>,
  ): Promise<GroupRows> {
    const db = this.dataSource.manager;
    const [users, contacts, groups, exclusions, vocabulary, policy] = await Promise.all([
      db.query<GroupRows['users']>(
        `SELECT u.id, u.latitude, u.longitude, u.interests, u.availability, d.waiting_since::text AS waiting_since
         FROM service_users u
         JOIN LATERAL (${decisionInForceSql({ userRef: 'u.id', onDate: '$2' })}) d ON true
        WHERE u.municipality_id = $1 AND d.service_form = 'group' AND u.latitude IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM group_members m JOIN activity_groups g ON g.id = m.group_id
                           WHERE m.service_user_id = u.id AND g.status <> 'closed')
          AND NOT EXISTS (SELECT 1 FROM assignments a
                           WHERE a.service_user_id = u.id AND ${openAssignmentSql('a', '$2')})
        ORDER BY d.waiting_since, u.id`,
        [municipalityId, today],
      ),
      sharedContacts ?? db.query<ContactCandidateRow[]>(CANDIDATE_CONTACTS_SQL, [municipalityId, today]),
      db.query<GroupRows['groups']>(
        `SELECT g.id, g.name, coalesce(g.latitude, m.latitude) AS latitude, coalesce(g.longitude, m.longitude) AS longitude,
              g.interests, g.meeting_times, coalesce(m.n, 0)::int AS member_count,
              coalesce((SELECT array_agg(a.contact_id ORDER BY a.group_contact_seat) FROM assignments a
                         WHERE a.group_id = g.id AND a.end_reason IS NULL), '{}') AS contact_ids
         FROM activity_groups g
         LEFT JOIN (SELECT m.group_id, count(*) AS n, avg(su.latitude) AS latitude, avg(su.longitude) AS longitude
                      FROM group_members m JOIN service_users su ON su.id = m.service_user_id
                     GROUP BY m.group_id) m ON m.group_id = g.id
        WHERE g.municipality_id = $1 AND g.status IN ('forming', 'active') AND coalesce(m.n, 0) < 6
        ORDER BY g.created_at, g.id`,
        [municipalityId],
      ),
      db.query<GroupRows['exclusions']>(
        `SELECT service_user_id, contact_id FROM excluded_pairs WHERE municipality_id = $1`,
        [municipalityId],
      ),
      this.municipalities.listInterests(municipalityId),
      this.municipalities.eligibilityPolicy(municipalityId),
    ]);
    return { users, contacts, groups, exclusions, vocabulary, policy };
  }

  /** The engine's instance from the rows, less what this run's individual matching proposed to each contact. */
  build(rows: GroupRows, today: string, reserved: ReservedCapacity): LoadedGroupInstance {
    const { users, contacts, groups, exclusions, vocabulary, policy } = rows;

    const interests = interestBook();
    vocabulary.forEach((interest) => interests.codeOf(interest.code));
    const excludedByUser = exclusionsByUser(exclusions);
    const userInputs: GroupUserInput[] = users.map((row) => ({
      id: row.id,
      lat: row.latitude,
      lon: row.longitude,
      interests: interests.codesOf(row.interests),
      availability: toIntervals(row.availability),
      waitingDays: Math.max(0, daysBetween(row.waiting_since, today)),
      excludedContactIds: excludedByUser.get(row.id) ?? [],
    }));
    const contactInputs: GroupContactInput[] = contacts.map((row) => {
      const eligible = isEligibleRow(row, policy, today);
      const taken = reserved.get(row.id) ?? { users: 0, weeklyHours: 0 };
      return {
        id: row.id,
        lat: row.latitude,
        lon: row.longitude,
        interests: interests.codesOf(row.interests),
        availability: toIntervals(row.availability),
        eligible,
        freeUserSlots: Math.max(0, row.max_users - Number(row.load_users) - taken.users),
        freeWeeklyHours: Math.max(
          0,
          Number(row.max_weekly_hours) - Number(row.load_hours) - taken.weeklyHours,
        ),
      };
    });
    const groupInputs: ExistingGroupInput[] = groups.map((row) => ({
      id: row.id,
      lat: row.latitude === null ? null : Number(row.latitude),
      lon: row.longitude === null ? null : Number(row.longitude),
      interests: interests.codesOf(row.interests),
      meetingTimes: toIntervals(row.meeting_times),
      memberCount: row.member_count,
      contactIds: row.contact_ids,
    }));
    const labelByCode = new Map(vocabulary.map((v) => [v.code, v.label]));
    return {
      instance: buildGroupInstance(userInputs, contactInputs, groupInputs),
      interests,
      interestLabels: interests.labels.map((code) => labelByCode.get(code) ?? code),
      groupNames: groups.map((g) => g.name),
      groupMeetingTimes: groups.map((g) => g.meeting_times),
    };
  }
}
