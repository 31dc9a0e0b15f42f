/**
 * Hours are a knapsack on top of the matching (see usableCapacity in candidates.ts). After the exact
 * solve on user slots, a contact whose chosen users need more weekly hours than it has free loses its
 * lowest-scored pairs until it fits; the users it lets go then take, best score first, any candidate
 * contact that still has a slot and the hours. Proposals therefore never overbook a contact; the total
 * is exact whenever no repair was needed (the usual case), and `hoursRepairs` says when it was.
 */
import { BipartiteGraph } from './bipartite-graph';
import { MatchingInstance } from './types';

export interface HoursRepairResult {
  /** Pairs dropped because the contact ran out of hours. */
  dropped: number;
  /** Of the users dropped, how many found another contact. */
  rehoused: number;
}

export function repairHours(
  instance: MatchingInstance,
  graph: BipartiteGraph,
  edgeOfUser: Int32Array,
): HoursRepairResult {
  const { users, contacts } = instance;
  const hoursLeft = Float64Array.from(contacts.freeWeeklyHours);
  const load = new Int32Array(graph.contactCount);
  const members: number[][] = Array.from({ length: graph.contactCount }, () => []);
  for (let u = 0; u < graph.userCount; u++) {
    const e = edgeOfUser[u];
    if (e < 0) continue;
    const c = graph.edgeContact[e];
    hoursLeft[c] -= users.weeklyHours[u];
    load[c]++;
    members[c].push(u);
  }

  const dropped: number[] = [];
  for (let c = 0; c < graph.contactCount; c++) {
    if (hoursLeft[c] >= 0) continue;
    const weakestFirst = members[c].sort(
      (a, b) => graph.edgeScore[edgeOfUser[a]] - graph.edgeScore[edgeOfUser[b]] || b - a,
    );
    for (const u of weakestFirst) {
      if (hoursLeft[c] >= 0) break;
      hoursLeft[c] += users.weeklyHours[u];
      load[c]--;
      edgeOfUser[u] = -1;
      dropped.push(u);
    }
  }

  let rehoused = 0;
  for (const u of dropped) {
    let best = -1;
    for (let e = graph.userStart[u]; e < graph.userStart[u + 1]; e++) {
      const c = graph.edgeContact[e];
      if (load[c] >= graph.capacity[c] || hoursLeft[c] < users.weeklyHours[u]) continue;
      if (best < 0 || graph.edgeScore[e] > graph.edgeScore[best]) best = e;
    }
    if (best < 0) continue;
    const c = graph.edgeContact[best];
    edgeOfUser[u] = best;
    load[c]++;
    hoursLeft[c] -= users.weeklyHours[u];
    rehoused++;
  }
  return { dropped: dropped.length, rehoused };
}
