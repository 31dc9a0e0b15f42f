import fc from 'fast-check';
import { BipartiteGraph, BMatching, graphFromEdges } from './bipartite-graph';
import { solveBMatching } from './b-matching';
import { solveGreedy } from './greedy';
import { bruteForceBest, integerProgramBest } from './testing/reference-solvers';
import { arbitraryGraph } from './testing/random-graphs';

/** edges as [user, contact, score] */
function graph(users: number, capacity: number[], edges: [number, number, number][]): BipartiteGraph {
  return graphFromEdges(
    users,
    capacity.length,
    Int32Array.from(capacity),
    edges.map((e) => e[0]),
    edges.map((e) => e[1]),
    edges.map((e) => e[2]),
  );
}

function pairsOf(g: BipartiteGraph, result: BMatching): [number, number][] {
  const pairs: [number, number][] = [];
  result.edgeOfUser.forEach((e, u) => {
    if (e >= 0) pairs.push([u, g.edgeContact[e]]);
  });
  return pairs;
}

/** The solution is a b-matching of `g` whose reported totals are its own. */
function expectValid(g: BipartiteGraph, result: BMatching): void {
  const load = new Int32Array(g.contactCount);
  let total = 0;
  let matched = 0;
  result.edgeOfUser.forEach((e, u) => {
    if (e < 0) return;
    expect(e).toBeGreaterThanOrEqual(g.userStart[u]);
    expect(e).toBeLessThan(g.userStart[u + 1]);
    load[g.edgeContact[e]]++;
    total += g.edgeScore[e];
    matched++;
  });
  load.forEach((l, c) => expect(l).toBeLessThanOrEqual(g.capacity[c]));
  expect(result.totalScore).toBe(total);
  expect(result.matchedCount).toBe(matched);
}

describe('solveBMatching', () => {
  it('returns nothing for a graph without edges', () => {
    const r = solveBMatching(graph(3, [1, 1], []));
    expect(r.matchedCount).toBe(0);
    expect(r.totalScore).toBe(0);
  });

  it('moves an earlier user to a second choice when that frees the best pair for a later one', () => {
    // u0 prefers c0 (10) but u1 can only use c0 (9); u0 → c1 (8) + u1 → c0 (9) = 17 > 10.
    const g = graph(
      2,
      [1, 1],
      [
        [0, 0, 10],
        [0, 1, 8],
        [1, 0, 9],
      ],
    );
    const r = solveBMatching(g);
    expect(r.totalScore).toBe(17);
    expect(pairsOf(g, r)).toEqual([
      [0, 1],
      [1, 0],
    ]);
  });

  it('leaves a user unmatched when taking them would lower the total', () => {
    // One slot: the heavier pair wins, the other user stays unmatched.
    const g = graph(
      2,
      [1],
      [
        [0, 0, 3],
        [1, 0, 7],
      ],
    );
    const r = solveBMatching(g);
    expect(pairsOf(g, r)).toEqual([[1, 0]]);
    expect(r.totalScore).toBe(7);
  });

  it('prefers one heavy pair to two light ones when the scores say so', () => {
    const g = graph(
      2,
      [1, 1],
      [
        [0, 0, 100],
        [0, 1, 10],
        [1, 0, 10],
      ],
    );
    expect(solveBMatching(g).totalScore).toBe(100);
  });

  it('fills a contact up to its capacity and no further', () => {
    const g = graph(
      4,
      [2, 0],
      [
        [0, 0, 5],
        [1, 0, 6],
        [2, 0, 7],
        [3, 1, 9],
      ],
    );
    const r = solveBMatching(g);
    expect(pairsOf(g, r)).toEqual([
      [1, 0],
      [2, 0],
    ]);
    expect(r.totalScore).toBe(13);
  });

  it('never takes a pair with a negative score', () => {
    const g = graph(1, [1], [[0, 0, -4]]);
    expect(solveBMatching(g).matchedCount).toBe(0);
  });

  it('repairs along a long alternating path', () => {
    // A chain where each new user displaces the previous one by one step: optimum uses every user.
    const edges: [number, number, number][] = [];
    for (let i = 0; i < 6; i++) {
      edges.push([i, i, 10]);
      if (i > 0) edges.push([i, i - 1, 11]);
    }
    const g = graph(6, [1, 1, 1, 1, 1, 1], edges);
    const r = solveBMatching(g);
    expectValid(g, r);
    expect(r.totalScore).toBe(bruteForceBest(g));
  });

  describe('properties', () => {
    it('matches brute force on tiny graphs and never loses to greedy', () => {
      fc.assert(
        fc.property(
          arbitraryGraph({
            maxUsers: 6,
            maxContacts: 4,
            maxEdges: 14,
            maxCapacity: 3,
            minScore: -5,
            maxScore: 30,
          }),
          (g) => {
            const exact = solveBMatching(g);
            expectValid(g, exact);
            expect(exact.totalScore).toBe(bruteForceBest(g));
            const greedy = solveGreedy(g);
            expectValid(g, greedy);
            expect(exact.totalScore).toBeGreaterThanOrEqual(greedy.totalScore);
          },
        ),
        { numRuns: 400 },
      );
    });

    it('matches an integer program (HiGHS) on larger random graphs', async () => {
      await fc.assert(
        fc.asyncProperty(
          arbitraryGraph({ maxUsers: 40, maxContacts: 25, maxEdges: 160, maxCapacity: 4, maxScore: 400 }),
          async (g) => {
            const exact = solveBMatching(g);
            expectValid(g, exact);
            expect(exact.totalScore).toBe(await integerProgramBest(g));
            expect(exact.totalScore).toBeGreaterThanOrEqual(solveGreedy(g).totalScore);
          },
        ),
        { numRuns: 150 },
      );
    });

    it('matches an integer program when many pairs tie (engine-like narrow score range)', async () => {
      await fc.assert(
        fc.asyncProperty(
          arbitraryGraph({
            maxUsers: 30,
            maxContacts: 12,
            maxEdges: 120,
            maxCapacity: 3,
            minScore: 200,
            maxScore: 206,
          }),
          async (g) => {
            expect(solveBMatching(g).totalScore).toBe(await integerProgramBest(g));
          },
        ),
        { numRuns: 100 },
      );
    });
  });
});
