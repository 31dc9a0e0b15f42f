/** Group formation's typed tables, built from plain inputs; and the weekly windows a new group may meet in. */
import { writeAvailability, writeCodes } from '../bitsets';
import { DAYS_PER_WEEK, INTEREST_WORDS, SLOTS_PER_DAY } from '../types';
import { ExistingGroupInput, GroupContactInput, GroupSettings, GroupUserInput, MeetingWindow } from './types';

export interface GroupPeople {
  count: number;
  ids: string[];
  lat: Float64Array;
  lon: Float64Array;
  /** INTEREST_WORDS words each. */
  interests: Uint32Array;
  /** DAYS_PER_WEEK words each; bit i = free 07:00 + 30·i min for half an hour. */
  availability: Uint32Array;
}

export interface GroupUserTable extends GroupPeople {
  waitingDays: Int32Array;
  /** CSR rows of person codes (see GroupInstance.codeOfContactId) this user must never have as contact. */
  excludedStart: Int32Array;
  excludedCode: Int32Array;
}

export interface GroupContactTable extends GroupPeople {
  eligible: Uint8Array;
  freeUserSlots: Int32Array;
  freeWeeklyHours: Float64Array;
}

export interface ExistingGroupTable {
  count: number;
  ids: string[];
  /** NaN when unknown. */
  lat: Float64Array;
  lon: Float64Array;
  interests: Uint32Array;
  /** Union of the meeting times per weekday; a member must be free for all of it. */
  meeting: Uint32Array;
  memberCount: Int32Array;
  /** CSR rows of contact codes running the group. */
  contactStart: Int32Array;
  contactCode: Int32Array;
}

export interface GroupInstance {
  users: GroupUserTable;
  contacts: GroupContactTable;
  groups: ExistingGroupTable;
  /**
   * Contact ids as small integers: a contact in the table has its index as code; a contact known only from an
   * exclusion or an existing group's staff gets a code past the table.
   */
  codeOfContactId: ReadonlyMap<string, number>;
}

function people(inputs: readonly (GroupUserInput | GroupContactInput)[]): GroupPeople {
  const count = inputs.length;
  const table: GroupPeople = {
    count,
    ids: inputs.map((p) => p.id),
    lat: new Float64Array(count),
    lon: new Float64Array(count),
    interests: new Uint32Array(count * INTEREST_WORDS),
    availability: new Uint32Array(count * DAYS_PER_WEEK),
  };
  inputs.forEach((p, i) => {
    table.lat[i] = p.lat;
    table.lon[i] = p.lon;
    writeCodes(table.interests, i * INTEREST_WORDS, INTEREST_WORDS, p.interests);
    writeAvailability(table.availability, i * DAYS_PER_WEEK, p.availability);
  });
  return table;
}

export function buildGroupInstance(
  users: readonly GroupUserInput[],
  contacts: readonly GroupContactInput[],
  groups: readonly ExistingGroupInput[] = [],
): GroupInstance {
  const codes = new Map<string, number>();
  contacts.forEach((c, j) => {
    if (codes.has(c.id)) throw new Error(`contact ${c.id} given twice`);
    codes.set(c.id, j);
  });
  const codeOf = (id: string): number => {
    let code = codes.get(id);
    if (code === undefined) codes.set(id, (code = codes.size));
    return code;
  };

  const userTable = people(users) as GroupUserTable;
  userTable.waitingDays = Int32Array.from(users, (u) => Math.max(0, Math.floor(u.waitingDays)));
  userTable.excludedStart = new Int32Array(users.length + 1);
  const excluded: number[] = [];
  users.forEach((u, i) => {
    for (const id of u.excludedContactIds ?? []) excluded.push(codeOf(id));
    userTable.excludedStart[i + 1] = excluded.length;
  });
  userTable.excludedCode = Int32Array.from(excluded);

  const contactTable = people(contacts) as GroupContactTable;
  contactTable.eligible = Uint8Array.from(contacts, (c) => (c.eligible ? 1 : 0));
  contactTable.freeUserSlots = Int32Array.from(contacts, (c) => Math.max(0, Math.floor(c.freeUserSlots)));
  contactTable.freeWeeklyHours = Float64Array.from(contacts, (c) => Math.max(0, c.freeWeeklyHours));

  const groupTable: ExistingGroupTable = {
    count: groups.length,
    ids: groups.map((g) => g.id),
    lat: Float64Array.from(groups, (g) => g.lat ?? NaN),
    lon: Float64Array.from(groups, (g) => g.lon ?? NaN),
    interests: new Uint32Array(groups.length * INTEREST_WORDS),
    meeting: new Uint32Array(groups.length * DAYS_PER_WEEK),
    memberCount: Int32Array.from(groups, (g) => g.memberCount),
    contactStart: new Int32Array(groups.length + 1),
    contactCode: new Int32Array(0),
  };
  const staff: number[] = [];
  groups.forEach((g, k) => {
    writeCodes(groupTable.interests, k * INTEREST_WORDS, INTEREST_WORDS, g.interests);
    writeAvailability(groupTable.meeting, k * DAYS_PER_WEEK, g.meetingTimes);
    for (const id of g.contactIds) staff.push(codeOf(id));
    groupTable.contactStart[k + 1] = staff.length;
  });
  groupTable.contactCode = Int32Array.from(staff);
  return { users: userTable, contacts: contactTable, groups: groupTable, codeOfContactId: codes };
}

/** The bits of a window within its day's word. */
export function windowMask(w: MeetingWindow): number {
  const run = w.slots >= 32 ? 0xffffffff : (1 << w.slots) - 1;
  return (run << w.startSlot) >>> 0;
}

export function isFreeFor(availability: Uint32Array, person: number, w: MeetingWindow): boolean {
  const mask = windowMask(w);
  return (availability[person * DAYS_PER_WEEK + w.day] & mask) >>> 0 === mask;
}

export interface WindowSet {
  windows: MeetingWindow[];
  /** Per window, a bitset over users free for all of it (ceil(users / 32) words each). */
  userBits: Uint32Array;
  userWords: number;
}

/** How many new groups a contact can still take: a user slot and `groupWeeklyHours` each. */
export function groupCapacity(instance: GroupInstance, settings: GroupSettings, c: number): number {
  const { contacts } = instance;
  if (!contacts.eligible[c]) return 0;
  const byHours =
    settings.groupWeeklyHours > 0
      ? Math.floor(contacts.freeWeeklyHours[c] / settings.groupWeeklyHours + 1e-9)
      : Number.MAX_SAFE_INTEGER;
  return Math.max(0, Math.min(contacts.freeUserSlots[c], byHours));
}

/**
 * The windows worth trying for new groups: every start on every day where a contact with room and at least
 * `minGroupSize` users are free, minus the dominated ones (a window whose free users and free contacts are
 * both a subset of another's can never do better, since no score depends on the hour itself). Both the
 * heuristic and the exact reference use this set, so their optima are comparable.
 */
export function candidateWindows(instance: GroupInstance, settings: GroupSettings): WindowSet {
  const slots = Math.max(1, Math.ceil(settings.meetingMinutes / 30));
  const { users, contacts } = instance;
  const userWords = Math.ceil(users.count / 32);
  const contactWords = Math.ceil(contacts.count / 32);
  const usable: number[] = [];
  for (let c = 0; c < contacts.count; c++) if (groupCapacity(instance, settings, c) > 0) usable.push(c);

  const windows: MeetingWindow[] = [];
  const userSets: Uint32Array[] = [];
  const contactSets: Uint32Array[] = [];
  if (slots > SLOTS_PER_DAY) return { windows, userBits: new Uint32Array(0), userWords };
  for (let day = 0; day < DAYS_PER_WEEK; day++) {
    for (let startSlot = 0; startSlot + slots <= SLOTS_PER_DAY; startSlot++) {
      const w = { day, startSlot, slots };
      const cs = new Uint32Array(contactWords);
      let anyContact = false;
      for (const c of usable) {
        if (isFreeFor(contacts.availability, c, w)) {
          cs[c >>> 5] |= 1 << (c & 31);
          anyContact = true;
        }
      }
      if (!anyContact) continue;
      const us = new Uint32Array(userWords);
      let free = 0;
      for (let u = 0; u < users.count; u++) {
        if (isFreeFor(users.availability, u, w)) {
          us[u >>> 5] |= 1 << (u & 31);
          free++;
        }
      }
      if (free < settings.minGroupSize) continue;
      windows.push(w);
      userSets.push(us);
      contactSets.push(cs);
    }
  }

  const keep: number[] = [];
  for (let i = 0; i < windows.length; i++) {
    let dominated = false;
    for (let j = 0; j < windows.length && !dominated; j++) {
      if (i === j) continue;
      const inUsers = isSubset(userSets[i], userSets[j]);
      const inContacts = isSubset(contactSets[i], contactSets[j]);
      if (!inUsers || !inContacts) continue;
      const equal = isSubset(userSets[j], userSets[i]) && isSubset(contactSets[j], contactSets[i]);
      dominated = !equal || j < i;
    }
    if (!dominated) keep.push(i);
  }
  const userBits = new Uint32Array(keep.length * userWords);
  keep.forEach((i, k) => userBits.set(userSets[i], k * userWords));
  return { windows: keep.map((i) => windows[i]), userBits, userWords };
}

function isSubset(a: Uint32Array, b: Uint32Array): boolean {
  for (let k = 0; k < a.length; k++) if ((a[k] & ~b[k]) !== 0) return false;
  return true;
}

export function userFreeInWindow(set: WindowSet, w: number, u: number): boolean {
  return ((set.userBits[w * set.userWords + (u >>> 5)] >>> (u & 31)) & 1) === 1;
}
