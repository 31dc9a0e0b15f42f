import { openAssignmentSql } from '../assignments/open-assignment';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { daysBetween } from '../common/dates';
import { decisionInForceSql, MATCH_AHEAD_DAYS } from '../decisions/decision-in-force';
import { weeklyHoursEquivalent } from '../decisions/quota';
import { MunicipalitiesService } from '../municipalities/municipalities.service';
import { effectiveWaitingSinceSql } from '../waiting-list/waiting-since.sql';
import { buildInstance } from './engine/instance-builder';
import { MatchingInstance } from './engine/types';
import {
  CANDIDATE_CONTACTS_SQL,
  ContactCandidateRow,
  exclusionsByUser,
  isEligibleRow,
  interestBook,
  languageBook,
  toContactInput,
  toUserInput,
  WaitingUserRow,
} from './instance-mapping';

export interface LoadedInstance {
  instance: MatchingInstance;
  /** Per engine user index: the decision the proposal is for and the waiting days. */
  decisionIds: string[];
  waitingDays: number[];
  /** Waiting users the engine cannot place because their home location is unknown. */
  usersWithoutLocation: { id: string; waitingDays: number }[];
  interestLabels: string[];
  languageLabels: string[];
  /** Per engine user index: the postal code and whether the vedtak grants driving (for the recruitment plan). */
  postalCodes: (string | null)[];
  drivingGranted: boolean[];
}

const byWaitingSinceThenId = (a: UserRow, b: UserRow): number =>
  a.waiting_since < b.waiting_since
    ? -1
    : a.waiting_since > b.waiting_since
      ? 1
      : a.id < b.id
        ? -1
        : a.id > b.id
          ? 1
          : 0;

type UserRow = WaitingUserRow & {
  decision_id: string;
  hours_granted: string;
  hours_period: 'week' | 'month';
  postal_code: string | null;
  driving_km_granted: number;
};

/** Loads everything a run needs in four queries: waiting users, available contacts, exclusions, vocabulary. */
@Injectable()
export class MatchingInstanceLoader {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly municipalities: MunicipalitiesService,
  ) {}

  /** The run's contacts (instance-mapping.ts CANDIDATE_CONTACTS_SQL), to hand to group formation as well. */
  fetchContacts(municipalityId: string, today: string): Promise<ContactCandidateRow[]> {
    return this.dataSource.manager.query<ContactCandidateRow[]>(CANDIDATE_CONTACTS_SQL, [
      municipalityId,
      today,
    ]);
  }

  /**
   * `onlyUserId`: that one waiting user (with every contact), for a user's alternatives; otherwise all.
   * `sharedContacts`: rows already being fetched by fetchContacts, when the caller shares them.
   */
  async load(
    municipalityId: string,
    today: string,
    onlyUserId?: string,
    sharedContacts?: Promise<ContactCandidateRow[]>,
  ): Promise<LoadedInstance> {
    const db = this.dataSource.manager;
    // Independent reads, each on a connection of its own, so the run waits for the slowest, not for their sum.
    const [users, contacts, exclusions, vocabulary, policy] = await Promise.all([
      db.query<UserRow[]>(
        `SELECT u.id, u.birth_date::text AS birth_date, u.gender, u.languages, u.latitude, u.longitude, u.interests,
                u.availability, u.preferred_contact_gender, u.preferred_language, u.preferred_contact_age_min,
                u.preferred_contact_age_max, d.id AS decision_id,
                ${effectiveWaitingSinceSql('u.id', 'd.waiting_since', '$2')}::text AS waiting_since,
                d.hours_granted, d.hours_period, u.postal_code, d.driving_km_granted
           FROM service_users u
           JOIN LATERAL (${decisionInForceSql({ userRef: 'u.id', onDate: '$2', aheadDays: '$3' })}) d ON true
          WHERE u.municipality_id = $1 AND ($4::uuid IS NULL OR u.id = $4::uuid)
            AND d.service_form IN ('individual', 'volunteer_partnership')
            AND NOT EXISTS (SELECT 1 FROM assignments a
                             WHERE a.service_user_id = u.id AND ${openAssignmentSql('a', '$2')})
            -- an introduction on its way (awaiting its meeting or booked): the user is not matched again
            AND NOT EXISTS (SELECT 1 FROM introductions i
                             WHERE i.service_user_id = u.id AND i.status IN ('awaiting_booking', 'booked'))`,
        [municipalityId, today, MATCH_AHEAD_DAYS, onlyUserId ?? null],
      ),
      sharedContacts ?? this.fetchContacts(municipalityId, today),
      db.query<{ service_user_id: string; contact_id: string }[]>(
        `SELECT service_user_id, contact_id FROM excluded_pairs WHERE municipality_id = $1
        UNION
       SELECT service_user_id, contact_id FROM proposals WHERE municipality_id = $1 AND status = 'declined'`,
        [municipalityId],
      ),
      this.municipalities.listInterests(municipalityId),
      this.municipalities.eligibilityPolicy(municipalityId),
    ]);

    const books = { interests: interestBook(), languages: languageBook() };
    vocabulary.forEach((interest) => books.interests.codeOf(interest.code));
    const excludedByUser = exclusionsByUser(exclusions);

    // Longest waiting first, then by id, as the waiting list orders them. Sorted here rather than in SQL: the rows
    // are wide (availability, interests), and a municipality's worth of them outgrows work_mem and sorts on disk.
    users.sort(byWaitingSinceThenId);
    const located = users.filter((u) => u.latitude !== null && u.longitude !== null);
    const userInputs = located.map((row) =>
      toUserInput(
        { ...row, weekly_hours: weeklyHoursEquivalent(Number(row.hours_granted), row.hours_period) },
        today,
        books,
        excludedByUser.get(row.id) ?? [],
      ),
    );
    const contactInputs = contacts.map((row) => {
      const eligible = isEligibleRow(row, policy, today);
      return toContactInput(
        {
          ...row,
          eligible,
          free_users: Math.max(0, row.max_users - Number(row.load_users)),
          free_weekly_hours: Math.max(0, Number(row.max_weekly_hours) - Number(row.load_hours)),
        },
        today,
        books,
      );
    });
    const labelByCode = new Map(vocabulary.map((v) => [v.code, v.label.toLowerCase()]));
    return {
      instance: buildInstance(userInputs, contactInputs),
      decisionIds: located.map((u) => u.decision_id),
      waitingDays: userInputs.map((u) => u.waitingDays),
      usersWithoutLocation: users
        .filter((u) => u.latitude === null || u.longitude === null)
        .map((u) => ({ id: u.id, waitingDays: Math.max(0, daysBetween(u.waiting_since, today)) })),
      interestLabels: books.interests.labels.map((code) => labelByCode.get(code) ?? code),
      languageLabels: books.languages.labels,
      postalCodes: located.map((u) => u.postal_code?.trim() ?? null),
      drivingGranted: located.map((u) => Number(u.driving_km_granted) > 0),
    };
  }
}
