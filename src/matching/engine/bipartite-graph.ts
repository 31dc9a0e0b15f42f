/**
 * The solver's input: a weighted bipartite graph in compressed rows (CSR) by user. Users take at most
 * one contact; contact j takes at most capacity[j] users; scores are integers to maximise.
 */
export interface BipartiteGraph {
  userCount: number;
  contactCount: number;
  capacity: Int32Array;
  /** Edges of user u are userStart[u] .. userStart[u + 1] - 1. */
  userStart: Int32Array;
  edgeContact: Int32Array;
  edgeScore: Int32Array;
}

/** A solution: the chosen edge of each user, or -1 when the user stays unmatched. */
export interface BMatching {
  edgeOfUser: Int32Array;
  totalScore: number;
  matchedCount: number;
}

export function edgeCount(graph: BipartiteGraph): number {
  return graph.userStart[graph.userCount];
}

/** Builds CSR rows from an edge list in any order (a stable counting sort by user). */
export function graphFromEdges(
  userCount: number,
  contactCount: number,
  capacity: Int32Array,
  users: ArrayLike<number>,
  contacts: ArrayLike<number>,
  scores: ArrayLike<number>,
): BipartiteGraph {
  const e = users.length;
  const userStart = new Int32Array(userCount + 1);
  for (let k = 0; k < e; k++) userStart[users[k] + 1]++;
  for (let u = 0; u < userCount; u++) userStart[u + 1] += userStart[u];
  const next = userStart.slice(0, userCount);
  const edgeContact = new Int32Array(e);
  const edgeScore = new Int32Array(e);
  for (let k = 0; k < e; k++) {
    const slot = next[users[k]]++;
    edgeContact[slot] = contacts[k];
    edgeScore[slot] = scores[k];
  }
  return { userCount, contactCount, capacity, userStart, edgeContact, edgeScore };
}

export function matchingFromEdges(graph: BipartiteGraph, edgeOfUser: Int32Array): BMatching {
  let totalScore = 0;
  let matchedCount = 0;
  for (let u = 0; u < graph.userCount; u++) {
    const e = edgeOfUser[u];
    if (e < 0) continue;
    totalScore += graph.edgeScore[e];
    matchedCount++;
  }
  return { edgeOfUser, totalScore, matchedCount };
}

/** The user owning edge e (binary search over rows; used off the hot path). */
export function userOfEdge(graph: BipartiteGraph, e: number): number {
  let lo = 0;
  let hi = graph.userCount - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (graph.userStart[mid] <= e) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
