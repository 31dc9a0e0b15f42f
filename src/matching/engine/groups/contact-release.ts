/**
 * Freeing a contact for a new group: a group the contact runs moves on to another contact who could run it, and
 * that one's group to another, … until a contact with room is reached (an augmenting path, as in bipartite
 * matching), or the contact is only a group's second contact and may simply leave it.
 */
import { contactFits, isExcluded } from './rules';
import { FormationState } from './state';

/** One contact change that frees capacity: group `gi` trades contact `from` for `to` (-1: drops its second contact). */
export interface Switch {
  gi: number;
  from: number;
  to: number;
}

/** How a template gets a contact who has no room left. */
export type Release =
  | { kind: 'none' }
  /** A chain of contact switches (an augmenting path) that ends at a contact with room. */
  | { kind: 'switch'; steps: Switch[] }
  /** The group is dissolved; its members may join the new group or wait again. */
  | { kind: 'dissolve'; gi: number };

/** Per contact, the live groups it runs: as first contact (`first`) or as second (`second`). */
export interface Holders {
  first: number[][];
  second: number[][];
}

export function holdersByContact(state: FormationState): Holders {
  const count = state.instance.contacts.count;
  const holders: Holders = {
    first: Array.from({ length: count }, () => []),
    second: Array.from({ length: count }, () => []),
  };
  state.groups.forEach((group, gi) => {
    if (group.dissolved) return;
    group.contacts.forEach((c, at) => (at === 0 ? holders.first : holders.second)[c].push(gi));
  });
  return holders;
}

/** Contacts that could run the group instead of its own (room not considered). */
export function canRun(state: FormationState, gi: number, c: number): boolean {
  const { instance, settings, windows } = state;
  const group = state.groups[gi];
  if (group.contacts.includes(c) || instance.contacts.eligible[c] === 0) return false;
  if (!contactFits(instance, settings, c, group.anchor, windows.windows[group.window])) return false;
  return !group.members.some((u) => isExcluded(instance, u, c));
}

/**
 * Switches that leave `c` with room for one more group, or null: a depth-first search for a path
 * c → (a group c runs) → another contact that could run it → … → a contact with room. `paths` memoises each
 * contact's answer for the current state; contacts on the current path are skipped.
 */
export function freeContact(
  state: FormationState,
  holders: Holders,
  c: number,
  paths: Map<number, Switch[] | null>,
  onPath: Set<number>,
): Switch[] | null {
  const known = paths.get(c);
  if (known !== undefined) return known;
  if (holders.second[c].length > 0) {
    const steps = [{ gi: holders.second[c][0], from: c, to: -1 }];
    paths.set(c, steps);
    return steps;
  }
  const count = state.instance.contacts.count;
  onPath.add(c);
  let found: Switch[] | null = null;
  for (const gi of holders.first[c]) {
    for (let to = 0; to < count && !found; to++)
      if (!onPath.has(to) && state.groupsLeft[to] > 0 && canRun(state, gi, to)) found = [{ gi, from: c, to }];
  }
  for (const gi of holders.first[c]) {
    for (let to = 0; to < count && !found; to++) {
      if (onPath.has(to) || !canRun(state, gi, to)) continue;
      const rest = freeContact(state, holders, to, paths, onPath);
      // A path through a contact already on this one would switch a group twice.
      if (rest && !rest.some((step) => step.from === c || step.to === c))
        found = [...rest, { gi, from: c, to }];
    }
  }
  onPath.delete(c);
  paths.set(c, found);
  return found;
}
