/**
 * The hard rules for one (user, contact) pair. Candidate search applies the same rules in bulk; this
 * single-pair form is the reference the property tests hold every proposal against.
 */
import { sharesWindow, slotsForMinutes } from './bitsets';
import { distanceKm } from './geo';
import {
  DAYS_PER_WEEK,
  GenderCode,
  MatchingInstance,
  MatchingSettings,
  NO_AGE_BOUND,
  NO_LANGUAGE,
} from './types';

/** Ordered as a coordinator's funnel: the later a pair fails, the closer it came. */
export const PairVerdict = {
  Ineligible: 0,
  NoCapacity: 1,
  OutOfRadius: 2,
  Excluded: 3,
  Preferences: 4,
  NotEnoughContactHours: 5,
  NoSharedTime: 6,
  Feasible: 7,
} as const;
export type PairVerdict = (typeof PairVerdict)[keyof typeof PairVerdict];

export function isExcluded(instance: MatchingInstance, u: number, c: number): boolean {
  const { excludedStart, excludedContact } = instance.users;
  for (let k = excludedStart[u]; k < excludedStart[u + 1]; k++) if (excludedContact[k] === c) return true;
  return false;
}

/** Gender, required language and contact age band: what the user asked for (rule 7). */
export function meetsPreferences(instance: MatchingInstance, u: number, c: number): boolean {
  const { users, contacts } = instance;
  const gender = users.preferredContactGender[u];
  if (gender !== GenderCode.Unspecified && contacts.gender[c] !== gender) return false;
  const language = users.requiredLanguage[u];
  if (language !== NO_LANGUAGE && ((contacts.languages[c] >>> language) & 1) === 0) return false;
  const age = contacts.age[c];
  const min = users.preferredContactAgeMin[u];
  const max = users.preferredContactAgeMax[u];
  if (min !== NO_AGE_BOUND && age < min) return false;
  if (max !== NO_AGE_BOUND && age > max) return false;
  return true;
}

export function hasEnoughHours(instance: MatchingInstance, u: number, c: number): boolean {
  return instance.contacts.freeWeeklyHours[c] >= instance.users.weeklyHours[u];
}

export function sharesMeetingWindow(
  instance: MatchingInstance,
  u: number,
  c: number,
  minMeetingMinutes: number,
): boolean {
  const { users, contacts } = instance;
  return sharesWindow(
    users.availability,
    u * DAYS_PER_WEEK,
    contacts.availability,
    c * DAYS_PER_WEEK,
    slotsForMinutes(minMeetingMinutes),
  );
}

export function checkPair(
  instance: MatchingInstance,
  u: number,
  c: number,
  settings: MatchingSettings,
): PairVerdict {
  const { users, contacts } = instance;
  if (!contacts.eligible[c]) return PairVerdict.Ineligible;
  if (contacts.freeUserSlots[c] <= 0 || contacts.freeWeeklyHours[c] <= 0) return PairVerdict.NoCapacity;
  const d = distanceKm(users.lat[u], users.lon[u], contacts.lat[c], contacts.lon[c]);
  if (!(d <= settings.travelRadiusKm)) return PairVerdict.OutOfRadius;
  if (isExcluded(instance, u, c)) return PairVerdict.Excluded;
  if (!meetsPreferences(instance, u, c)) return PairVerdict.Preferences;
  if (!hasEnoughHours(instance, u, c)) return PairVerdict.NotEnoughContactHours;
  if (!sharesMeetingWindow(instance, u, c, settings.minMeetingMinutes)) return PairVerdict.NoSharedTime;
  return PairVerdict.Feasible;
}
