/**
 * Candidate recruitment profiles from the waiting users' clusters: users are grouped by area (postal code, else a
 * grid cell) and by the part of the week they are free (weekday × daytime / afternoon / evening), and each group
 * gives a contact who lives at its centre, is free then, likes what most of them like, speaks the language they
 * ask for and is of the gender and age most of them accept. Pure: the greedy selection decides which are worth it.
 */
import { runStarts, slotsForMinutes } from '../matching/engine/bitsets';
import { ContactInput } from '../matching/engine/instance-builder';
import {
  DAYS_PER_WEEK,
  GenderCode,
  GenderName,
  INTEREST_WORDS,
  MatchingInstance,
  MAX_INTEREST_CODES,
  MAX_LANGUAGE_CODES,
  NO_AGE_BOUND,
  NO_LANGUAGE,
} from '../matching/engine/types';

/** The three parts of day the municipalities speak of (DOMAIN rule 7), as engine slots (07:00 + 30 min · bit). */
export const DAY_PARTS = [
  { name: 'daytime', firstSlot: 2, endSlot: 18, start: '08:00', end: '16:00' },
  { name: 'afternoon', firstSlot: 18, endSlot: 24, start: '16:00', end: '19:00' },
  { name: 'evening', firstSlot: 24, endSlot: 32, start: '19:00', end: '23:00' },
] as const;
export type DayPartName = (typeof DAY_PARTS)[number]['name'];
export const WEEKDAY_NAMES = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;
export type WeekdayName = (typeof WEEKDAY_NAMES)[number];

const GENDER_NAMES: GenderName[] = ['unspecified', 'female', 'male', 'other'];
const KM_PER_DEGREE = 111.2;
/** When nobody states an age band the profile is given a typical contact's age; it is not shown. */
const DEFAULT_CONTACT_AGE = 35;

const partMask = (part: (typeof DAY_PARTS)[number]): number => {
  let mask = 0;
  for (let s = part.firstSlot; s < part.endSlot; s++) mask |= 1 << s;
  return mask >>> 0;
};

export interface CandidateProfile {
  /** Stable and unique: breaks every tie, so the same run always gives the same profiles. */
  key: string;
  areaKey: string;
  postalCode: string | null;
  day: WeekdayName;
  part: DayPartName;
  /** The users of the instance the profile was built for (the cluster), longest waiting first. */
  members: number[];
  requiredLanguage: number | null;
  /** The gender and age some members asked for; null when nobody did. */
  gender: GenderName | null;
  age: number | null;
  drives: boolean;
  contact: ContactInput;
}

export interface ClusterOptions {
  travelRadiusKm: number;
  minMeetingMinutes: number;
  maxUsersPerProfile: number;
  maxCandidates: number;
}

/** A user's area: the postal code, or for users without one a grid cell half the travel radius wide. */
export function areaKeyOf(lat: number, lon: number, postalCode: string | null, radiusKm: number): string {
  if (postalCode) return postalCode;
  const size = Math.max(0.5, radiusKm / 2);
  const latCell = Math.floor((lat * KM_PER_DEGREE) / size);
  const lonCell = Math.floor(
    (lon * KM_PER_DEGREE * Math.cos(((latCell * size) / KM_PER_DEGREE) * (Math.PI / 180))) / size,
  );
  return `~${latCell}:${lonCell}`;
}

/**
 * Builds the candidates for the users `waiting` (indices into `instance.users`), with `postalCodes` and
 * `drivingGranted` per user index of the instance.
 */
export function candidateProfiles(
  instance: MatchingInstance,
  waiting: readonly number[],
  postalCodes: readonly (string | null)[],
  drivingGranted: readonly boolean[],
  options: ClusterOptions,
): CandidateProfile[] {
  const { users } = instance;
  const runSlots = slotsForMinutes(options.minMeetingMinutes);
  const byWait = [...waiting].sort((a, b) => users.waitingDays[b] - users.waitingDays[a] || a - b);

  const groups = new Map<string, { area: string; day: number; part: number; members: number[] }>();
  for (const u of byWait) {
    const area = areaKeyOf(users.lat[u], users.lon[u], postalCodes[u] ?? null, options.travelRadiusKm);
    for (let d = 0; d < DAYS_PER_WEEK; d++) {
      DAY_PARTS.forEach((part, p) => {
        if (runStarts(users.availability[u * DAYS_PER_WEEK + d] & partMask(part), runSlots) === 0) return;
        const key = `${area}|${d}|${p}`;
        const group = groups.get(key) ?? { area, day: d, part: p, members: [] };
        group.members.push(u);
        groups.set(key, group);
      });
    }
  }

  const seen = new Set<string>();
  const candidates: CandidateProfile[] = [];
  for (const group of groups.values()) {
    for (const variant of variantsOf(instance, group.members)) {
      const profile = buildProfile(instance, group, variant, postalCodes, drivingGranted, options);
      if (profile && !seen.has(profile.key)) {
        seen.add(profile.key);
        candidates.push(profile);
      }
    }
  }
  // The largest clusters of the longest waiting first; the cap keeps the selection's work bounded.
  const weight = (c: CandidateProfile) => {
    let sum = 0;
    for (const u of c.members.slice(0, options.maxUsersPerProfile)) sum += users.waitingDays[u];
    return sum;
  };
  candidates.sort(
    (a, b) =>
      Math.min(b.members.length, options.maxUsersPerProfile) -
        Math.min(a.members.length, options.maxUsersPerProfile) ||
      weight(b) - weight(a) ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
  return candidates.slice(0, options.maxCandidates);
}

interface Variant {
  language: number | null;
  gender: number | null;
}

/** One profile for the whole cluster, and one per language or gender that some of its members require. */
function variantsOf(instance: MatchingInstance, members: readonly number[]): Variant[] {
  const { users } = instance;
  const languages = new Set<number>();
  const genders = new Set<number>();
  for (const u of members) {
    if (users.requiredLanguage[u] !== NO_LANGUAGE) languages.add(users.requiredLanguage[u]);
    if (users.preferredContactGender[u] !== GenderCode.Unspecified)
      genders.add(users.preferredContactGender[u]);
  }
  return [
    { language: null, gender: null },
    ...[...languages].sort((a, b) => a - b).map((language) => ({ language, gender: null })),
    ...[...genders].sort((a, b) => a - b).map((gender) => ({ language: null, gender })),
  ];
}

function mostCommon(counts: Map<number, number>): number | null {
  let best: number | null = null;
  let bestCount = 0;
  for (const [value, count] of [...counts].sort((a, b) => a[0] - b[0])) {
    if (count > bestCount) [best, bestCount] = [value, count];
  }
  return best;
}

function buildProfile(
  instance: MatchingInstance,
  group: { area: string; day: number; part: number; members: number[] },
  variant: Variant,
  postalCodes: readonly (string | null)[],
  drivingGranted: readonly boolean[],
  options: ClusterOptions,
): CandidateProfile | null {
  const { users } = instance;
  const fits = (u: number) =>
    (variant.language === null ||
      users.requiredLanguage[u] === NO_LANGUAGE ||
      users.requiredLanguage[u] === variant.language) &&
    (variant.gender === null ||
      users.preferredContactGender[u] === GenderCode.Unspecified ||
      users.preferredContactGender[u] === variant.gender);
  const members = group.members.filter(fits);
  if (members.length === 0) return null;

  const language =
    variant.language ??
    mostCommon(
      tally(
        members.filter((u) => users.requiredLanguage[u] !== NO_LANGUAGE),
        (u) => [users.requiredLanguage[u]],
      ),
    );
  const gender =
    variant.gender ??
    mostCommon(
      tally(
        members.filter((u) => users.preferredContactGender[u] !== GenderCode.Unspecified),
        (u) => [users.preferredContactGender[u]],
      ),
    );
  // Served are only members that accept this language and gender; the rest belong to another variant.
  const served = members.filter(
    (u) =>
      (users.requiredLanguage[u] === NO_LANGUAGE || users.requiredLanguage[u] === language) &&
      (users.preferredContactGender[u] === GenderCode.Unspecified ||
        users.preferredContactGender[u] === gender),
  );
  if (served.length === 0) return null;

  const interests = topCodes(
    tally(served, (u) => codesOf(users.interests, u * INTEREST_WORDS, INTEREST_WORDS, MAX_INTEREST_CODES)),
    3,
  );
  const spoken = mostCommon(tally(served, (u) => codesOf(users.languages, u, 1, MAX_LANGUAGE_CODES)));
  const languages = [...new Set([spoken, language].filter((c): c is number => c !== null))];
  const age = bestAge(instance, served);
  const capacity = Math.min(options.maxUsersPerProfile, served.length);
  const hours = served
    .map((u) => users.weeklyHours[u])
    .sort((a, b) => b - a)
    .slice(0, capacity)
    .reduce((a, b) => a + b, 0);
  let lat = 0;
  let lon = 0;
  for (const u of served) {
    lat += users.lat[u];
    lon += users.lon[u];
  }
  const part = DAY_PARTS[group.part];
  const genderName = gender === null ? null : GENDER_NAMES[gender];
  const key = `${group.area}|${group.day}|${part.name}|l${language ?? '-'}|g${gender ?? '-'}`;
  return {
    key,
    areaKey: group.area,
    postalCode: group.area.startsWith('~') ? null : group.area,
    day: WEEKDAY_NAMES[group.day],
    part: part.name,
    members: served,
    requiredLanguage: language,
    gender: genderName,
    age: age.asked ? age.value : null,
    drives: served.filter((u) => drivingGranted[u]).length * 2 > served.length,
    contact: {
      id: `profile:${key}`,
      lat: lat / served.length,
      lon: lon / served.length,
      interests,
      languages,
      availability: [
        { day: group.day, startMinute: 7 * 60 + 30 * part.firstSlot, endMinute: 7 * 60 + 30 * part.endSlot },
      ],
      age: age.value,
      gender: genderName ?? 'unspecified',
      eligible: true,
      freeUserSlots: capacity,
      freeWeeklyHours: hours,
    },
  };
}

function tally(rows: readonly number[], valuesOf: (u: number) => number[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const u of rows) for (const v of valuesOf(u)) counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts;
}

function topCodes(counts: Map<number, number>, limit: number): number[] {
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, limit)
    .map(([code]) => code);
}

export function codesOf(words: Uint32Array, offset: number, width: number, limit: number): number[] {
  const codes: number[] = [];
  for (let code = 0; code < Math.min(limit, width * 32); code++) {
    if ((words[offset + (code >>> 5)] >>> (code & 31)) & 1) codes.push(code);
  }
  return codes;
}

/** The contact age most members accept (their age bands), nearest a typical contact's age on a tie. */
function bestAge(instance: MatchingInstance, members: readonly number[]): { value: number; asked: boolean } {
  const { users } = instance;
  const asked = members.some(
    (u) =>
      users.preferredContactAgeMin[u] !== NO_AGE_BOUND || users.preferredContactAgeMax[u] !== NO_AGE_BOUND,
  );
  if (!asked) return { value: DEFAULT_CONTACT_AGE, asked };
  let best = DEFAULT_CONTACT_AGE;
  let bestCount = -1;
  for (let age = 18; age <= 75; age++) {
    let count = 0;
    for (const u of members) {
      const min = users.preferredContactAgeMin[u];
      const max = users.preferredContactAgeMax[u];
      if ((min === NO_AGE_BOUND || age >= min) && (max === NO_AGE_BOUND || age <= max)) count++;
    }
    const closer = Math.abs(age - DEFAULT_CONTACT_AGE) < Math.abs(best - DEFAULT_CONTACT_AGE);
    if (count > bestCount || (count === bestCount && closer)) [best, bestCount] = [age, count];
  }
  return { value: best, asked };
}
