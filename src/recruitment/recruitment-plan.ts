/**
 * The recruitment gap of one matching run: which støttekontakter to recruit, where, for which times and
 * interests, so that the most waiting users get matched, the longest waiting first (DOMAIN rule 9). Pure: the
 * worker calls it with the run's own instance and result, and stores the plan with the run.
 *
 * Aggregate by design: the plan names no user, only counts, postal codes, waiting days and area centres rounded
 * to about a kilometre, so reading it is not a read of any one user's record.
 */
import { MatchingResult } from '../matching/engine/engine';
import { GenderName, MatchingInstance, MatchingSettings } from '../matching/engine/types';
import {
  areaKeyOf,
  candidateProfiles,
  CandidateProfile,
  DayPartName,
  DAY_PARTS,
  WeekdayName,
} from './candidate-profiles';
import { residualProblem, selectGreedy } from './greedy-selection';

export interface RecruitmentInput {
  instance: MatchingInstance;
  result: MatchingResult;
  settings: MatchingSettings;
  /** Per user index of the instance. */
  postalCodes: readonly (string | null)[];
  drivingGranted: readonly boolean[];
  interestLabels: readonly string[];
  languageLabels: readonly string[];
  /** Waiting days of the waiting users the engine could not place (no home location). */
  waitingDaysWithoutLocation: readonly number[];
}

export interface RecruitmentOptions {
  maxProfiles?: number;
  /** Users one recruited contact is assumed to take (the synthetic and demo rosters take 1–3). */
  maxUsersPerProfile?: number;
  /** Candidates kept for the selection, the largest clusters of the longest waiting first. */
  maxCandidates?: number;
}

/** 10 profiles; one recruit takes up to 3 users (the synthetic and demo rosters take 1–3); 300 candidates. */
export const RECRUITMENT_DEFAULTS: Required<RecruitmentOptions> = {
  maxProfiles: 10,
  maxUsersPerProfile: 3,
  maxCandidates: 300,
};

export interface RecruitmentProfile {
  rank: number;
  key: string;
  postalCode: string | null;
  /** The centre of the users it serves, rounded to two decimals (about 1 km). */
  latitude: number;
  longitude: number;
  day: WeekdayName;
  partOfDay: DayPartName;
  start: string;
  end: string;
  interests: string[];
  languages: string[];
  /** Set when users it serves asked for a gender, an age band or a language. */
  gender: GenderName | null;
  age: number | null;
  requiredLanguage: string | null;
  drives: boolean;
  capacityUsers: number;
  weeklyHours: number;
  /** Users matched more when this profile was added to those ranked before it. */
  marginalGain: number;
  /** Whom it serves once all profiles are recruited. */
  serves: {
    users: number;
    postalCodes: string[];
    longestWaitingDays: number;
    /** The profile's interests that at least half of them share. */
    sharedInterests: string[];
  };
  description: string;
}

export interface WaitingArea {
  areaKey: string;
  postalCode: string | null;
  latitude: number;
  longitude: number;
  waiting: number;
  longestWaitingDays: number;
}

export interface RecruitmentPlan {
  waiting: {
    /** Users the run matched no contact, with and without a home location. */
    unmatched: number;
    withoutLocation: number;
    byReason: Record<string, number>;
    /** Matched, but with no shared interest and the contact far away: would be better served by a new contact. */
    poorlyMatched: number;
  };
  profiles: RecruitmentProfile[];
  areas: WaitingArea[];
  forecast: {
    waitingNow: number;
    /** Users the contacts with room left could take without recruiting (the run's candidate cap left them). */
    matchableWithoutRecruiting: number;
    servedByProfiles: number;
    stillWaiting: number;
    longestStillWaitingDays: number | null;
  };
  computation: { candidates: number; evaluations: number; milliseconds: number };
}

const round2 = (x: number) => Math.round(x * 100) / 100;

export function planRecruitment(input: RecruitmentInput, options: RecruitmentOptions = {}): RecruitmentPlan {
  const started = performance.now();
  const { instance, result, settings } = input;
  const { users } = instance;
  const { maxProfiles, maxUsersPerProfile, maxCandidates } = { ...RECRUITMENT_DEFAULTS, ...options };
  const waiting = result.unmatched.map((u) => u.userIndex).sort((a, b) => a - b);

  const candidates = candidateProfiles(instance, waiting, input.postalCodes, input.drivingGranted, {
    travelRadiusKm: settings.travelRadiusKm,
    minMeetingMinutes: settings.minMeetingMinutes,
    maxUsersPerProfile,
    maxCandidates,
  });
  const problem = residualProblem(instance, result, settings, waiting);
  const selection = selectGreedy(problem, candidates, maxProfiles);

  const servedBy = new Map<number, number[]>();
  const matchedRows = new Set<number>();
  for (const pair of selection.final.pairs) {
    matchedRows.add(pair.userIndex);
    const list = servedBy.get(pair.contactIndex) ?? [];
    list.push(problem.userRows[pair.userIndex]);
    servedBy.set(pair.contactIndex, list);
  }
  const profiles = selection.steps.map((step, i) =>
    describe(
      input,
      candidates[step.candidate],
      i + 1,
      step.gain,
      servedBy.get(selection.contactOfStep[i]) ?? [],
    ),
  );

  const stillWaitingDays = [
    ...problem.userRows.filter((_, row) => !matchedRows.has(row)).map((u) => users.waitingDays[u]),
    ...input.waitingDaysWithoutLocation,
  ];
  const byReason: Record<string, number> = {};
  for (const u of result.unmatched) byReason[u.reason] = (byReason[u.reason] ?? 0) + 1;
  if (input.waitingDaysWithoutLocation.length > 0)
    byReason.no_home_location = input.waitingDaysWithoutLocation.length;
  const waitingNow = waiting.length + input.waitingDaysWithoutLocation.length;

  return {
    waiting: {
      unmatched: waitingNow,
      withoutLocation: input.waitingDaysWithoutLocation.length,
      byReason,
      poorlyMatched: result.pairs.filter(
        (p) => p.components.interests === 0 && p.components.distance * 3 < settings.weights.distance,
      ).length,
    },
    profiles,
    areas: waitingAreas(input, waiting),
    forecast: {
      waitingNow,
      matchableWithoutRecruiting: selection.baseline.matched,
      servedByProfiles: selection.final.matched - selection.baseline.matched,
      stillWaiting: stillWaitingDays.length,
      longestStillWaitingDays: stillWaitingDays.length > 0 ? Math.max(...stillWaitingDays) : null,
    },
    computation: {
      candidates: candidates.length,
      evaluations: selection.evaluations,
      milliseconds: Math.round(performance.now() - started),
    },
  };
}

function describe(
  input: RecruitmentInput,
  candidate: CandidateProfile,
  rank: number,
  gain: number,
  served: readonly number[],
): RecruitmentProfile {
  const { users } = input.instance;
  const contact = candidate.contact;
  const part = DAY_PARTS.find((p) => p.name === candidate.part) ?? DAY_PARTS[0];
  const interests = contact.interests.map((c) => input.interestLabels[c] ?? String(c));
  const shared = contact.interests
    .filter((code) => served.filter((u) => hasInterest(input.instance, u, code)).length * 2 >= served.length)
    .map((c) => input.interestLabels[c] ?? String(c));
  const postalCodes = [
    ...new Set(served.map((u) => input.postalCodes[u]).filter((p): p is string => !!p)),
  ].sort();
  const longest = served.reduce((max, u) => Math.max(max, users.waitingDays[u]), 0);
  const where = candidate.postalCode ?? postalCodes[0] ?? 'the area';
  const likes = shared.length > 0 ? `, like ${shared.join(' and ')}` : '';
  return {
    rank,
    key: candidate.key,
    postalCode: candidate.postalCode,
    latitude: round2(contact.lat),
    longitude: round2(contact.lon),
    day: candidate.day,
    partOfDay: candidate.part,
    start: part.start,
    end: part.end,
    interests,
    languages: contact.languages.map((c) => input.languageLabels[c] ?? String(c)),
    gender: candidate.gender,
    age: candidate.age,
    requiredLanguage:
      candidate.requiredLanguage === null
        ? null
        : (input.languageLabels[candidate.requiredLanguage] ?? String(candidate.requiredLanguage)),
    drives: candidate.drives,
    capacityUsers: contact.freeUserSlots,
    weeklyHours: Math.round(contact.freeWeeklyHours * 10) / 10,
    marginalGain: gain,
    serves: { users: served.length, postalCodes, longestWaitingDays: longest, sharedInterests: shared },
    description:
      `${served.length} ${served.length === 1 ? 'user' : 'users'} in ${where}, free ${candidate.day} ${candidate.part}` +
      `${likes}; the longest has waited ${longest} days`,
  };
}

function hasInterest(instance: MatchingInstance, u: number, code: number): boolean {
  return ((instance.users.interests[u * 2 + (code >>> 5)] >>> (code & 31)) & 1) === 1;
}

/** Waiting users per area, for the map: counts and a centre rounded to about a kilometre, never a home. */
function waitingAreas(input: RecruitmentInput, waiting: readonly number[]): WaitingArea[] {
  const { users } = input.instance;
  const areas = new Map<
    string,
    { postalCode: string | null; lat: number; lon: number; n: number; longest: number }
  >();
  for (const u of waiting) {
    const postalCode = input.postalCodes[u] ?? null;
    const key = areaKeyOf(users.lat[u], users.lon[u], postalCode, input.settings.travelRadiusKm);
    const area = areas.get(key) ?? { postalCode, lat: 0, lon: 0, n: 0, longest: 0 };
    area.lat += users.lat[u];
    area.lon += users.lon[u];
    area.n += 1;
    area.longest = Math.max(area.longest, users.waitingDays[u]);
    areas.set(key, area);
  }
  return [...areas]
    .map(([areaKey, a]) => ({
      areaKey,
      postalCode: a.postalCode,
      latitude: round2(a.lat / a.n),
      longitude: round2(a.lon / a.n),
      waiting: a.n,
      longestWaitingDays: a.longest,
    }))
    .sort((a, b) => b.waiting - a.waiting || (a.areaKey < b.areaKey ? -1 : 1));
}
