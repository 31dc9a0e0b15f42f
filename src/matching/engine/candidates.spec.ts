import { findCandidates } from './candidates';
import { ContactInput, UserInput } from './instance-builder';
import { PairVerdict } from './feasibility';
import { instanceOf, northOfOslo } from './testing/instance-factory';
import { withDefaults } from './types';

const settings = withDefaults();

/** Candidate contact ids of the single user facing these contacts. */
function candidatesOf(user: Partial<UserInput>, contacts: Partial<ContactInput>[], overrides = {}) {
  const instance = instanceOf([user], contacts);
  const graph = findCandidates(instance, withDefaults(overrides));
  const ids = Array.from(
    graph.edgeContact.subarray(graph.userStart[0], graph.userStart[1]),
    (c) => instance.contacts.ids[c],
  ).sort();
  return { ids, funnel: graph.userFunnel[0], graph };
}

describe('findCandidates', () => {
  it('finds a contact that passes every rule', () => {
    expect(candidatesOf({}, [{}]).ids).toEqual(['c0']);
  });

  it.each<[string, Partial<UserInput>, Partial<ContactInput>, number]>([
    [
      'an ineligible contact (politiattest, taushetserklæring)',
      {},
      { eligible: false },
      PairVerdict.OutOfRadius,
    ],
    ['a contact without free user slots', {}, { freeUserSlots: 0 }, PairVerdict.OutOfRadius],
    ['a contact without free hours', {}, { freeWeeklyHours: 0 }, PairVerdict.OutOfRadius],
    ['a contact beyond the travel radius', {}, northOfOslo(15.2), PairVerdict.OutOfRadius],
    ['an excluded contact', { excludedContactIds: ['c0'] }, {}, PairVerdict.Excluded],
    [
      'a contact of the wrong gender',
      { preferredContactGender: 'female' },
      { gender: 'male' },
      PairVerdict.Preferences,
    ],
    [
      'a contact without the required language',
      { requiredLanguage: 2 },
      { languages: [0, 1] },
      PairVerdict.Preferences,
    ],
    [
      'a contact younger than the age band',
      { preferredContactAgeMin: 40 },
      { age: 39 },
      PairVerdict.Preferences,
    ],
    [
      'a contact older than the age band',
      { preferredContactAgeMax: 30 },
      { age: 31 },
      PairVerdict.Preferences,
    ],
    [
      'a contact with fewer free hours than the vedtak grants',
      { weeklyHours: 6 },
      { freeWeeklyHours: 5.5 },
      PairVerdict.NotEnoughContactHours,
    ],
    [
      'a contact free only on other days',
      {},
      { availability: [{ day: 2, startMinute: 17 * 60, endMinute: 22 * 60 }] },
      PairVerdict.NoSharedTime,
    ],
    [
      'a contact sharing only 90 minutes',
      {},
      { availability: [{ day: 0, startMinute: 19 * 60 + 30, endMinute: 23 * 60 }] },
      PairVerdict.NoSharedTime,
    ],
    [
      'a contact sharing two hours split by a gap',
      { availability: [{ day: 0, startMinute: 17 * 60, endMinute: 22 * 60 }] },
      {
        availability: [
          { day: 0, startMinute: 17 * 60, endMinute: 18 * 60 + 30 },
          { day: 0, startMinute: 19 * 60, endMinute: 20 * 60 + 30 },
        ],
      },
      PairVerdict.NoSharedTime,
    ],
  ])('leaves out %s', (_, user, contact, funnel) => {
    const result = candidatesOf(user, [contact]);
    expect(result.ids).toEqual([]);
    expect(result.funnel).toBe(funnel);
  });

  it('accepts exactly the boundary cases', () => {
    expect(
      candidatesOf({ preferredContactAgeMin: 35, preferredContactAgeMax: 35, weeklyHours: 10 }, [
        { age: 35, freeWeeklyHours: 10 },
      ]).ids,
    ).toEqual(['c0']);
    expect(candidatesOf({}, [northOfOslo(14.9)]).ids).toEqual(['c0']);
    // Exactly two hours shared (19:00–21:00).
    expect(
      candidatesOf({}, [{ availability: [{ day: 0, startMinute: 19 * 60, endMinute: 23 * 60 }] }]).ids,
    ).toEqual(['c0']);
  });

  it('honours a configured meeting length and radius', () => {
    expect(
      candidatesOf({}, [{ availability: [{ day: 0, startMinute: 19 * 60 + 30, endMinute: 23 * 60 }] }], {
        minMeetingMinutes: 90,
      }).ids,
    ).toEqual(['c0']);
    expect(candidatesOf({}, [northOfOslo(20)], { travelRadiusKm: 25 }).ids).toEqual(['c0']);
  });

  it('keeps only the K best-scored candidates of a user', () => {
    const contacts = [0, 1, 2, 3, 4].map((km) => northOfOslo(km));
    const result = candidatesOf({}, contacts, { maxCandidatesPerUser: 2 });
    expect(result.ids).toEqual(['c0', 'c1']);
    expect(result.graph.feasiblePairs).toBe(5);
  });

  it('stops widening the search once enough feasible contacts are near', () => {
    const contacts = [...[0.1, 0.2, 0.3].map((km) => northOfOslo(km)), northOfOslo(12)];
    expect(candidatesOf({}, contacts, { minFeasibleScanned: 3 }).ids).toEqual(['c0', 'c1', 'c2']);
    expect(candidatesOf({}, contacts, { minFeasibleScanned: 0 }).ids).toEqual(['c0', 'c1', 'c2', 'c3']);
  });

  it('bounds a contact’s capacity by its slots, its candidates and its hours', () => {
    const instance = instanceOf(
      [{ weeklyHours: 4 }, { weeklyHours: 3 }, { weeklyHours: 5 }],
      [
        { freeUserSlots: 3, freeWeeklyHours: 7 },
        { freeUserSlots: 5, freeWeeklyHours: 40 },
      ],
    );
    // c0: 3 h + 4 h fit in 7 h, a third does not → 2; c1: 3 candidates → 3.
    expect(Array.from(findCandidates(instance, settings).capacity)).toEqual([2, 3]);
  });
});
