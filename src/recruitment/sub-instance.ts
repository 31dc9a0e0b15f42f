/**
 * Sub-instances for the recruitment planner: the waiting users against the contacts with room left after the run,
 * plus candidate profiles as extra contacts. Copies the engine's typed columns, so the engine sees an ordinary
 * instance and applies its own hard rules; exclusions are carried over to the contacts' new positions.
 */
import { buildInstance, ContactInput } from '../matching/engine/instance-builder';
import {
  ContactTable,
  DAYS_PER_WEEK,
  INTEREST_WORDS,
  MatchingInstance,
  PersonColumns,
  UserTable,
} from '../matching/engine/types';

type Columns<T> = { [K in keyof T]: T[K] extends ArrayLike<number> ? K : never }[keyof T];

function pick<T extends Float64Array | Float32Array | Uint32Array | Int32Array | Uint8Array | Int8Array>(
  source: T,
  rows: readonly number[],
  width = 1,
): T {
  const out = new (source.constructor as new (n: number) => T)(rows.length * width);
  rows.forEach((row, i) => {
    for (let w = 0; w < width; w++) out[i * width + w] = source[row * width + w];
  });
  return out;
}

function concat<T extends Float64Array | Float32Array | Uint32Array | Int32Array | Uint8Array | Int8Array>(
  a: T,
  b: T,
): T {
  const out = new (a.constructor as new (n: number) => T)(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

function personRows(source: PersonColumns, rows: readonly number[]): PersonColumns {
  return {
    count: rows.length,
    ids: rows.map((r) => source.ids[r]),
    lat: pick(source.lat, rows),
    lon: pick(source.lon, rows),
    interests: pick(source.interests, rows, INTEREST_WORDS),
    languages: pick(source.languages, rows),
    availability: pick(source.availability, rows, DAYS_PER_WEEK),
    age: pick(source.age, rows),
    gender: pick(source.gender, rows),
  };
}

const CONTACT_COLUMNS: Columns<ContactTable>[] = [
  'lat',
  'lon',
  'interests',
  'languages',
  'availability',
  'age',
  'gender',
  'eligible',
  'freeUserSlots',
  'freeWeeklyHours',
];

/**
 * The given users against the given contacts (in that order). `capacity` overrides the contacts' free slots and
 * hours (indexed by the source's contact index), e.g. what is left of them after the run's own pairs.
 */
export function subInstance(
  source: MatchingInstance,
  userRows: readonly number[],
  contactRows: readonly number[],
  capacity?: { slots: Int32Array; hours: Float32Array },
): MatchingInstance {
  const position = new Map<number, number>();
  contactRows.forEach((c, i) => position.set(c, i));
  const su = source.users;
  const excludedStart = new Int32Array(userRows.length + 1);
  const excluded: number[] = [];
  userRows.forEach((u, i) => {
    for (let k = su.excludedStart[u]; k < su.excludedStart[u + 1]; k++) {
      const at = position.get(su.excludedContact[k]);
      if (at !== undefined) excluded.push(at);
    }
    excludedStart[i + 1] = excluded.length;
  });
  const users: UserTable = {
    ...personRows(su, userRows),
    preferredContactGender: pick(su.preferredContactGender, userRows),
    requiredLanguage: pick(su.requiredLanguage, userRows),
    preferredContactAgeMin: pick(su.preferredContactAgeMin, userRows),
    preferredContactAgeMax: pick(su.preferredContactAgeMax, userRows),
    waitingDays: pick(su.waitingDays, userRows),
    weeklyHours: pick(su.weeklyHours, userRows),
    excludedStart,
    excludedContact: Int32Array.from(excluded),
  };
  const sc = source.contacts;
  const contacts: ContactTable = {
    ...personRows(sc, contactRows),
    eligible: pick(sc.eligible, contactRows),
    freeUserSlots: pick(capacity?.slots ?? sc.freeUserSlots, contactRows),
    freeWeeklyHours: pick(capacity?.hours ?? sc.freeWeeklyHours, contactRows),
  };
  return { users, contacts };
}

/** The instance with extra contacts appended after its own (the users' exclusions cannot name a new contact). */
export function withExtraContacts(
  instance: MatchingInstance,
  extras: readonly ContactInput[],
): MatchingInstance {
  const added = buildInstance([], extras).contacts;
  const contacts = { ...instance.contacts, count: instance.contacts.count + added.count };
  contacts.ids = [...instance.contacts.ids, ...added.ids];
  for (const column of CONTACT_COLUMNS) {
    (contacts as Record<string, unknown>)[column] = concat(
      instance.contacts[column] as Float64Array,
      added[column] as Float64Array,
    );
  }
  return { users: instance.users, contacts };
}
