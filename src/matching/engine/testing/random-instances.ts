/** fast-check generator of small but complete instances: every hard rule gets a fair chance to bite. */
import fc from 'fast-check';
import { WeeklyInterval } from '../bitsets';
import { buildInstance, ContactInput, UserInput } from '../instance-builder';
import { GenderName, MatchingInstance } from '../types';
import { OSLO } from './instance-factory';

const gender = fc.constantFrom<GenderName>('female', 'male', 'other', 'unspecified');
const place = fc.record({
  lat: fc.double({ min: OSLO.lat - 0.15, max: OSLO.lat + 0.15, noNaN: true }),
  lon: fc.double({ min: OSLO.lon - 0.3, max: OSLO.lon + 0.3, noNaN: true }),
});
const interval: fc.Arbitrary<WeeklyInterval> = fc
  .record({
    day: fc.integer({ min: 0, max: 6 }),
    start: fc.integer({ min: 14, max: 46 }),
    length: fc.integer({ min: 1, max: 10 }),
  })
  .map(({ day, start, length }) => ({
    day,
    startMinute: start * 30,
    endMinute: Math.min(48, start + length) * 30,
  }));
const person = fc.record({
  place,
  interests: fc.uniqueArray(fc.integer({ min: 0, max: 63 }), { maxLength: 5 }),
  languages: fc.uniqueArray(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 3 }),
  availability: fc.array(interval, { maxLength: 4 }),
  age: fc.integer({ min: 6, max: 90 }),
  gender,
});

export function arbitraryInstance(maxUsers: number, maxContacts: number): fc.Arbitrary<MatchingInstance> {
  return fc
    .record({
      contactCount: fc.integer({ min: 1, max: maxContacts }),
      userCount: fc.integer({ min: 1, max: maxUsers }),
    })
    .chain(({ contactCount, userCount }) =>
      fc.record({
        contacts: fc.array(
          fc.record({
            person,
            eligible: fc.boolean(),
            freeUserSlots: fc.integer({ min: 0, max: 3 }),
            freeWeeklyHours: fc.integer({ min: 0, max: 16 }),
          }),
          { minLength: contactCount, maxLength: contactCount },
        ),
        users: fc.array(
          fc.record({
            person,
            preferredContactGender: fc.option(gender, { freq: 3 }),
            requiredLanguage: fc.option(fc.integer({ min: 0, max: 4 }), { freq: 3 }),
            ageBand: fc.option(fc.tuple(fc.integer({ min: 18, max: 50 }), fc.integer({ min: 0, max: 30 })), {
              freq: 3,
            }),
            waitingDays: fc.integer({ min: 0, max: 500 }),
            weeklyHours: fc.integer({ min: 2, max: 12 }).map((h) => h / 2),
            excluded: fc.uniqueArray(fc.integer({ min: 0, max: contactCount - 1 }), { maxLength: 2 }),
          }),
          { minLength: userCount, maxLength: userCount },
        ),
      }),
    )
    .map(({ contacts, users }) => {
      const contactInputs: ContactInput[] = contacts.map((c, j) => ({
        id: `c${j}`,
        ...c.person.place,
        ...c.person,
        eligible: c.eligible,
        freeUserSlots: c.freeUserSlots,
        freeWeeklyHours: c.freeWeeklyHours,
      }));
      const userInputs: UserInput[] = users.map((u, i) => ({
        id: `u${i}`,
        ...u.person.place,
        ...u.person,
        preferredContactGender: u.preferredContactGender,
        requiredLanguage: u.requiredLanguage,
        preferredContactAgeMin: u.ageBand?.[0] ?? null,
        preferredContactAgeMax: u.ageBand ? u.ageBand[0] + u.ageBand[1] : null,
        waitingDays: u.waitingDays,
        weeklyHours: u.weeklyHours,
        excludedContactIds: u.excluded.map((j) => `c${j}`),
      }));
      return buildInstance(userInputs, contactInputs);
    });
}
