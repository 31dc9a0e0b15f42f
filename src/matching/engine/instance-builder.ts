/** Turns plain objects (as the Nest service loads them) into the engine's typed tables. */
import { writeAvailability, writeCodes, WeeklyInterval } from './bitsets';
import {
  ContactTable,
  DAYS_PER_WEEK,
  GENDER_CODE_BY_NAME,
  GenderName,
  INTEREST_WORDS,
  MatchingInstance,
  NO_AGE_BOUND,
  NO_LANGUAGE,
  PersonColumns,
  UserTable,
} from './types';

export interface PersonInput {
  id: string;
  lat: number;
  lon: number;
  /** Interest codes 0..63 (the label table lives outside the engine). */
  interests: readonly number[];
  /** Language codes 0..31. */
  languages: readonly number[];
  availability: readonly WeeklyInterval[];
  age: number;
  gender: GenderName;
}

export interface UserInput extends PersonInput {
  preferredContactGender?: GenderName | null;
  requiredLanguage?: number | null;
  preferredContactAgeMin?: number | null;
  preferredContactAgeMax?: number | null;
  waitingDays: number;
  weeklyHours: number;
  excludedContactIds?: readonly string[];
}

export interface ContactInput extends PersonInput {
  eligible: boolean;
  freeUserSlots: number;
  freeWeeklyHours: number;
}

function personColumns(people: readonly PersonInput[]): PersonColumns {
  const n = people.length;
  const columns: PersonColumns = {
    count: n,
    ids: people.map((p) => p.id),
    lat: new Float64Array(n),
    lon: new Float64Array(n),
    interests: new Uint32Array(n * INTEREST_WORDS),
    languages: new Uint32Array(n),
    availability: new Uint32Array(n * DAYS_PER_WEEK),
    age: new Uint8Array(n),
    gender: new Uint8Array(n),
  };
  const languageWord = new Uint32Array(1);
  people.forEach((p, i) => {
    columns.lat[i] = p.lat;
    columns.lon[i] = p.lon;
    writeCodes(columns.interests, i * INTEREST_WORDS, INTEREST_WORDS, p.interests);
    languageWord[0] = 0;
    writeCodes(languageWord, 0, 1, p.languages);
    columns.languages[i] = languageWord[0];
    writeAvailability(columns.availability, i * DAYS_PER_WEEK, p.availability);
    columns.age[i] = clampByte(p.age);
    columns.gender[i] = GENDER_CODE_BY_NAME[p.gender];
  });
  return columns;
}

function clampByte(x: number): number {
  return Math.max(0, Math.min(255, Math.round(x)));
}

export function buildInstance(
  users: readonly UserInput[],
  contacts: readonly ContactInput[],
): MatchingInstance {
  const contactIndex = new Map<string, number>();
  contacts.forEach((c, i) => contactIndex.set(c.id, i));

  const n = users.length;
  const excludedStart = new Int32Array(n + 1);
  const excluded: number[] = [];
  const userTable: UserTable = {
    ...personColumns(users),
    preferredContactGender: new Uint8Array(n),
    requiredLanguage: new Int8Array(n),
    preferredContactAgeMin: new Uint8Array(n),
    preferredContactAgeMax: new Uint8Array(n),
    waitingDays: new Int32Array(n),
    weeklyHours: new Float32Array(n),
    excludedStart,
    excludedContact: new Int32Array(0),
  };
  users.forEach((u, i) => {
    userTable.preferredContactGender[i] = GENDER_CODE_BY_NAME[u.preferredContactGender ?? 'unspecified'];
    userTable.requiredLanguage[i] = u.requiredLanguage ?? NO_LANGUAGE;
    userTable.preferredContactAgeMin[i] = u.preferredContactAgeMin ?? NO_AGE_BOUND;
    userTable.preferredContactAgeMax[i] = u.preferredContactAgeMax ?? NO_AGE_BOUND;
    userTable.waitingDays[i] = Math.max(0, Math.floor(u.waitingDays));
    userTable.weeklyHours[i] = u.weeklyHours;
    // Unknown ids are ignored: the contact is not in this run, so it cannot be proposed anyway.
    for (const id of u.excludedContactIds ?? []) {
      const j = contactIndex.get(id);
      if (j !== undefined) excluded.push(j);
    }
    excludedStart[i + 1] = excluded.length;
  });
  userTable.excludedContact = Int32Array.from(excluded);

  const m = contacts.length;
  const contactTable: ContactTable = {
    ...personColumns(contacts),
    eligible: new Uint8Array(m),
    freeUserSlots: new Int32Array(m),
    freeWeeklyHours: new Float32Array(m),
  };
  contacts.forEach((c, j) => {
    contactTable.eligible[j] = c.eligible ? 1 : 0;
    contactTable.freeUserSlots[j] = Math.max(0, Math.floor(c.freeUserSlots));
    contactTable.freeWeeklyHours[j] = Math.max(0, c.freeWeeklyHours);
  });
  return { users: userTable, contacts: contactTable };
}
