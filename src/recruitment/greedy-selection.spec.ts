import { runMatching } from '../matching/engine/engine';
import { syntheticInstance } from '../matching/engine/synthetic-instance';
import { withDefaults } from '../matching/engine/types';
import { candidateProfiles } from './candidate-profiles';
import { coverageWith, residualProblem, selectGreedy } from './greedy-selection';

describe('selectGreedy', () => {
  const settings = withDefaults();
  const instance = syntheticInstance({ users: 500, contacts: 400, seed: 3, towns: 2 });
  const result = runMatching(instance, settings);
  const waiting = result.unmatched.map((u) => u.userIndex);
  const candidates = candidateProfiles(instance, waiting, [], [], {
    travelRadiusKm: settings.travelRadiusKm,
    minMeetingMinutes: settings.minMeetingMinutes,
    maxUsersPerProfile: 3,
    maxCandidates: 120,
  });
  const problem = residualProblem(instance, result, settings, waiting);

  it('reports as each step’s gain what a fresh re-solve with the profiles so far measures', () => {
    const selection = selectGreedy(problem, candidates, 5, Number.MAX_SAFE_INTEGER);
    expect(selection.steps.length).toBeGreaterThan(1);
    let before = coverageWith(problem, []).matched;
    expect(before).toBe(selection.baseline.matched);
    selection.steps.forEach((step, i) => {
      const after = coverageWith(
        problem,
        selection.steps.slice(0, i + 1).map((s) => candidates[s.candidate].contact),
      ).matched;
      expect(step.gain).toBe(after - before);
      before = after;
    });
    expect(selection.final.matched).toBe(before);
  });

  it('picks, lazily, what the plain greedy picks: the candidate with the largest gain at every step', () => {
    const lazy = selectGreedy(problem, candidates, 3, Number.MAX_SAFE_INTEGER);
    const chosen: number[] = [];
    for (const step of lazy.steps) {
      const now = coverageWith(
        problem,
        chosen.map((c) => candidates[c].contact),
      ).matched;
      const bestGain = Math.max(
        ...candidates.map((c, i) =>
          chosen.includes(i)
            ? 0
            : coverageWith(problem, [...chosen.map((k) => candidates[k].contact), c.contact]).matched - now,
        ),
      );
      expect(step.gain).toBe(bestGain);
      chosen.push(step.candidate);
    }
  });

  it('gives no profile when no candidate can serve anyone', () => {
    expect(selectGreedy(problem, [], 10).steps).toEqual([]);
  });
});
