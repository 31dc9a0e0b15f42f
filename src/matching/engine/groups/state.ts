/** The heuristic's working state: who is where, what each contact and existing group still has room for. */
import { distanceKm } from '../geo';
import { GroupInstance, groupCapacity, WindowSet } from './instance';
import {
  contactFits,
  contactThemeBonus,
  fitsExistingGroup,
  fitsNewGroup,
  hasInterest,
  isExcluded,
  memberScore,
} from './rules';
import { GroupSettings } from './types';

export interface WorkingGroup {
  /** -1 = new group. */
  existingGroup: number;
  anchor: number;
  theme: number;
  /** Index into the window set; -1 when filling seats. */
  window: number;
  members: number[];
  contacts: number[];
  lat: number;
  lon: number;
  /** Dissolved by an improvement move: takes no one any more and is dropped from the result. */
  dissolved: boolean;
}

/** A new group's defining choice before members are picked. */
export interface Template {
  anchor: number;
  theme: number;
  window: number;
  contact: number;
}

export class FormationState {
  readonly groupOf: Int32Array;
  readonly groups: WorkingGroup[] = [];
  /** New groups each contact can still take. */
  readonly groupsLeft: Int32Array;
  /** Open seats left per existing group. */
  readonly seatsLeft: Int32Array;
  /** CSR: users within the group radius of each user (not itself), nearest first. */
  readonly neighbourStart: Int32Array;
  readonly neighbour: Int32Array;
  moves = 0;

  constructor(
    readonly instance: GroupInstance,
    readonly settings: GroupSettings,
    readonly windows: WindowSet,
  ) {
    const { users, contacts, groups } = instance;
    this.groupOf = new Int32Array(users.count).fill(-1);
    this.groupsLeft = Int32Array.from({ length: contacts.count }, (_, c) =>
      groupCapacity(instance, settings, c),
    );
    this.seatsLeft = Int32Array.from({ length: groups.count }, (_, g) =>
      Math.max(0, settings.maxGroupSize - groups.memberCount[g]),
    );
    const start = new Int32Array(users.count + 1);
    const list: number[] = [];
    for (let u = 0; u < users.count; u++) {
      const near: [number, number][] = [];
      for (let v = 0; v < users.count; v++) {
        if (v === u) continue;
        const d = distanceKm(users.lat[u], users.lon[u], users.lat[v], users.lon[v]);
        if (d <= settings.groupRadiusKm) near.push([d, v]);
      }
      near.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
      for (const [, v] of near) list.push(v);
      start[u + 1] = list.length;
    }
    this.neighbourStart = start;
    this.neighbour = Int32Array.from(list);
  }

  isFills(group: WorkingGroup): boolean {
    return group.existingGroup >= 0;
  }

  score(u: number, group: WorkingGroup): number {
    return memberScore(this.instance, this.settings, u, group.lat, group.lon, this.isFills(group));
  }

  fits(u: number, group: WorkingGroup): boolean {
    if (group.dissolved) return false;
    if (this.isFills(group)) return fitsExistingGroup(this.instance, this.settings, u, group.existingGroup);
    return fitsNewGroup(
      this.instance,
      this.settings,
      u,
      group.anchor,
      group.theme,
      this.windows.windows[group.window],
      group.contacts,
    );
  }

  hasRoom(group: WorkingGroup): boolean {
    if (group.dissolved) return false;
    return this.isFills(group)
      ? this.seatsLeft[group.existingGroup] > 0
      : group.members.length < this.settings.maxGroupSize;
  }

  /** A member other than the anchor may leave without the group falling below the minimum. */
  canGive(group: WorkingGroup, u: number): boolean {
    if (this.isFills(group)) return true;
    return u !== group.anchor && group.members.length > this.settings.minGroupSize;
  }

  /** The group with room that fits `u` and scores them highest (the first on a tie), or -1. */
  bestPlaceFor(u: number): number {
    let best = -1;
    let bestScore = -Infinity;
    this.groups.forEach((group, gi) => {
      if (!this.hasRoom(group) || !this.fits(u, group)) return;
      const s = this.score(u, group);
      if (s > bestScore) {
        bestScore = s;
        best = gi;
      }
    });
    return best;
  }

  add(u: number, gi: number): void {
    const group = this.groups[gi];
    group.members.push(u);
    this.groupOf[u] = gi;
    if (this.isFills(group)) this.seatsLeft[group.existingGroup]--;
  }

  remove(u: number): void {
    const gi = this.groupOf[u];
    const group = this.groups[gi];
    group.members.splice(group.members.indexOf(u), 1);
    this.groupOf[u] = -1;
    if (this.isFills(group)) this.seatsLeft[group.existingGroup]++;
  }

  openNewGroup(t: Template, members: readonly number[]): number {
    const { users } = this.instance;
    const gi = this.groups.length;
    this.groups.push({
      existingGroup: -1,
      anchor: t.anchor,
      theme: t.theme,
      window: t.window,
      members: [],
      contacts: [t.contact],
      lat: users.lat[t.anchor],
      lon: users.lon[t.anchor],
      dissolved: false,
    });
    this.groupsLeft[t.contact]--;
    this.add(t.anchor, gi);
    for (const u of members) this.add(u, gi);
    return gi;
  }

  /** The contact for a new group at this anchor and window: one sharing the theme first, then the nearest. */
  pickContact(anchor: number, theme: number, window: number): number {
    const { instance, settings } = this;
    const { contacts, users } = instance;
    const w = this.windows.windows[window];
    let best = -1;
    let bestKey = -Infinity;
    for (let c = 0; c < contacts.count; c++) {
      if (this.groupsLeft[c] <= 0 || isExcluded(instance, anchor, c)) continue;
      if (!contactFits(instance, settings, c, anchor, w)) continue;
      const d = distanceKm(users.lat[anchor], users.lon[anchor], contacts.lat[c], contacts.lon[c]);
      const key = contactThemeBonus(instance, settings, c, theme) * 1e6 - d;
      if (key > bestKey) {
        bestKey = key;
        best = c;
      }
    }
    return best;
  }

  /**
   * Users near the anchor (the anchor excluded) that fit the template, by `accept`, best score first;
   * `t.contact = -1` leaves out the contact's exclusions.
   */
  candidates(t: Template, accept: (v: number) => boolean): { user: number; score: number }[] {
    const { instance, settings } = this;
    const { users } = instance;
    const w = this.windows.windows[t.window];
    const lat = users.lat[t.anchor];
    const lon = users.lon[t.anchor];
    const out: { user: number; score: number }[] = [];
    for (let k = this.neighbourStart[t.anchor]; k < this.neighbourStart[t.anchor + 1]; k++) {
      const v = this.neighbour[k];
      if (!accept(v) || !hasInterest(users.interests, v, t.theme)) continue;
      if (!fitsNewGroup(instance, settings, v, t.anchor, t.theme, w, t.contact >= 0 ? [t.contact] : []))
        continue;
      out.push({ user: v, score: memberScore(instance, settings, v, lat, lon, false) });
    }
    out.sort((a, b) => b.score - a.score || a.user - b.user);
    return out;
  }

  /** Every (theme, window) an anchor could start a group in, with the contact it would get. */
  *templatesFor(anchor: number): Generator<Template> {
    const { users } = this.instance;
    const { windows, userWords, userBits } = this.windows;
    for (let theme = 0; theme < 64; theme++) {
      if (!hasInterest(users.interests, anchor, theme)) continue;
      for (let window = 0; window < windows.length; window++) {
        if (((userBits[window * userWords + (anchor >>> 5)] >>> (anchor & 31)) & 1) === 0) continue;
        const contact = this.pickContact(anchor, theme, window);
        if (contact >= 0) yield { anchor, theme, window, contact };
      }
    }
  }
}
