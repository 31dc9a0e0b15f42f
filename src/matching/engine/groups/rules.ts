/**
 * The hard rules and the score of group formation, one member or contact at a time. The heuristic and the
 * exact reference both use these, and `checkFormation` holds any result against them.
 */
import { distanceKm } from '../geo';
import { DAYS_PER_WEEK, INTEREST_WORDS } from '../types';
import { GroupInstance, groupCapacity, isFreeFor } from './instance';
import { FormationResult, GroupSettings, MeetingWindow, ProposedGroup } from './types';

export function hasInterest(interests: Uint32Array, person: number, code: number): boolean {
  return ((interests[person * INTEREST_WORDS + (code >>> 5)] >>> (code & 31)) & 1) === 1;
}

export function isExcluded(instance: GroupInstance, u: number, contactCode: number): boolean {
  const { excludedStart, excludedCode } = instance.users;
  for (let k = excludedStart[u]; k < excludedStart[u + 1]; k++)
    if (excludedCode[k] === contactCode) return true;
  return false;
}

export function userDistanceKm(instance: GroupInstance, u: number, lat: number, lon: number): number {
  return distanceKm(lat, lon, instance.users.lat[u], instance.users.lon[u]);
}

/** What one member adds to the objective in a group centred at (lat, lon). */
export function memberScore(
  instance: GroupInstance,
  settings: GroupSettings,
  u: number,
  lat: number,
  lon: number,
  fillsSeat: boolean,
): number {
  const w = settings.weights;
  const full = Math.max(1, settings.waitingDaysForFullBonus);
  const waiting = Math.round((w.waiting * Math.min(instance.users.waitingDays[u], full)) / full);
  const d = userDistanceKm(instance, u, lat, lon);
  const closeness = Math.round(w.closeness * Math.max(0, 1 - d / settings.groupRadiusKm));
  return w.base + waiting + closeness + (fillsSeat ? w.seatFill : 0);
}

export function contactThemeBonus(
  instance: GroupInstance,
  settings: GroupSettings,
  c: number,
  theme: number,
): number {
  return hasInterest(instance.contacts.interests, c, theme) ? settings.weights.contactTheme : 0;
}

/** A user may join a new group anchored at `anchor` with this theme, window and contacts. */
export function fitsNewGroup(
  instance: GroupInstance,
  settings: GroupSettings,
  u: number,
  anchor: number,
  theme: number,
  window: MeetingWindow,
  contacts: readonly number[],
): boolean {
  const { users } = instance;
  if (!hasInterest(users.interests, u, theme)) return false;
  if (!isFreeFor(users.availability, u, window)) return false;
  if (!(userDistanceKm(instance, u, users.lat[anchor], users.lon[anchor]) <= settings.groupRadiusKm))
    return false;
  for (const c of contacts) if (isExcluded(instance, u, c)) return false;
  return true;
}

/** A contact may run a new group centred at the anchor's home in this window (capacity is counted apart). */
export function contactFits(
  instance: GroupInstance,
  settings: GroupSettings,
  c: number,
  anchor: number,
  window: MeetingWindow,
): boolean {
  const { contacts, users } = instance;
  if (!contacts.eligible[c]) return false;
  if (!isFreeFor(contacts.availability, c, window)) return false;
  const d = distanceKm(users.lat[anchor], users.lon[anchor], contacts.lat[c], contacts.lon[c]);
  return d <= settings.contactRadiusKm;
}

/** An existing group can be checked at all: it has a centre and meeting times. */
export function canTakeMembers(instance: GroupInstance, g: number): boolean {
  const { groups } = instance;
  if (Number.isNaN(groups.lat[g]) || Number.isNaN(groups.lon[g])) return false;
  for (let d = 0; d < DAYS_PER_WEEK; d++) if (groups.meeting[g * DAYS_PER_WEEK + d] !== 0) return true;
  return false;
}

/** A user may take an open seat in an existing group (seats are counted apart). */
export function fitsExistingGroup(
  instance: GroupInstance,
  settings: GroupSettings,
  u: number,
  g: number,
): boolean {
  const { users, groups } = instance;
  if (!canTakeMembers(instance, g)) return false;
  let anyInterest = false;
  let shared = false;
  for (let k = 0; k < INTEREST_WORDS; k++) {
    const gi = groups.interests[g * INTEREST_WORDS + k];
    if (gi !== 0) anyInterest = true;
    if ((gi & users.interests[u * INTEREST_WORDS + k]) !== 0) shared = true;
  }
  if (anyInterest && !shared) return false;
  for (let d = 0; d < DAYS_PER_WEEK; d++) {
    const need = groups.meeting[g * DAYS_PER_WEEK + d];
    if ((users.availability[u * DAYS_PER_WEEK + d] & need) >>> 0 !== need) return false;
  }
  if (!(userDistanceKm(instance, u, groups.lat[g], groups.lon[g]) <= settings.groupRadiusKm)) return false;
  for (let k = groups.contactStart[g]; k < groups.contactStart[g + 1]; k++)
    if (isExcluded(instance, u, groups.contactCode[k])) return false;
  return true;
}

/** A group's part of the objective, from scratch. */
export function groupScore(instance: GroupInstance, settings: GroupSettings, group: ProposedGroup): number {
  const fills = group.existingGroup >= 0;
  let score = 0;
  for (const u of group.members)
    score += memberScore(instance, settings, u, group.centreLat, group.centreLon, fills);
  if (!fills && group.contacts.length > 0)
    score += contactThemeBonus(instance, settings, group.contacts[0], group.theme);
  return score;
}

/**
 * Every promise a formation result makes, as a list of broken ones (empty = sound): group sizes, the shared
 * theme, window and radius, contacts eligible and within capacity, each user in one group at most, and the
 * objective adding up.
 */
export function checkFormation(
  instance: GroupInstance,
  settings: GroupSettings,
  result: FormationResult,
): string[] {
  const problems: string[] = [];
  const { users, contacts, groups } = instance;
  const placedIn = new Int32Array(users.count).fill(-1);
  const groupsOfContact = new Int32Array(contacts.count);
  const newMembersOfGroup = new Int32Array(groups.count);
  let objective = 0;
  result.groups.forEach((group, i) => {
    const label = `group ${i}`;
    for (const u of group.members) {
      if (placedIn[u] >= 0) problems.push(`${label}: user ${u} is also in group ${placedIn[u]}`);
      placedIn[u] = i;
    }
    const score = groupScore(instance, settings, group);
    if (score !== group.score) problems.push(`${label}: score ${group.score}, recomputed ${score}`);
    objective += score;
    if (group.existingGroup >= 0) {
      const g = group.existingGroup;
      newMembersOfGroup[g] += group.members.length;
      if (group.contacts.length > 0) problems.push(`${label}: filling seats proposes no contacts`);
      for (const u of group.members)
        if (!fitsExistingGroup(instance, settings, u, g))
          problems.push(`${label}: user ${u} does not fit existing group ${g}`);
      return;
    }
    const size = group.members.length;
    if (size < settings.minGroupSize || size > settings.maxGroupSize)
      problems.push(`${label}: ${size} members, outside ${settings.minGroupSize}–${settings.maxGroupSize}`);
    if (!group.members.includes(group.anchor)) problems.push(`${label}: the anchor is not a member`);
    if (group.centreLat !== users.lat[group.anchor] || group.centreLon !== users.lon[group.anchor])
      problems.push(`${label}: the centre is not the anchor's home`);
    const window = group.window;
    if (!window) {
      problems.push(`${label}: a new group needs a window`);
      return;
    }
    if (window.slots * 30 < settings.meetingMinutes)
      problems.push(`${label}: the window is shorter than ${settings.meetingMinutes} minutes`);
    if (group.contacts.length < 1 || group.contacts.length > 2)
      problems.push(`${label}: ${group.contacts.length} contacts, not 1–2`);
    if (new Set(group.contacts).size !== group.contacts.length) problems.push(`${label}: a contact twice`);
    for (const c of group.contacts) {
      groupsOfContact[c]++;
      if (!contactFits(instance, settings, c, group.anchor, window))
        problems.push(`${label}: contact ${c} is ineligible, busy or too far`);
    }
    for (const u of group.members)
      if (!fitsNewGroup(instance, settings, u, group.anchor, group.theme, window, group.contacts))
        problems.push(`${label}: user ${u} does not share the theme, window or area, or is excluded`);
  });
  for (let c = 0; c < contacts.count; c++)
    if (groupsOfContact[c] > groupCapacity(instance, settings, c))
      problems.push(`contact ${c}: ${groupsOfContact[c]} groups, more than its capacity`);
  for (let g = 0; g < groups.count; g++)
    if (newMembersOfGroup[g] > 0 && groups.memberCount[g] + newMembersOfGroup[g] > settings.maxGroupSize)
      problems.push(`existing group ${g}: more than ${settings.maxGroupSize} members`);
  for (const u of result.unplaced)
    if (placedIn[u] >= 0) problems.push(`user ${u} is both placed and unplaced`);
  if (objective !== result.objective) problems.push(`objective ${result.objective}, recomputed ${objective}`);
  return problems;
}
