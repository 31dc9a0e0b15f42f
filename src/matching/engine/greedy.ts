/** The baseline a coordinator would do by hand, at scale: best-scored pairs first, take a pair if both sides are free. */
import { BipartiteGraph, BMatching, edgeCount, matchingFromEdges } from './bipartite-graph';

export function solveGreedy(graph: BipartiteGraph): BMatching {
  const { userCount: n, contactCount: m, capacity, edgeContact } = graph;
  const order = edgesByScoreDescending(graph);
  const owner = edgeOwners(graph);
  const load = new Int32Array(m);
  const edgeOfUser = new Int32Array(n).fill(-1);
  for (let k = 0; k < order.length; k++) {
    const e = order[k];
    const u = owner[e];
    const c = edgeContact[e];
    if (edgeOfUser[u] >= 0 || load[c] >= capacity[c]) continue;
    edgeOfUser[u] = e;
    load[c]++;
  }
  return matchingFromEdges(graph, edgeOfUser);
}

function edgeOwners(graph: BipartiteGraph): Int32Array {
  const owner = new Int32Array(edgeCount(graph));
  for (let u = 0; u < graph.userCount; u++) owner.fill(u, graph.userStart[u], graph.userStart[u + 1]);
  return owner;
}

/** Counting sort when the score range is small (it is, for engine scores), else a comparison sort; ties keep edge order. */
function edgesByScoreDescending(graph: BipartiteGraph): Int32Array {
  const e = edgeCount(graph);
  const scores = graph.edgeScore;
  const order = new Int32Array(e);
  if (e === 0) return order;
  let lo = scores[0];
  let hi = scores[0];
  for (let k = 1; k < e; k++) {
    if (scores[k] < lo) lo = scores[k];
    if (scores[k] > hi) hi = scores[k];
  }
  const range = hi - lo + 1;
  if (range > 4 * e + 1024) {
    for (let k = 0; k < e; k++) order[k] = k;
    return order.sort((a, b) => scores[b] - scores[a] || a - b);
  }
  const start = new Int32Array(range + 1);
  for (let k = 0; k < e; k++) start[hi - scores[k] + 1]++;
  for (let b = 0; b < range; b++) start[b + 1] += start[b];
  for (let k = 0; k < e; k++) order[start[hi - scores[k]]++] = k;
  return order;
}
