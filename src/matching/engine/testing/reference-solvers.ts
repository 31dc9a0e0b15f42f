/** Slow, obviously-correct solvers that the property tests hold the fast ones against. */
import { BipartiteGraph } from '../bipartite-graph';
import { loadHighs } from './highs';

/** Tries every choice for every user: exponential, for graphs of a handful of users only. */
export function bruteForceBest(graph: BipartiteGraph): number {
  const load = new Int32Array(graph.contactCount);
  const visit = (u: number): number => {
    if (u === graph.userCount) return 0;
    let best = visit(u + 1);
    for (let e = graph.userStart[u]; e < graph.userStart[u + 1]; e++) {
      const c = graph.edgeContact[e];
      if (load[c] >= graph.capacity[c]) continue;
      load[c]++;
      best = Math.max(best, graph.edgeScore[e] + visit(u + 1));
      load[c]--;
    }
    return best;
  };
  return visit(0);
}

/** The same problem as an integer program, solved by HiGHS (WASM). */
export async function integerProgramBest(graph: BipartiteGraph): Promise<number> {
  const e = graph.userStart[graph.userCount];
  if (e === 0) return 0;
  const byContact: string[][] = Array.from({ length: graph.contactCount }, () => []);
  const rows: string[] = [];
  const objective: string[] = [];
  for (let u = 0; u < graph.userCount; u++) {
    const terms: string[] = [];
    for (let k = graph.userStart[u]; k < graph.userStart[u + 1]; k++) {
      terms.push(`x${k}`);
      objective.push(`${graph.edgeScore[k]} x${k}`);
      byContact[graph.edgeContact[k]].push(`x${k}`);
    }
    if (terms.length > 0) rows.push(` u${u}: ${terms.join(' + ')} <= 1`);
  }
  byContact.forEach((terms, c) => {
    if (terms.length > 0) rows.push(` c${c}: ${terms.join(' + ')} <= ${graph.capacity[c]}`);
  });
  const variables = Array.from({ length: e }, (_, k) => `x${k}`);
  const lp = [
    'Maximize',
    ` obj: ${objective.join(' + ').replace(/\+ -/g, '- ')}`,
    'Subject To',
    ...rows,
    'Binary',
    ` ${variables.join(' ')}`,
    'End',
  ].join('\n');
  const result = (await loadHighs()).solve(lp, { output_flag: false });
  if (result.Status !== 'Optimal') throw new Error(`HiGHS: ${result.Status}`);
  return Math.round(result.ObjectiveValue);
}
