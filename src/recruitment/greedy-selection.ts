/**
 * Which candidate profiles to recruit: greedy by marginal gain, measured with the real engine. Each step adds one
 * candidate as an extra contact, re-solves the residual instance (the waiting users against the contacts with room
 * left after the run) and keeps the candidate that gets the most more users matched, the longest waiting first.
 *
 * The number (and waiting-weighted number) of users a set of contacts can take is the rank of a transversal
 * matroid, a monotone submodular function; greedy selection of k contacts is then within (1 − 1/e) of the best k
 * (Nemhauser, Wolsey and Fisher 1978). Submodularity also makes a gain measured in an earlier step an upper bound
 * of the gain now, so most candidates are never re-solved (lazy greedy, Minoux 1978).
 */
import { findCandidates } from '../matching/engine/candidates';
import { MatchingResult, ProposedPair, runMatching } from '../matching/engine/engine';
import { ContactInput } from '../matching/engine/instance-builder';
import { MatchingInstance, MatchingSettings } from '../matching/engine/types';
import { subInstance, withExtraContacts } from './sub-instance';

export interface Coverage {
  matched: number;
  /** Sum of the matched users' waiting days: the tie-break, so the longest waiting are served first. */
  waitingDays: number;
  pairs: ProposedPair[];
}

/** The waiting users against the contacts with room left after the run's own pairs. */
export interface ResidualProblem {
  instance: MatchingInstance;
  /** Per user row of `instance`: the user's index in the run's instance. */
  userRows: number[];
  settings: MatchingSettings;
}

export function residualProblem(
  source: MatchingInstance,
  result: MatchingResult,
  settings: MatchingSettings,
  waiting: readonly number[],
): ResidualProblem {
  const slots = Int32Array.from(source.contacts.freeUserSlots);
  const hours = Float32Array.from(source.contacts.freeWeeklyHours);
  for (const pair of result.pairs) {
    slots[pair.contactIndex] -= 1;
    hours[pair.contactIndex] -= source.users.weeklyHours[pair.userIndex];
  }
  const open: number[] = [];
  for (let c = 0; c < source.contacts.count; c++)
    if (source.contacts.eligible[c] && slots[c] > 0 && hours[c] > 0) open.push(c);
  const userRows = [...waiting];
  const all = subInstance(source, userRows, open, { slots, hours });
  // Contacts no waiting user could get stay out of every re-solve: they cannot change its answer.
  const graph = findCandidates(all, uncapped(settings, all));
  const used = new Uint8Array(all.contacts.count);
  for (let e = 0; e < graph.edgeContact.length; e++) used[graph.edgeContact[e]] = 1;
  const kept = open.filter((_, i) => used[i]);
  return { instance: subInstance(source, userRows, kept, { slots, hours }), userRows, settings };
}

/** Every feasible pair, so that a candidate's degree is exact (the run caps candidates per user). */
function uncapped(settings: MatchingSettings, instance: MatchingInstance): MatchingSettings {
  return { ...settings, maxCandidatesPerUser: Math.max(1, instance.contacts.count), minFeasibleScanned: 0 };
}

function solve(instance: MatchingInstance, settings: MatchingSettings): Coverage {
  const result = runMatching(instance, settings);
  let waitingDays = 0;
  for (const pair of result.pairs) waitingDays += instance.users.waitingDays[pair.userIndex];
  return { matched: result.pairs.length, waitingDays, pairs: result.pairs };
}

/** How many waiting users the residual contacts and these extra contacts get matched (user rows of the problem). */
export function coverageWith(problem: ResidualProblem, extras: readonly ContactInput[]): Coverage {
  return solve(withExtraContacts(problem.instance, extras), problem.settings);
}

export interface SelectionStep {
  /** Index into the candidates. */
  candidate: number;
  /** Users matched more than before this profile, and their waiting days. */
  gain: number;
  waitingDaysGain: number;
}

export interface Selection {
  steps: SelectionStep[];
  baseline: Coverage;
  /** The residual instance solved with every selected profile; pairs index the problem's user rows. */
  final: Coverage;
  /** Index of each selected profile's contact in the final solve's instance. */
  contactOfStep: number[];
  /** Re-solves done (the lazy greedy skips most). */
  evaluations: number;
}

const better = (
  a: { gain: number; wait: number; key: string },
  b: { gain: number; wait: number; key: string },
) => (a.gain !== b.gain ? a.gain > b.gain : a.wait !== b.wait ? a.wait > b.wait : a.key < b.key);

/**
 * Work per step, in users re-solved: where contacts are scarce many candidates tie on their bounds and each re-solve
 * is a large one, so a step re-solves at most max(8, this / users) candidates and then takes the best gain it has
 * measured (bounded time, at the price of the exact greedy choice in that step). Counted in work, not in time, so
 * the same run always gives the same profiles.
 */
export const EVALUATION_WORK_PER_STEP = 24_000;
const MIN_EVALUATIONS_PER_STEP = 8;

export function selectGreedy(
  problem: ResidualProblem,
  candidates: readonly { key: string; contact: ContactInput }[],
  maxProfiles: number,
  /** Default: from EVALUATION_WORK_PER_STEP. */
  maxEvaluationsPerStep?: number,
): Selection {
  const { settings } = problem;
  const base = problem.instance.contacts.count;
  const pool = withExtraContacts(
    problem.instance,
    candidates.map((c) => c.contact),
  );
  // Upper bounds before any re-solve: a contact taking b users adds at most min(b, its feasible users) matches.
  const graph = findCandidates(pool, uncapped(settings, pool));
  const neighbours: number[][] = candidates.map(() => []);
  const reachable: number[] = [];
  for (let u = 0; u < pool.users.count; u++) {
    if (graph.userStart[u + 1] > graph.userStart[u]) reachable.push(u);
    for (let e = graph.userStart[u]; e < graph.userStart[u + 1]; e++) {
      const c = graph.edgeContact[e];
      if (c >= base) neighbours[c - base].push(u);
    }
  }
  const waits = pool.users.waitingDays;
  interface Entry {
    index: number;
    key: string;
    gain: number;
    wait: number;
    /** The round whose selection the gain was measured against; older gains are upper bounds. */
    fresh: number;
    coverage?: Coverage;
  }
  const entries = candidates.map((candidate, i): Entry => {
    const cap = Math.min(candidate.contact.freeUserSlots, neighbours[i].length);
    const top = neighbours[i]
      .map((u) => waits[u])
      .sort((a, b) => b - a)
      .slice(0, cap);
    return { index: i, key: candidate.key, gain: cap, wait: top.reduce((a, b) => a + b, 0), fresh: -1 };
  });

  // Users no contact of the pool can take are never matched: leave them out of the re-solves.
  const contactsOf = (chosen: readonly number[]) => [
    ...Array.from({ length: base }, (_, c) => c),
    ...chosen.map((i) => base + i),
  ];
  const evaluate = (chosen: readonly number[]) =>
    solve(subInstance(pool, reachable, contactsOf(chosen)), settings);

  const evaluationsPerStep =
    maxEvaluationsPerStep ??
    Math.max(MIN_EVALUATIONS_PER_STEP, Math.floor(EVALUATION_WORK_PER_STEP / Math.max(1, reachable.length)));
  let current = evaluate([]);
  const baseline = current;
  const chosen: number[] = [];
  const steps: SelectionStep[] = [];
  let evaluations = 1;
  let remaining = entries.filter((e) => e.gain > 0);
  for (let round = 0; round < maxProfiles && remaining.length > 0; round++) {
    for (let evaluated = 0; remaining.length > 0;) {
      // Past the step's budget, the best gain measured in the step is taken (if it serves anyone at all).
      const measured = remaining.filter((e) => e.fresh === round);
      const open = evaluated >= evaluationsPerStep && measured.length > 0 ? measured : remaining;
      let best = open[0];
      for (const entry of open) if (better(entry, best)) best = entry;
      if (best.fresh === round) {
        chosen.push(best.index);
        steps.push({ candidate: best.index, gain: best.gain, waitingDaysGain: best.wait });
        current = best.coverage ?? current;
        remaining = remaining.filter((e) => e !== best);
        break;
      }
      const coverage = evaluate([...chosen, best.index]);
      evaluations++;
      evaluated++;
      best.gain = coverage.matched - current.matched;
      best.wait = coverage.waitingDays - current.waitingDays;
      best.fresh = round;
      best.coverage = coverage;
      // A candidate that serves no one more now never will (gains only shrink as profiles are added).
      if (best.gain <= 0) remaining = remaining.filter((e) => e !== best);
    }
  }
  // Pairs of the final solve in the problem's user rows (the re-solves saw only the reachable users).
  const final: Coverage = {
    ...current,
    pairs: current.pairs.map((p) => ({ ...p, userIndex: reachable[p.userIndex] })),
  };
  return {
    steps,
    baseline,
    final,
    contactOfStep: chosen.map((_, i) => base + i),
    evaluations,
  };
}
