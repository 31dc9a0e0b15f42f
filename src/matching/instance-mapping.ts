import { ageInYears, daysBetween } from '../common/dates';
import { assessEligibility, EligibilityPolicy } from '../contacts/eligibility';
import { Absence, availableForProposals } from '../contacts/absences';
import { minutesOfDay, WEEKDAYS, WeeklySlot } from '../common/scheduling/weekly-slot';
import { capacityTakenSql, upcomingAbsencesSql } from '../contacts/contact.queries';
import { WeeklyInterval } from './engine/bitsets';
import { ContactInput, UserInput } from './engine/instance-builder';
import { GenderName, MAX_INTEREST_CODES, MAX_LANGUAGE_CODES } from './engine/types';

/** Assigns small integer codes to strings (interest and language codes) as the engine's bitsets need. */
export class CodeBook {
  private readonly codes = new Map<string, number>();
  readonly labels: string[] = [];

  constructor(private readonly limit: number) {}

  /** Codes past the engine's bitset width are ignored for scoring rather than failing the run. */
  codeOf(value: string): number | undefined {
    const known = this.codes.get(value);
    if (known !== undefined) return known;
    if (this.labels.length >= this.limit) return undefined;
    this.codes.set(value, this.labels.length);
    this.labels.push(value);
    return this.labels.length - 1;
  }

  codesOf(values: readonly string[]): number[] {
    return values.map((v) => this.codeOf(v)).filter((c): c is number => c !== undefined);
  }
}

export const interestBook = (): CodeBook => new CodeBook(MAX_INTEREST_CODES);
export const languageBook = (): CodeBook => new CodeBook(MAX_LANGUAGE_CODES);

export function toIntervals(slots: readonly WeeklySlot[]): WeeklyInterval[] {
  return slots.map((slot) => ({
    day: WEEKDAYS.indexOf(slot.day),
    startMinute: minutesOfDay(slot.start),
    endMinute: minutesOfDay(slot.end),
  }));
}

const genderName = (gender: string | null): GenderName =>
  gender === 'female' || gender === 'male' || gender === 'other' ? gender : 'unspecified';

export interface WaitingUserRow {
  id: string;
  birth_date: string;
  gender: string | null;
  languages: string[];
  latitude: number;
  longitude: number;
  interests: string[];
  availability: WeeklySlot[];
  preferred_contact_gender: string | null;
  preferred_language: string | null;
  preferred_contact_age_min: number | null;
  preferred_contact_age_max: number | null;
  waiting_since: string;
  weekly_hours: number;
}

export interface AvailableContactRow {
  id: string;
  birth_year: number;
  gender: string | null;
  languages: string[];
  latitude: number;
  longitude: number;
  interests: string[];
  availability: WeeklySlot[];
  eligible: boolean;
  free_users: number;
  free_weekly_hours: number;
}

export function toUserInput(
  row: WaitingUserRow,
  today: string,
  books: { interests: CodeBook; languages: CodeBook },
  excludedContactIds: readonly string[],
): UserInput {
  const required = row.preferred_language ? books.languages.codeOf(row.preferred_language) : undefined;
  return {
    id: row.id,
    lat: row.latitude,
    lon: row.longitude,
    interests: books.interests.codesOf(row.interests),
    languages: books.languages.codesOf(row.languages),
    availability: toIntervals(row.availability),
    age: Math.max(0, Math.min(255, ageInYears(row.birth_date, today))),
    gender: genderName(row.gender),
    preferredContactGender: row.preferred_contact_gender ? genderName(row.preferred_contact_gender) : null,
    requiredLanguage: required ?? null,
    preferredContactAgeMin: row.preferred_contact_age_min,
    preferredContactAgeMax: row.preferred_contact_age_max,
    waitingDays: Math.max(0, daysBetween(row.waiting_since, today)),
    weeklyHours: row.weekly_hours,
    excludedContactIds,
  };
}

export function toContactInput(
  row: AvailableContactRow,
  today: string,
  books: { interests: CodeBook; languages: CodeBook },
): ContactInput {
  return {
    id: row.id,
    lat: row.latitude,
    lon: row.longitude,
    interests: books.interests.codesOf(row.interests),
    languages: books.languages.codesOf(row.languages),
    availability: toIntervals(row.availability),
    age: Math.max(0, Math.min(255, Number(today.slice(0, 4)) - row.birth_year)),
    gender: genderName(row.gender),
    eligible: row.eligible,
    freeUserSlots: row.free_users,
    freeWeeklyHours: row.free_weekly_hours,
  };
}

/** Exclusion rows (declined pairs, close relatives) grouped by user, as the engines take them. */
export function exclusionsByUser(
  rows: readonly { service_user_id: string; contact_id: string }[],
): Map<string, string[]> {
  const byUser = new Map<string, string[]>();
  for (const row of rows) {
    const list = byUser.get(row.service_user_id);
    if (list) list.push(row.contact_id);
    else byUser.set(row.service_user_id, [row.contact_id]);
  }
  return byUser;
}

export interface CertificateRow {
  birth_year: number;
  police_certificate_issued_on: string | null;
  police_certificate_presented_on: string | null;
  confidentiality_signed_on: string | null;
  /** Absences not yet over (contact.queries.ts: upcomingAbsencesSql). */
  absences: Absence[];
}

/**
 * Whether a contact row may be proposed today: the eligibility gate (DOMAIN rule 1), and not away now or in the
 * week a meeting would follow (absences.ts).
 */
export function isEligibleRow(row: CertificateRow, policy: EligibilityPolicy, today: string): boolean {
  if (!availableForProposals(row.absences, today)) return false;
  return assessEligibility(
    {
      birthYear: row.birth_year,
      policeCertificateIssuedOn: row.police_certificate_issued_on,
      policeCertificatePresentedOn: row.police_certificate_presented_on,
      confidentialitySignedOn: row.confidentiality_signed_on,
    },
    policy,
    today,
  ).eligible;
}

/** A contact as both matching loaders read them: certificates, capacity and load, absences to come. */
export type ContactCandidateRow = Omit<AvailableContactRow, 'eligible' | 'free_users' | 'free_weekly_hours'> &
  CertificateRow & {
    max_users: number;
    max_weekly_hours: string;
    load_users: string;
    load_hours: string;
  };

/**
 * The municipality's ($1) active, located contacts with their load on $2: one query for the individual run and
 * group formation alike, read once per run and handed to both.
 */
export const CANDIDATE_CONTACTS_SQL = `
  SELECT c.id, c.birth_year, c.gender, c.languages, c.latitude, c.longitude, c.interests, c.availability,
         c.police_certificate_issued_on::text AS police_certificate_issued_on,
         c.police_certificate_presented_on::text AS police_certificate_presented_on,
         c.confidentiality_signed_on::text AS confidentiality_signed_on,
         c.max_users, c.max_weekly_hours, ${upcomingAbsencesSql('c.id', '$2')} AS absences,
         coalesce(l.users, 0) AS load_users, coalesce(l.hours, 0) AS load_hours
    FROM contacts c
    LEFT JOIN (SELECT contact_id, count(*) AS users, sum(weekly_hours) AS hours
                 FROM (${capacityTakenSql('municipality_id = $1', '$2')}) taken
                GROUP BY contact_id) l ON l.contact_id = c.id
   WHERE c.municipality_id = $1 AND c.active AND c.latitude IS NOT NULL
   ORDER BY c.id`;
