import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { WEEKDAYS, WeeklySlot } from '../common/scheduling/weekly-slot';
import { formGroups } from './engine/groups/formation';
import { GroupUnplacedReason, groupUnplacedReason } from './engine/groups/unplaced-reason';
import { ContactCandidateRow } from './instance-mapping';
import { ProposedGroup, withGroupDefaults } from './engine/groups/types';
import { MatchingInstance } from './engine/types';
import {
  GroupInstanceLoader,
  GroupRows,
  LoadedGroupInstance,
  ReservedCapacity,
} from './group-instance.loader';

const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** One group proposal as it is written: ids, the meeting slot, and why. */
export interface GroupProposalRow {
  groupId: string | null;
  nameSuggestion: string;
  interests: string[];
  meeting: WeeklySlot;
  centreLatitude: number;
  centreLongitude: number;
  weeklyHours: number;
  score: number;
  reason: string;
  memberIds: string[];
  contactIds: string[];
}

export interface GroupPlan {
  rows: GroupProposalRow[];
  groupsProposed: number;
  groupSeatsFilled: number;
  groupUsersWaiting: number;
  groupUsersUnplaced: number;
  /** Users with a group vedtak left without a place, by the first rule that left them out. */
  groupUnplacedByReason: Partial<Record<GroupUnplacedReason, number>>;
  longestWaitGroupUnplacedDays: number | null;
  timingsMs: { load: number; form: number };
}

const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/**
 * The group part of a matching run (issue 4, item 7): loads the users whose vedtak is for an activity group,
 * forms groups with the pure engine (engine/groups) and writes the proposals in the run's transaction.
 */
@Injectable()
export class GroupFormationStep {
  constructor(private readonly loader: GroupInstanceLoader) {}

  /** Reads the group users, contacts and groups; start it early, it does not depend on the individual run. */
  fetch(
    municipalityId: string,
    today: string,
    contacts?: Promise<ContactCandidateRow[]>,
  ): Promise<GroupRows> {
    return this.loader.fetch(municipalityId, today, contacts);
  }

  plan(rows: GroupRows, today: string, reserved: ReservedCapacity): GroupPlan {
    const started = performance.now();
    const loaded = this.loader.build(rows, today, reserved);
    const loadedAt = performance.now();
    const result = formGroups(loaded.instance);
    const formedAt = performance.now();
    const settings = withGroupDefaults();
    const groupUnplacedByReason: GroupPlan['groupUnplacedByReason'] = {};
    for (const u of result.unplaced) {
      const reason = groupUnplacedReason(loaded.instance, settings, u);
      groupUnplacedByReason[reason] = (groupUnplacedByReason[reason] ?? 0) + 1;
    }
    const waits = result.unplaced.map((u) => loaded.instance.users.waitingDays[u]);
    return {
      groupUnplacedByReason,
      longestWaitGroupUnplacedDays: waits.length > 0 ? Math.max(...waits) : null,
      rows: result.groups.map((group) => this.toRow(loaded, group)),
      groupsProposed: result.stats.newGroups,
      groupSeatsFilled: result.stats.seatsFilled,
      groupUsersWaiting: loaded.instance.users.count,
      groupUsersUnplaced: result.unplaced.length,
      timingsMs: { load: Math.round(loadedAt - started), form: Math.round(formedAt - loadedAt) },
    };
  }

  /** Inside the run's transaction: older open group proposals give way (unless a newer run won), then this run's. */
  async write(
    em: EntityManager,
    municipalityId: string,
    runId: string,
    plan: GroupPlan,
    supersededByNewer: boolean,
  ): Promise<void> {
    if (!supersededByNewer) {
      await em.query(
        `UPDATE group_proposals SET status = 'superseded', status_changed_at = now(), status_changed_by = 'matching-run'
          WHERE municipality_id = $1 AND status = 'open' AND run_id <> $2`,
        [municipalityId, runId],
      );
    }
    await em.query(`DELETE FROM group_proposals WHERE run_id = $1`, [runId]);
    for (const row of plan.rows) {
      const [{ id }] = await em.query(
        `INSERT INTO group_proposals (municipality_id, run_id, group_id, name_suggestion, interests, meeting_day,
                                      meeting_start, meeting_end, centre_latitude, centre_longitude, weekly_hours,
                                      score, reason, status)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
        [
          municipalityId,
          runId,
          row.groupId,
          row.nameSuggestion,
          row.interests,
          row.meeting.day,
          row.meeting.start,
          row.meeting.end,
          row.centreLatitude,
          row.centreLongitude,
          row.weeklyHours,
          row.score,
          row.reason,
          supersededByNewer ? 'superseded' : 'open',
        ],
      );
      await em.query(
        `INSERT INTO group_proposal_members (proposal_id, run_id, service_user_id)
         SELECT $1, $2, unnest($3::uuid[])`,
        [id, runId, row.memberIds],
      );
      if (row.contactIds.length > 0) {
        await em.query(
          `INSERT INTO group_proposal_contacts (proposal_id, contact_id, position)
           SELECT $1, c.id, c.position FROM unnest($2::uuid[]) WITH ORDINALITY AS c(id, position)`,
          [id, row.contactIds],
        );
      }
    }
  }

  private toRow(loaded: LoadedGroupInstance, group: ProposedGroup): GroupProposalRow {
    const { instance, interests, interestLabels } = loaded;
    const settings = withGroupDefaults();
    const { users, contacts, groups } = instance;
    const memberIds = group.members.map((u) => users.ids[u]);
    const longestWait = Math.max(...group.members.map((u) => users.waitingDays[u]));
    if (group.existingGroup >= 0) {
      const g = group.existingGroup;
      const meeting = loaded.groupMeetingTimes[g][0];
      const seats = group.members.length;
      return {
        groupId: groups.ids[g],
        nameSuggestion: loaded.groupNames[g],
        interests: [],
        meeting,
        centreLatitude: group.centreLat,
        centreLongitude: group.centreLon,
        weeklyHours: Math.round(((minutesOf(meeting.end) - minutesOf(meeting.start)) / 60) * 100) / 100,
        score: group.score,
        reason:
          `fills ${seats} open seat${seats === 1 ? '' : 's'} of ${loaded.groupNames[g]}: shares its interests and ` +
          `meeting time, lives within ${settings.groupRadiusKm} km; waiting up to ${longestWait} days`,
        memberIds,
        contactIds: [],
      };
    }
    const window = group.window!;
    const start = 7 * 60 + window.startSlot * 30;
    const end = start + window.slots * 30;
    const theme = interests.labels[group.theme];
    const label = interestLabels[group.theme] ?? theme;
    const meeting: WeeklySlot = { day: WEEKDAYS[window.day], start: hhmm(start), end: hhmm(end) };
    const when = `${DAY_NAMES[window.day]} ${meeting.start}–${meeting.end}`;
    return {
      groupId: null,
      nameSuggestion: `${label.charAt(0).toUpperCase()}${label.slice(1)}, ${when}`,
      interests: [theme],
      meeting,
      centreLatitude: group.centreLat,
      centreLongitude: group.centreLon,
      weeklyHours: settings.groupWeeklyHours,
      score: group.score,
      reason:
        `${group.members.length} users who share ${label.toLowerCase()}; ${when} suits them all and ` +
        `${group.contacts.length === 1 ? 'the contact' : 'both contacts'}; all within ${settings.groupRadiusKm} km ` +
        `of the centre; waiting up to ${longestWait} days`,
      memberIds,
      contactIds: group.contacts.map((c) => contacts.ids[c]),
    };
  }
}

/** Per contact, the users and weekly hours the individual matching of the same run proposed to them. */
export function capacityProposedTo(
  instance: MatchingInstance,
  pairs: readonly { userIndex: number; contactIndex: number }[],
): ReservedCapacity {
  const reserved = new Map<string, { users: number; weeklyHours: number }>();
  for (const { userIndex, contactIndex } of pairs) {
    const id = instance.contacts.ids[contactIndex];
    const taken = reserved.get(id) ?? { users: 0, weeklyHours: 0 };
    taken.users += 1;
    taken.weeklyHours += instance.users.weeklyHours[userIndex];
    reserved.set(id, taken);
  }
  return reserved;
}
