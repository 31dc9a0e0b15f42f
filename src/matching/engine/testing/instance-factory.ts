/** One-line valid people for tests: state only what the test is about. */
import { buildInstance, ContactInput, UserInput } from '../instance-builder';
import { MatchingInstance } from '../types';

export const OSLO = { lat: 59.9139, lon: 10.7522 };
/** A point `km` kilometres north of Oslo centre. */
export function northOfOslo(km: number): { lat: number; lon: number } {
  return { lat: OSLO.lat + km / 111.195, lon: OSLO.lon };
}

const MONDAY_EVENING = [{ day: 0, startMinute: 18 * 60, endMinute: 21 * 60 }];

export function aUser(overrides: Partial<UserInput> = {}): UserInput {
  return {
    id: 'u',
    ...OSLO,
    interests: [1, 2],
    languages: [0],
    availability: MONDAY_EVENING,
    age: 30,
    gender: 'female',
    waitingDays: 10,
    weeklyHours: 3,
    ...overrides,
  };
}

export function aContact(overrides: Partial<ContactInput> = {}): ContactInput {
  return {
    id: 'c',
    ...OSLO,
    interests: [2, 3],
    languages: [0],
    availability: [{ day: 0, startMinute: 17 * 60, endMinute: 22 * 60 }],
    age: 35,
    gender: 'male',
    eligible: true,
    freeUserSlots: 1,
    freeWeeklyHours: 10,
    ...overrides,
  };
}

/** Ids default to u0, u1, … and c0, c1, … */
export function instanceOf(users: Partial<UserInput>[], contacts: Partial<ContactInput>[]): MatchingInstance {
  return buildInstance(
    users.map((u, i) => aUser({ id: `u${i}`, ...u })),
    contacts.map((c, j) => aContact({ id: `c${j}`, ...c })),
  );
}
