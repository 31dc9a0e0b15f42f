/**
 * Exact maximum-weight bipartite b-matching: each user takes at most one contact, contact j at most
 * capacity[j] users, users may stay unmatched, and the total score is as large as possible.
 *
 * Min-cost-flow view: source → user (cap 1, cost 0), user → contact (cap 1, cost −score), contact → sink
 * (cap c_j, cost 0), and user → sink (cap 1, cost 0), the "stays unmatched" arc, which is what stops an
 * augmentation as soon as the best remaining path would cost ≥ 0.
 *
 * Successive shortest paths, one user at a time (the Hungarian method, generalised to capacities):
 * when user u is added, the optimum for the users so far plus u is the old optimum augmented along the
 * cheapest residual path from u to the sink. Dijkstra on reduced costs (potentials keep them ≥ 0)
 * finds it, and stops as soon as the sink is settled, so in a sparse, roomy graph a search touches only
 * the neighbourhood of u. Only settled nodes get new potentials (shifted so the sink stays at 0), which
 * keeps every step proportional to the part of the graph it explored.
 */
import { BipartiteGraph, BMatching, matchingFromEdges } from './bipartite-graph';
import { IndexedMinHeap } from './indexed-heap';

export type SolverProgress = (usersDone: number, userCount: number) => void;

export function solveBMatching(graph: BipartiteGraph, onProgress?: SolverProgress): BMatching {
  const { userCount: n, contactCount: m, capacity, userStart, edgeContact, edgeScore } = graph;
  const nodes = n + m; // users 0..n-1, contact c is node n + c; the sink is implicit.

  // Slots of contact c: slotUser[slotStart[c] .. slotStart[c] + load[c]). Loads never fall: an
  // augmentation can move users between contacts or drop one, but a full contact stays full.
  // A contact can never hold more users than it has edges, so slots are allocated for min(capacity, degree).
  const degree = new Int32Array(m);
  for (let e = 0; e < userStart[n]; e++) degree[edgeContact[e]]++;
  const slotStart = new Int32Array(m + 1);
  for (let c = 0; c < m; c++) slotStart[c + 1] = slotStart[c] + Math.max(0, Math.min(capacity[c], degree[c]));
  const slotUser = new Int32Array(slotStart[m]);
  const load = new Int32Array(m);
  const userSlot = new Int32Array(n).fill(-1);
  const edgeOfUser = new Int32Array(n).fill(-1);

  // Reduced cost of arc a → b is cost + potential[a] − potential[b]; the sink's potential is 0.
  const potential = new Float64Array(nodes);
  const dist = new Float64Array(nodes).fill(Infinity);
  const settled = new Uint8Array(nodes);
  const touched = new Int32Array(nodes);
  /** For a contact: the user (and edge) it was reached from. For a user: the contact it was reached from. */
  const predUser = new Int32Array(m);
  const predEdge = new Int32Array(m);
  const predContact = new Int32Array(n);
  const heap = new IndexedMinHeap(nodes);

  for (let source = 0; source < n; source++) {
    const rowEnd = userStart[source + 1];
    if (rowEnd === userStart[source]) continue;

    // A fresh user has no incoming residual arc, so any potential making its out-arcs ≥ 0 will do.
    let p = 0;
    for (let e = userStart[source]; e < rowEnd; e++) {
      const c = edgeContact[e];
      if (capacity[c] > 0) p = Math.max(p, edgeScore[e] + potential[n + c]);
    }
    potential[source] = p;

    let touchedCount = 0;
    let sinkDist = Infinity;
    let sinkPred = -1; // a user (who gives up their match) or a contact node (which has a free slot)
    dist[source] = 0;
    touched[touchedCount++] = source;
    heap.push(source, 0);

    while (heap.size > 0 && heap.minKey() < sinkDist) {
      const x = heap.pop();
      settled[x] = 1;
      const dx = dist[x];
      const px = potential[x];
      if (x < n) {
        if (dx + px < sinkDist) {
          sinkDist = dx + px;
          sinkPred = x;
        }
        const own = edgeOfUser[x];
        for (let e = userStart[x]; e < userStart[x + 1]; e++) {
          if (e === own) continue;
          const c = edgeContact[e];
          const y = n + c;
          if (settled[y] || capacity[c] === 0) continue;
          const d = dx - edgeScore[e] + px - potential[y];
          if (d < dist[y]) {
            if (dist[y] === Infinity) touched[touchedCount++] = y;
            dist[y] = d;
            predUser[c] = x;
            predEdge[c] = e;
            heap.push(y, d);
          }
        }
      } else {
        const c = x - n;
        if (load[c] < capacity[c] && dx + px < sinkDist) {
          sinkDist = dx + px;
          sinkPred = x;
        }
        for (let s = slotStart[c], end = slotStart[c] + load[c]; s < end; s++) {
          const v = slotUser[s];
          if (settled[v]) continue;
          const d = dx + edgeScore[edgeOfUser[v]] + px - potential[v];
          if (d < dist[v]) {
            if (dist[v] === Infinity) touched[touchedCount++] = v;
            dist[v] = d;
            predContact[v] = c;
            heap.push(v, d);
          }
        }
      }
    }
    heap.clear();

    // Settled nodes move by dist − sinkDist (≤ 0); the others by 0, which the shift makes equivalent.
    for (let k = 0; k < touchedCount; k++) {
      const x = touched[k];
      if (settled[x]) potential[x] += dist[x] - sinkDist;
      settled[x] = 0;
      dist[x] = Infinity;
    }

    augment(sinkPred);
    if (onProgress && (source & 1023) === 1023) onProgress(source + 1, n);
  }
  onProgress?.(n, n);
  return matchingFromEdges(graph, edgeOfUser);

  /** Walks the shortest path back from the sink, moving each user on it into the slot freed ahead of it. */
  function augment(last: number): void {
    let c: number;
    let s: number;
    if (last < n) {
      // `last` ends unmatched; its slot passes to whoever reached its contact.
      if (userSlot[last] < 0) return; // the new user itself: nothing worth taking
      c = predContact[last];
      s = userSlot[last];
      edgeOfUser[last] = -1;
      userSlot[last] = -1;
    } else {
      c = last - n;
      s = slotStart[c] + load[c]++;
    }
    for (;;) {
      const y = predUser[c];
      const nextContact = predContact[y];
      const nextSlot = userSlot[y];
      slotUser[s] = y;
      userSlot[y] = s;
      edgeOfUser[y] = predEdge[c];
      if (nextSlot < 0) return; // y is the new user: the path starts here
      c = nextContact;
      s = nextSlot;
    }
  }
}
