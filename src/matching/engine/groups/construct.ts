/** The greedy construction: open seats in existing groups first, then new groups seeded one anchor at a time. */
import { unplacedByWaiting } from './improve';
import { canTakeMembers, contactThemeBonus, memberScore } from './rules';
import { FormationState, Template } from './state';

/** Existing groups' open seats go first: each waiting user, longest first, takes the best seat that fits. */
export function fillOpenSeats(state: FormationState): void {
  const { instance } = state;
  for (let g = 0; g < instance.groups.count; g++) {
    if (state.seatsLeft[g] <= 0 || !canTakeMembers(instance, g)) continue;
    state.groups.push({
      existingGroup: g,
      anchor: -1,
      theme: -1,
      window: -1,
      members: [],
      contacts: [],
      lat: instance.groups.lat[g],
      lon: instance.groups.lon[g],
      dissolved: false,
    });
  }
  for (const u of unplacedByWaiting(state)) {
    const best = state.bestPlaceFor(u);
    if (best >= 0) state.add(u, best);
  }
}

/**
 * Each waiting user in turn (longest first, or the order given), seeds a group: of every (theme, window, contact) open to them, the
 * one whose best 2–5 companions add up to the most; users who cannot seed one may still join another's.
 */
export function seedNewGroups(state: FormationState, order: readonly number[]): void {
  const { instance, settings } = state;
  const { users } = instance;
  for (const anchor of order) {
    if (state.groupOf[anchor] >= 0) continue;
    let best: { t: Template; members: number[]; value: number } | null = null;
    for (const t of state.templatesFor(anchor)) {
      const companions = state.candidates(t, (v) => state.groupOf[v] < 0).slice(0, settings.maxGroupSize - 1);
      if (companions.length < settings.minGroupSize - 1) continue;
      const value =
        memberScore(instance, settings, anchor, users.lat[anchor], users.lon[anchor], false) +
        companions.reduce((sum, c) => sum + c.score, 0) +
        contactThemeBonus(instance, settings, t.contact, t.theme);
      if (!best || value > best.value)
        best = {
          t,
          members: companions.map((c) => c.user),
          value,
        };
    }
    if (best) state.openNewGroup(best.t, best.members);
  }
}
