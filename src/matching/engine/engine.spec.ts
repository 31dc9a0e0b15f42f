import fc from 'fast-check';
import { solveBMatching } from './b-matching';
import { findCandidates } from './candidates';
import { runMatching } from './engine';
import { checkPair, PairVerdict } from './feasibility';
import { distanceKm } from './geo';
import { solveGreedy } from './greedy';
import { emptyComponents, PairScorer } from './scoring';
import { aUser, instanceOf, northOfOslo } from './testing/instance-factory';
import { arbitraryInstance } from './testing/random-instances';
import { integerProgramBest } from './testing/reference-solvers';
import { MatchingInstance, withDefaults } from './types';

/** Every promise the engine makes about one result. */
function expectSound(instance: MatchingInstance, settingsOverrides = {}) {
  const settings = withDefaults(settingsOverrides);
  const result = runMatching(instance, settingsOverrides);
  const { users, contacts } = instance;
  const usersSeen = new Set<number>();
  const load = new Int32Array(contacts.count);
  const hours = new Float64Array(contacts.count);
  const scorer = new PairScorer(settings);
  for (const pair of result.pairs) {
    expect(usersSeen.has(pair.userIndex)).toBe(false);
    usersSeen.add(pair.userIndex);
    expect(checkPair(instance, pair.userIndex, pair.contactIndex, settings)).toBe(PairVerdict.Feasible);
    load[pair.contactIndex]++;
    hours[pair.contactIndex] += users.weeklyHours[pair.userIndex];
    expect(pair.components.total).toBe(pair.score);
    const fresh = emptyComponents();
    expect(
      scorer.components(
        instance,
        pair.userIndex,
        pair.contactIndex,
        distance(instance, pair.userIndex, pair.contactIndex),
        fresh,
      ),
    ).toBe(pair.score);
  }
  for (let c = 0; c < contacts.count; c++) {
    expect(load[c]).toBeLessThanOrEqual(contacts.freeUserSlots[c]);
    expect(hours[c]).toBeLessThanOrEqual(contacts.freeWeeklyHours[c] + 1e-6);
  }
  for (const u of result.unmatched) {
    expect(usersSeen.has(u.userIndex)).toBe(false);
    usersSeen.add(u.userIndex);
    expect(u.reason === 'capacity_taken').toBe(u.candidateCount > 0);
  }
  expect(usersSeen.size).toBe(users.count);
  expect(result.stats.totalScore).toBe(result.pairs.reduce((s, p) => s + p.score, 0));
  return result;
}

function distance(instance: MatchingInstance, u: number, c: number): number {
  return distanceKm(
    instance.users.lat[u],
    instance.users.lon[u],
    instance.contacts.lat[c],
    instance.contacts.lon[c],
  );
}

describe('runMatching', () => {
  it('proposes the pair, with its reason, and says why the other user waits', () => {
    const instance = instanceOf(
      [{ waitingDays: 41 }, aUser({ ...northOfOslo(40) })],
      [{ ...northOfOslo(2) }],
    );
    const result = runMatching(instance, {}, { labels: { interests: ['football', 'hiking', 'cinema'] } });
    expect(result.pairs).toHaveLength(1);
    expect(result.pairs[0]).toMatchObject({ userIndex: 0, contactIndex: 0 });
    expect(result.pairs[0].reason).toBe('shares cinema; 2.0 km; both free Monday evenings; waiting 41 days');
    expect(result.unmatched).toEqual([
      { userIndex: 1, reason: 'no_eligible_contact_in_radius', candidateCount: 0 },
    ]);
    expect(result.stats.candidatePairs).toBe(1);
  });

  it('gives the scarce contact to the user who has waited longest and tells the other why', () => {
    const instance = instanceOf([{ waitingDays: 5 }, { waitingDays: 300 }], [{}]);
    const result = runMatching(instance);
    expect(result.pairs.map((p) => p.userIndex)).toEqual([1]);
    expect(result.unmatched).toEqual([{ userIndex: 0, reason: 'capacity_taken', candidateCount: 1 }]);
  });

  it.each([
    [{ excludedContactIds: ['c0'] }, 'excluded'],
    [{ preferredContactGender: 'female' as const }, 'preferences'],
    [{ weeklyHours: 20 }, 'not_enough_contact_hours'],
    [{ availability: [{ day: 4, startMinute: 600, endMinute: 900 }] }, 'no_shared_time'],
  ])('explains an unmatched user by the furthest rule a contact got past (%j)', (user, reason) => {
    expect(runMatching(instanceOf([user], [{}])).unmatched[0].reason).toBe(reason);
  });

  it('never books a contact beyond its free hours, even when its slots would allow it', () => {
    // Three slots but 8 h: the 3 h users fit two at most after the 5 h user is counted.
    const instance = instanceOf(
      [{ weeklyHours: 5 }, { weeklyHours: 3 }, { weeklyHours: 3 }],
      [{ freeUserSlots: 3, freeWeeklyHours: 8 }],
    );
    const result = expectSound(instance);
    expect(result.pairs.length).toBeGreaterThanOrEqual(2);
  });

  it('reports progress for every phase', () => {
    const phases = new Set<string>();
    runMatching(instanceOf([{}], [{}]), {}, { onProgress: (phase) => phases.add(phase) });
    expect([...phases]).toEqual(['candidates', 'solve', 'explain']);
  });

  describe('properties on random small municipalities', () => {
    it('never breaks a hard rule, overbooks a contact or proposes a user twice', () => {
      fc.assert(
        fc.property(arbitraryInstance(25, 15), fc.integer({ min: 1, max: 6 }), (instance, k) => {
          expectSound(instance, { maxCandidatesPerUser: k });
        }),
        { numRuns: 150 },
      );
    });

    it('finds exactly the feasible pairs when neither cap applies', () => {
      fc.assert(
        fc.property(arbitraryInstance(15, 12), (instance) => {
          const settings = withDefaults({ maxCandidatesPerUser: 1000, minFeasibleScanned: 0 });
          const graph = findCandidates(instance, settings);
          const found = new Set<string>();
          for (let u = 0; u < graph.userCount; u++) {
            for (let e = graph.userStart[u]; e < graph.userStart[u + 1]; e++)
              found.add(`${u}:${graph.edgeContact[e]}`);
          }
          const expected = new Set<string>();
          for (let u = 0; u < instance.users.count; u++) {
            for (let c = 0; c < instance.contacts.count; c++)
              if (checkPair(instance, u, c, settings) === PairVerdict.Feasible) expected.add(`${u}:${c}`);
          }
          expect([...found].sort()).toEqual([...expected].sort());
        }),
        { numRuns: 150 },
      );
    });

    it('solves the candidate graph to the integer-programming optimum and never loses to greedy', async () => {
      await fc.assert(
        fc.asyncProperty(arbitraryInstance(30, 15), async (instance) => {
          const graph = findCandidates(instance, withDefaults());
          const exact = solveBMatching(graph);
          expect(exact.totalScore).toBe(await integerProgramBest(graph));
          expect(exact.totalScore).toBeGreaterThanOrEqual(solveGreedy(graph).totalScore);
          const result = runMatching(instance);
          if (result.stats.hoursRepairs === 0) expect(result.stats.totalScore).toBe(exact.totalScore);
        }),
        { numRuns: 100 },
      );
    });
  });
});
