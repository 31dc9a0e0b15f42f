/**
 * Activity groups that form themselves: fill open seats in existing groups first, then seed new groups by the
 * longest waiting user and grow each greedily by score (construct.ts), then improve locally (improve.ts) and
 * by destroy-and-rebuild (search.ts). Deterministic: the same instance gives the same groups. The model and
 * objective are described in types.ts.
 */
import { distanceKm } from '../geo';
import { fillOpenSeats, seedNewGroups } from './construct';
import { improve, unplacedByWaiting } from './improve';
import { candidateWindows, GroupInstance, isFreeFor } from './instance';
import { contactThemeBonus, groupScore, isExcluded } from './rules';
import { searchNeighbourhoods } from './search';
import { FormationState, WorkingGroup } from './state';
import { FormationResult, GroupSettings, ProposedGroup, withGroupDefaults } from './types';

export function formGroups(
  instance: GroupInstance,
  partialSettings: Partial<GroupSettings> = {},
): FormationResult {
  const settings = withGroupDefaults(partialSettings);
  const started = performance.now();
  const windows = candidateWindows(instance, settings);
  const state = new FormationState(instance, settings, windows);
  const prepared = performance.now();

  fillOpenSeats(state);
  seedNewGroups(state, unplacedByWaiting(state));
  const constructed = performance.now();
  improve(state);
  searchNeighbourhoods(state);
  addSecondContacts(state);
  const improved = performance.now();

  const groups = state.groups
    .filter((g) => !g.dissolved && g.members.length > 0)
    .map((g) => toProposed(state, g))
    .sort((a, b) => b.score - a.score || a.members[0] - b.members[0]);
  const objective = groups.reduce((sum, g) => sum + g.score, 0);
  return {
    groups,
    unplaced: unplacedByWaiting(state),
    objective,
    stats: {
      newGroups: groups.filter((g) => g.existingGroup < 0).length,
      seatsFilled: groups.filter((g) => g.existingGroup >= 0).reduce((n, g) => n + g.members.length, 0),
      placedUsers: groups.reduce((n, g) => n + g.members.length, 0),
      improvementMoves: state.moves,
      timingsMs: {
        prepare: prepared - started,
        construct: constructed - prepared,
        improve: improved - constructed,
        total: improved - started,
      },
    },
  };
}

/** Large new groups get a second contact when an eligible one with room shares the window and area. */
function addSecondContacts(state: FormationState): void {
  const { instance, settings, windows } = state;
  const { contacts, users } = instance;
  const order = state.groups
    .map((g, gi) => ({ g, gi }))
    .filter(({ g }) => g.existingGroup < 0 && g.members.length >= settings.secondContactFromSize)
    .sort((a, b) => b.g.members.length - a.g.members.length || a.gi - b.gi);
  for (const { g } of order) {
    const w = windows.windows[g.window];
    let best = -1;
    let bestKey = -Infinity;
    for (let c = 0; c < contacts.count; c++) {
      if (state.groupsLeft[c] <= 0 || g.contacts.includes(c)) continue;
      if (!isFreeFor(contacts.availability, c, w)) continue;
      const d = distanceKm(users.lat[g.anchor], users.lon[g.anchor], contacts.lat[c], contacts.lon[c]);
      if (d > settings.contactRadiusKm) continue;
      if (g.members.some((u) => isExcluded(instance, u, c))) continue;
      const key = contactThemeBonus(instance, settings, c, g.theme) * 1e6 - d;
      if (key > bestKey) {
        bestKey = key;
        best = c;
      }
    }
    if (best >= 0) {
      g.contacts.push(best);
      state.groupsLeft[best]--;
    }
  }
}

function toProposed(state: FormationState, g: WorkingGroup): ProposedGroup {
  const { waitingDays } = state.instance.users;
  const members = [...g.members].sort((a, b) => waitingDays[b] - waitingDays[a] || a - b);
  const proposed: ProposedGroup = {
    existingGroup: g.existingGroup,
    anchor: g.anchor,
    theme: g.theme,
    window: g.window >= 0 ? { ...state.windows.windows[g.window] } : null,
    members,
    contacts: [...g.contacts],
    centreLat: g.lat,
    centreLon: g.lon,
    score: 0,
  };
  proposed.score = groupScore(state.instance, state.settings, proposed);
  return proposed;
}
