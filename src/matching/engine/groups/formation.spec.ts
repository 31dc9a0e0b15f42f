import fc from 'fast-check';
import { northOfOslo, OSLO } from '../testing/instance-factory';
import { formGroups } from './formation';
import { buildGroupInstance } from './instance';
import { checkFormation } from './rules';
import { aGroupContact, aGroupUser } from './testing/group-factories';
import { groupFormationOptimum } from './testing/group-ilp';
import { randomGroupInstance, SMALL_SHAPE } from './testing/random-group-instances';
import { ExistingGroupInput, GroupContactInput, GroupUserInput, withGroupDefaults } from './types';

const anExistingGroup = (overrides: Partial<ExistingGroupInput> = {}): ExistingGroupInput => ({
  id: 'g0',
  ...OSLO,
  interests: [1],
  meetingTimes: [{ day: 1, startMinute: 18 * 60, endMinute: 20 * 60 }],
  memberCount: 5,
  contactIds: ['c9'],
  ...overrides,
});

function soundFormation(
  users: GroupUserInput[],
  contacts: GroupContactInput[],
  groups: ExistingGroupInput[] = [],
) {
  const instance = buildGroupInstance(users, contacts, groups);
  const result = formGroups(instance);
  expect(checkFormation(instance, withGroupDefaults(), result)).toEqual([]);
  return { instance, result };
}

describe('formGroups', () => {
  it('gathers users who share an interest, an evening and an area into one group with a contact', () => {
    const users = [0, 1, 2, 3].map((i) => aGroupUser(i));
    const { result } = soundFormation(users, [aGroupContact(0)]);
    expect(result.groups).toHaveLength(1);
    const [group] = result.groups;
    expect(group).toMatchObject({ existingGroup: -1, theme: 1, contacts: [0], anchor: 0 });
    expect(group.members.sort()).toEqual([0, 1, 2, 3]);
    expect(group.window).toMatchObject({ day: 1, slots: 4 });
    expect(result.unplaced).toEqual([]);
  });

  it('never forms a group of two, nor one without an eligible contact with room', () => {
    expect(soundFormation([aGroupUser(0), aGroupUser(1)], [aGroupContact(0)]).result.groups).toEqual([]);
    const three = [0, 1, 2].map((i) => aGroupUser(i));
    expect(soundFormation(three, [aGroupContact(0, { eligible: false })]).result.groups).toEqual([]);
    expect(soundFormation(three, [aGroupContact(0, { freeUserSlots: 0 })]).result.groups).toEqual([]);
    expect(soundFormation(three, [aGroupContact(0, { freeWeeklyHours: 1 })]).result.groups).toEqual([]);
  });

  it('leaves out whoever lacks the interest, the shared window or the area, or is excluded from the contact', () => {
    const users = [
      aGroupUser(0),
      aGroupUser(1),
      aGroupUser(2),
      aGroupUser(3, { interests: [2] }),
      aGroupUser(4, { availability: [{ day: 1, startMinute: 20 * 60, endMinute: 22 * 60 }] }),
      aGroupUser(5, { ...northOfOslo(25) }),
      aGroupUser(6, { excludedContactIds: ['c0'] }),
    ];
    const { result } = soundFormation(users, [aGroupContact(0)]);
    expect(result.groups).toHaveLength(1);
    expect(result.groups[0].members.sort()).toEqual([0, 1, 2]);
    expect(result.unplaced.sort()).toEqual([3, 4, 5, 6]);
  });

  it('splits seven users into groups of at most six, using a second contact', () => {
    const users = Array.from({ length: 7 }, (_, i) => aGroupUser(i));
    const { result } = soundFormation(users, [aGroupContact(0, { freeUserSlots: 1 }), aGroupContact(1)]);
    expect(result.groups.map((g) => g.members.length).sort()).toEqual([3, 4]);
    expect(result.unplaced).toEqual([]);
  });

  it('fills the open seat of an existing group first, with the longest-waiting user who fits', () => {
    const users = [0, 1, 2, 3].map((i) => aGroupUser(i));
    const { result } = soundFormation(users, [aGroupContact(0)], [anExistingGroup()]);
    const fill = result.groups.find((g) => g.existingGroup === 0);
    expect(fill).toMatchObject({ members: [0], contacts: [], window: null });
    expect(result.groups.find((g) => g.existingGroup < 0)?.members.sort()).toEqual([1, 2, 3]);
  });

  it('does not seat a user in an existing group whose meeting time or contact does not suit them', () => {
    const users = [aGroupUser(0, { excludedContactIds: ['c9'] }), aGroupUser(1, { availability: [] })];
    const { result } = soundFormation(users, [], [anExistingGroup()]);
    expect(result.groups).toEqual([]);
  });

  it('gives a large group a second contact when one is free', () => {
    const users = Array.from({ length: 6 }, (_, i) => aGroupUser(i));
    const { result } = soundFormation(users, [aGroupContact(0), aGroupContact(1, { interests: [] })]);
    expect(result.groups).toHaveLength(1);
    expect(result.groups[0].contacts).toEqual([0, 1]);
  });

  it('is deterministic', () => {
    const instance = randomGroupInstance(3, { ...SMALL_SHAPE, users: 60, contacts: 10 });
    const settings = { searchIterations: 30 };
    const first = formGroups(instance, settings);
    const second = formGroups(instance, settings);
    expect(second.groups).toEqual(first.groups);
    expect(second.unplaced).toEqual(first.unplaced);
  });

  describe('properties', () => {
    const shapes = fc.record({
      seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
      users: fc.integer({ min: 0, max: 40 }),
      contacts: fc.integer({ min: 0, max: 8 }),
      existingGroups: fc.integer({ min: 0, max: 3 }),
      themes: fc.integer({ min: 1, max: 6 }),
      spreadKm: fc.integer({ min: 1, max: 40 }),
      blocks: fc.integer({ min: 1, max: 7 }),
    });

    it('every result keeps every hard rule: sizes 3–6, shared window, theme and area, contacts within capacity', () => {
      fc.assert(
        fc.property(shapes, ({ seed, ...shape }) => {
          const instance = randomGroupInstance(seed, { ...SMALL_SHAPE, ...shape });
          const settings = withGroupDefaults({ searchIterations: 20 });
          const result = formGroups(instance, settings);
          expect(checkFormation(instance, settings, result)).toEqual([]);
          expect(result.stats.placedUsers + result.unplaced.length).toBe(instance.users.count);
        }),
        { numRuns: 150 },
      );
    });

    it('on small instances, never scores above the exact optimum (an integer program)', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.record({
            seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
            users: fc.integer({ min: 3, max: 16 }),
          }),
          async ({ seed, users }) => {
            const instance = randomGroupInstance(seed, {
              ...SMALL_SHAPE,
              users,
              contacts: Math.ceil(users / 4),
            });
            const exact = await groupFormationOptimum(instance);
            expect(exact.optimal).toBe(true);
            expect(formGroups(instance).objective).toBeLessThanOrEqual(exact.objective);
          },
        ),
        { numRuns: 25 },
      );
    }, 120_000);

    // A heuristic has no worst-case bound (bench:groups prints the gaps; 17 % is the worst seen), so quality is
    // held on a fixed set of instances: the mean gap to the optimum must not creep up.
    it('on a fixed set of 30 small instances, the mean gap to the exact optimum stays under 3 %', async () => {
      let gaps = 0;
      for (let seed = 1; seed <= 30; seed++) {
        const users = 3 + (seed % 14);
        const instance = randomGroupInstance(seed, { ...SMALL_SHAPE, users, contacts: Math.ceil(users / 4) });
        const exact = await groupFormationOptimum(instance);
        const heuristic = formGroups(instance).objective;
        gaps += exact.objective > 0 ? (exact.objective - heuristic) / exact.objective : 0;
      }
      expect(gaps / 30).toBeLessThan(0.03);
    }, 120_000);
  });
});
