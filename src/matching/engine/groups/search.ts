/**
 * Destroy and rebuild (large neighbourhood search): dissolve a few nearby groups at random, rebuild from the
 * users around them in a shuffled order, improve there, and keep the result only when the objective rose. It finds what single
 * moves cannot, e.g. a group giving up its contact to a bigger group elsewhere while its members regroup.
 * The generator is seeded, so a run is deterministic.
 */
import { distanceKm } from '../geo';
import { seededRandom } from '../synthetic-instance';
import { seedNewGroups } from './construct';
import { improve, unplacedByWaiting } from './improve';
import { contactThemeBonus } from './rules';
import { FormationState, WorkingGroup } from './state';

interface Snapshot {
  groups: WorkingGroup[];
  groupOf: Int32Array;
  groupsLeft: Int32Array;
  seatsLeft: Int32Array;
}

function copyGroups(groups: readonly WorkingGroup[]): WorkingGroup[] {
  return groups
    .filter((g) => !g.dissolved)
    .map((g) => ({ ...g, members: [...g.members], contacts: [...g.contacts] }));
}

function snapshot(state: FormationState): Snapshot {
  // Dissolved groups are dropped, so indices change: groupOf is rebuilt from the copies.
  const groups = copyGroups(state.groups);
  const groupOf = new Int32Array(state.groupOf.length).fill(-1);
  groups.forEach((g, gi) => g.members.forEach((u) => (groupOf[u] = gi)));
  return { groups, groupOf, groupsLeft: state.groupsLeft.slice(), seatsLeft: state.seatsLeft.slice() };
}

function restore(state: FormationState, snap: Snapshot): void {
  state.groups.length = 0;
  state.groups.push(...copyGroups(snap.groups));
  state.groupOf.set(snap.groupOf);
  state.groupsLeft.set(snap.groupsLeft);
  state.seatsLeft.set(snap.seatsLeft);
}

export function objectiveOf(state: FormationState): number {
  let total = 0;
  for (const group of state.groups) {
    if (group.dissolved) continue;
    for (const u of group.members) total += state.score(u, group);
    if (group.existingGroup < 0 && group.contacts.length > 0)
      total += contactThemeBonus(state.instance, state.settings, group.contacts[0], group.theme);
  }
  return total;
}

function dissolve(state: FormationState, gi: number): void {
  const group = state.groups[gi];
  for (const u of [...group.members]) state.remove(u);
  if (group.existingGroup >= 0) return;
  group.contacts.forEach((c) => state.groupsLeft[c]++);
  group.contacts = [];
  group.dissolved = true;
}

export function searchNeighbourhoods(state: FormationState): void {
  // Each round costs about linearly in the users near the destroyed groups; larger instances get fewer rounds
  // so that a run over a thousand group users stays well under half a minute.
  const users = state.instance.users.count;
  const configured = state.settings.searchIterations;
  const iterations = Math.min(configured, Math.max(10, Math.floor((configured * 150) / Math.max(1, users))));
  if (configured <= 0) return;
  const random = seededRandom(0x5eed ^ state.instance.users.count);
  let best = snapshot(state);
  let bestObjective = objectiveOf(state);
  restore(state, best);
  for (let i = 0; i < iterations; i++) {
    const live = state.groups.map((g, gi) => gi).filter((gi) => state.groups[gi].members.length > 0);
    if (live.length === 0) break;
    // A neighbourhood: one group at random and up to two more whose centres are near it, and the users
    // around them; the rebuild and its local moves look at those users only, so an iteration stays cheap.
    const first = state.groups[live[Math.floor(random() * live.length)]];
    const reach = state.settings.groupRadiusKm;
    const near = live.filter((gi) => {
      const g = state.groups[gi];
      return distanceKm(first.lat, first.lon, g.lat, g.lon) <= reach;
    });
    const centres: [number, number][] = [];
    const destroy = 1 + Math.floor(random() * Math.min(3, near.length));
    for (let k = 0; k < destroy; k++) {
      const at = k === 0 ? near.indexOf(state.groups.indexOf(first)) : Math.floor(random() * near.length);
      const gi = near[at];
      centres.push([state.groups[gi].lat, state.groups[gi].lon]);
      dissolve(state, gi);
      near.splice(at, 1);
    }
    const { lat, lon } = state.instance.users;
    const focus = (u: number) =>
      centres.some(([cLat, cLon]) => distanceKm(cLat, cLon, lat[u], lon[u]) <= reach);
    const order = unplacedByWaiting(state, focus);
    for (let k = order.length - 1; k > 0; k--) {
      const j = Math.floor(random() * (k + 1));
      [order[k], order[j]] = [order[j], order[k]];
    }
    seedNewGroups(state, order);
    improve(state, focus);
    const value = objectiveOf(state);
    if (value > bestObjective) {
      bestObjective = value;
      best = snapshot(state);
    }
    restore(state, best);
  }
}
