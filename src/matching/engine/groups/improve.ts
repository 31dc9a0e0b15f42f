/**
 * Local improvement of a formation: every move keeps all hard rules and strictly raises the objective, so the
 * loop ends; `maxImprovementPasses` bounds it. Users are visited longest waiting first (rule 9).
 */
import { freeContact, Holders, holdersByContact, Release, Switch } from './contact-release';
import { userFreeInWindow } from './instance';
import { contactFits, contactThemeBonus, hasInterest, isExcluded, memberScore } from './rules';
import { FormationState, Template } from './state';

/** Limits the moves to some users (the search's neighbourhood); undefined = everyone. */
export type Focus = (u: number) => boolean;

/** Unplaced users, longest waiting first (ties by index, so the run is deterministic). */
export function unplacedByWaiting(state: FormationState, focus?: Focus): number[] {
  const { waitingDays, count } = state.instance.users;
  const out: number[] = [];
  for (let u = 0; u < count; u++) if (state.groupOf[u] < 0 && (!focus || focus(u))) out.push(u);
  return out.sort((a, b) => waitingDays[b] - waitingDays[a] || a - b);
}

/** An unplaced user takes the best free place that fits them. */
function insertUnplaced(state: FormationState, focus?: Focus): boolean {
  let changed = false;
  for (const u of unplacedByWaiting(state, focus)) {
    const best = state.bestPlaceFor(u);
    if (best >= 0) {
      state.add(u, best);
      state.moves++;
      changed = true;
    }
  }
  return changed;
}

interface Option {
  t: Template;
  release: Release;
  take: number[];
  gain: number;
}

/**
 * An unplaced user anchors a new group, taking other unplaced users first and, when they are too few,
 * members that larger new groups can spare (a 6 + 1 split becomes 4 + 3) or newcomers to existing groups
 * (a seat filled first is given back when the user completes a whole new group instead). When every fitting
 * contact is taken, one is freed by moving groups along to other contacts with room (as an augmenting path in
 * bipartite matching) or, when the new group is worth more, by dissolving the group that holds them.
 */
function formWithSpareMembers(state: FormationState, focus?: Focus): boolean {
  let changed = false;
  let holders = holdersByContact(state);
  let paths = new Map<number, Switch[] | null>();
  for (const anchor of unplacedByWaiting(state, focus)) {
    if (state.groupOf[anchor] >= 0) continue;
    let best: Option | null = null;
    const lists: CandidateLists = new Map();
    for (const [t, release] of templatesWithRelease(state, anchor, holders, paths)) {
      const option = evaluate(state, t, release, lists);
      if (option && option.gain > 0 && (!best || option.gain > best.gain)) best = option;
    }
    if (!best) continue;
    apply(state, best);
    holders = holdersByContact(state);
    paths = new Map();
    changed = true;
  }
  return changed;
}

function* templatesWithRelease(
  state: FormationState,
  anchor: number,
  holders: Holders,
  paths: Map<number, Switch[] | null>,
): Generator<[Template, Release]> {
  const { instance, settings, windows } = state;
  const { users } = instance;
  for (let theme = 0; theme < 64; theme++) {
    if (!hasInterest(users.interests, anchor, theme)) continue;
    for (let window = 0; window < windows.windows.length; window++) {
      if (!userFreeInWindow(windows, window, anchor)) continue;
      const w = windows.windows[window];
      for (let contact = 0; contact < instance.contacts.count; contact++) {
        if (isExcluded(instance, anchor, contact) || !contactFits(instance, settings, contact, anchor, w))
          continue;
        const t = { anchor, theme, window, contact };
        if (state.groupsLeft[contact] > 0) {
          yield [t, { kind: 'none' }];
          continue;
        }
        const steps = freeContact(state, holders, contact, paths, new Set());
        if (steps) yield [t, { kind: 'switch', steps }];
        for (const gi of holders.first[contact]) yield [t, { kind: 'dissolve', gi }];
      }
    }
  }
}

/** Candidates per (theme, window, dissolved group) before the contact's exclusions, for one anchor. */
type CandidateLists = Map<string, { user: number; score: number }[]>;

function cachedCandidates(
  state: FormationState,
  lists: CandidateLists,
  key: string,
  t: Template,
  accept: (v: number) => boolean,
): { user: number; score: number }[] {
  let list = lists.get(key);
  if (!list) lists.set(key, (list = state.candidates({ ...t, contact: -1 }, accept)));
  return list.filter((c) => !isExcluded(state.instance, c.user, t.contact));
}

function evaluate(
  state: FormationState,
  t: Template,
  release: Release,
  lists: CandidateLists,
): Option | null {
  const { instance, settings } = state;
  const { users } = instance;
  const dissolved = release.kind === 'dissolve' ? release.gi : -1;
  let gain = 0;
  if (release.kind === 'dissolve') gain -= groupScore(state, dissolved);
  if (release.kind === 'switch') {
    for (const step of release.steps) {
      const g = state.groups[step.gi];
      if (step.to < 0 || g.contacts[0] !== step.from) continue;
      gain +=
        contactThemeBonus(instance, settings, step.to, g.theme) -
        contactThemeBonus(instance, settings, step.from, g.theme);
    }
  }
  const key = `${t.theme}:${t.window}:${dissolved}`;
  const free = cachedCandidates(
    state,
    lists,
    `free ${key}`,
    t,
    (v) => state.groupOf[v] < 0 || state.groupOf[v] === dissolved,
  );
  const take = free.slice(0, settings.maxGroupSize - 1).map((c) => c.user);
  gain +=
    memberScore(instance, settings, t.anchor, users.lat[t.anchor], users.lon[t.anchor], false) +
    free.slice(0, take.length).reduce((sum, c) => sum + c.score, 0) +
    contactThemeBonus(instance, settings, t.contact, t.theme);
  if (take.length < settings.minGroupSize - 1) {
    const spare = new Map<number, number>();
    const donors = cachedCandidates(state, lists, `donors ${key}`, t, (v) => {
      const gi = state.groupOf[v];
      return gi >= 0 && gi !== dissolved && state.canGive(state.groups[gi], v);
    })
      .map((c) => ({ ...c, delta: c.score - state.score(c.user, state.groups[state.groupOf[c.user]]) }))
      .sort((a, b) => b.delta - a.delta || a.user - b.user);
    for (const donor of donors) {
      if (take.length >= settings.minGroupSize - 1) break;
      const gi = state.groupOf[donor.user];
      const group = state.groups[gi];
      const left =
        spare.get(gi) ??
        (state.isFills(group) ? group.members.length : group.members.length - settings.minGroupSize);
      if (left <= 0) continue;
      spare.set(gi, left - 1);
      take.push(donor.user);
      gain += donor.delta;
    }
  }
  if (take.length < settings.minGroupSize - 1) return null;
  return { t, release, take, gain };
}

function groupScore(state: FormationState, gi: number): number {
  const group = state.groups[gi];
  let score = group.members.reduce((sum, u) => sum + state.score(u, group), 0);
  if (group.existingGroup < 0 && group.contacts.length > 0)
    score += contactThemeBonus(state.instance, state.settings, group.contacts[0], group.theme);
  return score;
}

function apply(state: FormationState, option: Option): void {
  const { release, t } = option;
  if (release.kind === 'switch') {
    for (const step of release.steps) {
      const group = state.groups[step.gi];
      const at = group.contacts.indexOf(step.from);
      if (step.to < 0) group.contacts.splice(at, 1);
      else {
        group.contacts[at] = step.to;
        state.groupsLeft[step.to]--;
      }
      state.groupsLeft[step.from]++;
    }
  } else if (release.kind === 'dissolve') {
    const group = state.groups[release.gi];
    for (const u of [...group.members]) state.remove(u);
    group.contacts.forEach((c) => state.groupsLeft[c]++);
    group.contacts = [];
    group.dissolved = true;
  }
  for (const u of option.take) if (state.groupOf[u] >= 0) state.remove(u);
  state.openNewGroup(t, option.take);
  state.moves++;
}

/** An unplaced user takes the place of a member who scores less there (who waits again, and may be re-placed). */
function swapIn(state: FormationState, focus?: Focus): boolean {
  let changed = false;
  for (const u of unplacedByWaiting(state, focus)) {
    let best: { gi: number; out: number; gain: number } | null = null;
    state.groups.forEach((group, gi) => {
      if (!state.fits(u, group)) return;
      const su = state.score(u, group);
      for (const m of group.members) {
        if (!state.isFills(group) && m === group.anchor) continue;
        const gain = su - state.score(m, group);
        if (gain > 0 && (!best || gain > best.gain)) best = { gi, out: m, gain };
      }
    });
    if (!best) continue;
    const { gi, out } = best;
    state.remove(out);
    state.add(u, gi);
    state.moves++;
    changed = true;
  }
  return changed;
}

/** A member moves to another group with room where they score more. */
function moveMembers(state: FormationState, focus?: Focus): boolean {
  let changed = false;
  for (let u = 0; u < state.groupOf.length; u++) {
    const from = state.groupOf[u];
    if (from < 0 || (focus && !focus(u)) || !state.canGive(state.groups[from], u)) continue;
    const current = state.score(u, state.groups[from]);
    let best = -1;
    let bestGain = 0;
    state.groups.forEach((group, gi) => {
      if (gi === from || !state.hasRoom(group) || !state.fits(u, group)) return;
      const gain = state.score(u, group) - current;
      if (gain > bestGain) {
        bestGain = gain;
        best = gi;
      }
    });
    if (best < 0) continue;
    state.remove(u);
    state.add(u, best);
    state.moves++;
    changed = true;
  }
  return changed;
}

export function improve(state: FormationState, focus?: Focus): void {
  for (let pass = 0; pass < state.settings.maxImprovementPasses; pass++) {
    let changed = insertUnplaced(state, focus);
    changed = formWithSpareMembers(state, focus) || changed;
    changed = swapIn(state, focus) || changed;
    changed = insertUnplaced(state, focus) || changed;
    changed = moveMembers(state, focus) || changed;
    if (!changed) break;
  }
}
