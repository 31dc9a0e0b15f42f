import fc from 'fast-check';
import { alternativesFor } from './alternatives';
import { runMatching } from './engine';
import { checkPair, PairVerdict } from './feasibility';
import { distanceKm } from './geo';
import { emptyComponents, PairScorer } from './scoring';
import { instanceOf, northOfOslo } from './testing/instance-factory';
import { arbitraryInstance } from './testing/random-instances';
import { withDefaults } from './types';

const UNCAPPED = { maxCandidatesPerUser: 1000, minFeasibleScanned: 0 };

describe('alternativesFor: the contacts a run could give one user, best first', () => {
  it('lists exactly the feasible contacts, scored as the run scores them, best first', () => {
    fc.assert(
      fc.property(arbitraryInstance(8, 14), fc.nat(), (instance, pick) => {
        const u = pick % instance.users.count;
        const settings = withDefaults(UNCAPPED);
        const scorer = new PairScorer(settings);
        const { alternatives, candidateCount, noneReason } = alternativesFor(instance, u, UNCAPPED, 1000);

        const feasible: number[] = [];
        for (let c = 0; c < instance.contacts.count; c++)
          if (checkPair(instance, u, c, settings) === PairVerdict.Feasible) feasible.push(c);
        expect(alternatives.map((a) => a.contactIndex).sort((a, b) => a - b)).toEqual(feasible);
        expect(candidateCount).toBe(feasible.length);
        expect(noneReason === null).toBe(feasible.length > 0);
        for (let i = 0; i < alternatives.length; i++) {
          const a = alternatives[i];
          const km = distanceKm(
            instance.users.lat[u],
            instance.users.lon[u],
            instance.contacts.lat[a.contactIndex],
            instance.contacts.lon[a.contactIndex],
          );
          expect(scorer.components(instance, u, a.contactIndex, km, emptyComponents())).toBe(a.score);
          expect(a.components.total).toBe(a.score);
          if (i > 0) expect(alternatives[i - 1].score).toBeGreaterThanOrEqual(a.score);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("puts first the contact the run gives a user who waits alone, or the run's reason when there is none", () => {
    fc.assert(
      fc.property(arbitraryInstance(1, 14), (instance) => {
        const run = runMatching(instance, UNCAPPED);
        const { alternatives, noneReason } = alternativesFor(instance, 0, UNCAPPED, 5);
        if (run.pairs.length === 1) {
          expect(alternatives[0].score).toBe(run.pairs[0].score);
          expect(noneReason).toBeNull();
        } else {
          expect(alternatives).toEqual([]);
          expect(noneReason).toBe(run.unmatched[0].reason);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('keeps to the limit and explains each alternative in words', () => {
    const instance = instanceOf(
      [{ interests: [1, 2] }],
      [
        { ...northOfOslo(1), interests: [1, 2] },
        { ...northOfOslo(2), interests: [1] },
        { ...northOfOslo(3), interests: [] },
      ],
    );
    const { alternatives, candidateCount } = alternativesFor(instance, 0, {}, 2, {
      interests: ['ski', 'kino', 'fotball'],
    });
    expect(candidateCount).toBe(3);
    expect(alternatives.map((a) => a.contactIndex)).toEqual([0, 1]);
    expect(alternatives[0].reason).toContain('kino');
    expect(alternatives[0].distanceKm).toBe(1);
  });

  it('refuses a user index outside the instance', () => {
    const instance = instanceOf([{}], [{}]);
    expect(() => alternativesFor(instance, 1, {}, 5)).toThrow(RangeError);
  });
});
