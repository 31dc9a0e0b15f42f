import { runMatching } from '../matching/engine/engine';
import { ContactInput, UserInput } from '../matching/engine/instance-builder';
import { instanceOf, northOfOslo } from '../matching/engine/testing/instance-factory';
import { syntheticInstance } from '../matching/engine/synthetic-instance';
import { MatchingInstance, withDefaults } from '../matching/engine/types';
import { planRecruitment, RecruitmentOptions } from './recruitment-plan';
import { subInstance } from './sub-instance';

const TUESDAY_EVENING = [{ day: 1, startMinute: 19 * 60, endMinute: 22 * 60 }];
const THURSDAY_DAYTIME = [{ day: 3, startMinute: 9 * 60, endMinute: 13 * 60 }];
const FOOTBALL = 0;
const CHESS = 1;
const LABELS = ['fotball', 'sjakk', 'kino', 'turer'];

interface Person extends Partial<UserInput> {
  postalCode?: string | null;
  driving?: boolean;
}

function plan(people: Person[], contacts: Partial<ContactInput>[], options: RecruitmentOptions = {}) {
  const instance = instanceOf(people, contacts);
  return { instance, plan: planOn(instance, people, options) };
}

function planOn(instance: MatchingInstance, people: Person[], options: RecruitmentOptions = {}) {
  const settings = withDefaults();
  return planRecruitment(
    {
      instance,
      result: runMatching(instance, settings),
      settings,
      postalCodes: people.map((p) => p.postalCode ?? null),
      drivingGranted: people.map((p) => p.driving ?? false),
      interestLabels: LABELS,
      languageLabels: ['nb', 'en', 'ar'],
      waitingDaysWithoutLocation: [],
    },
    options,
  );
}

/** Three users in 1470 free Tuesday evening who like football, 40 km from the only contact. */
const lorenskog = (waits = [212, 100, 30]): Person[] =>
  waits.map((waitingDays) => ({
    ...northOfOslo(40),
    postalCode: '1470',
    availability: TUESDAY_EVENING,
    interests: [FOOTBALL, CHESS],
    waitingDays,
    driving: true,
  }));
const farContact = { ...northOfOslo(0) };

describe('planRecruitment', () => {
  it('finds the profile a cluster of waiting users needs and says whom it serves', () => {
    const { plan: result } = plan(lorenskog(), [farContact]);
    expect(result.waiting.unmatched).toBe(3);
    expect(result.waiting.byReason).toEqual({ no_eligible_contact_in_radius: 3 });
    const [first] = result.profiles;
    expect(first).toMatchObject({
      rank: 1,
      postalCode: '1470',
      day: 'tuesday',
      partOfDay: 'evening',
      start: '19:00',
      end: '23:00',
      drives: true,
      capacityUsers: 3,
      marginalGain: 3,
      serves: {
        users: 3,
        postalCodes: ['1470'],
        longestWaitingDays: 212,
        sharedInterests: ['fotball', 'sjakk'],
      },
    });
    expect(first.description).toBe(
      '3 users in 1470, free tuesday evening, like fotball and sjakk; the longest has waited 212 days',
    );
    expect(result.profiles).toHaveLength(1);
    expect(result.forecast).toMatchObject({ waitingNow: 3, servedByProfiles: 3, stillWaiting: 0 });
  });

  it('ranks profiles by marginal gain: a second profile for the same users adds nothing', () => {
    const people: Person[] = [
      ...lorenskog(),
      // One more user elsewhere, free at another time: only a second profile serves them.
      { ...northOfOslo(-60), postalCode: '3015', availability: THURSDAY_DAYTIME, waitingDays: 400 },
    ];
    const { plan: result } = plan(people, [farContact]);
    expect(result.profiles.map((p) => [p.postalCode, p.marginalGain])).toEqual([
      ['1470', 3],
      ['3015', 1],
    ]);
    expect(result.forecast).toMatchObject({ servedByProfiles: 4, stillWaiting: 0 });
  });

  it('stops at the cap and counts who still waits', () => {
    const people: Person[] = [
      ...lorenskog(),
      { ...northOfOslo(-60), postalCode: '3015', availability: THURSDAY_DAYTIME, waitingDays: 400 },
    ];
    const { plan: result } = plan(people, [farContact], { maxProfiles: 1 });
    expect(result.profiles).toHaveLength(1);
    expect(result.forecast).toMatchObject({
      servedByProfiles: 3,
      stillWaiting: 1,
      longestStillWaitingDays: 400,
    });
  });

  it('with equal gains serves the longest waiting first', () => {
    const people: Person[] = [
      { ...northOfOslo(40), postalCode: '1470', availability: TUESDAY_EVENING, waitingDays: 20 },
      { ...northOfOslo(-60), postalCode: '3015', availability: TUESDAY_EVENING, waitingDays: 300 },
    ];
    const { plan: result } = plan(people, [farContact], { maxUsersPerProfile: 1 });
    expect(result.profiles.map((p) => p.postalCode)).toEqual(['3015', '1470']);
  });

  it('breaks a full tie by the stable key, whatever order the users come in', () => {
    const a: Person = {
      ...northOfOslo(40),
      postalCode: '1470',
      availability: TUESDAY_EVENING,
      waitingDays: 50,
    };
    const b: Person = {
      ...northOfOslo(-60),
      postalCode: '3015',
      availability: TUESDAY_EVENING,
      waitingDays: 50,
    };
    const first = plan([a, b], [farContact]).plan.profiles.map((p) => p.key);
    const second = plan([b, a], [farContact]).plan.profiles.map((p) => p.key);
    expect(first).toEqual(second);
    expect(first[0] < first[1]).toBe(true);
  });

  it('asks for the language and gender the users require', () => {
    const people: Person[] = lorenskog().map((p) => ({
      ...p,
      requiredLanguage: 2,
      preferredContactGender: 'female' as const,
    }));
    const { plan: result } = plan(people, [farContact]);
    expect(result.profiles[0]).toMatchObject({
      requiredLanguage: 'ar',
      gender: 'female',
      marginalGain: 3,
    });
    expect(result.profiles[0].languages).toContain('ar');
  });

  it('is deterministic on a synthetic municipality, and never promises more than it serves', () => {
    const instance = syntheticInstance({ users: 600, contacts: 400, seed: 7 });
    const people = Array.from({ length: instance.users.count }, () => ({}));
    const one = planOn(instance, people);
    const two = planOn(instance, people);
    const strip = (p: typeof one) => ({ ...p, computation: { ...p.computation, milliseconds: 0 } });
    expect(strip(one)).toEqual(strip(two));
    expect(one.profiles.length).toBe(10);
    const gains = one.profiles.map((p) => p.marginalGain);
    expect(gains.every((g) => g > 0)).toBe(true);
    expect(one.forecast.servedByProfiles).toBeGreaterThanOrEqual(Math.min(...gains));
    expect(one.forecast.stillWaiting).toBe(
      one.forecast.waitingNow - one.forecast.servedByProfiles - one.forecast.matchableWithoutRecruiting,
    );
  });
});

describe('subInstance', () => {
  it('keeps exclusions pointing at the same contacts after reordering', () => {
    const instance = instanceOf([{ excludedContactIds: ['c2'] }], [{}, {}, {}]);
    const sub = subInstance(instance, [0], [2, 0]);
    expect(sub.contacts.ids).toEqual(['c2', 'c0']);
    expect(Array.from(sub.users.excludedContact)).toEqual([0]);
  });
});
