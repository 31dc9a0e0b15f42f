/**
 * The matching run in one call: candidates → exact b-matching → hours repair → reasons. Pure: the Nest
 * service loads the instance, calls runMatching, and stores the proposals.
 */
import { BMatching } from './bipartite-graph';
import { solveBMatching } from './b-matching';
import { CandidateGraph, findCandidates } from './candidates';
import { ExplainLabels, explainPair } from './explain';
import { PairVerdict } from './feasibility';
import { solveGreedy } from './greedy';
import { repairHours } from './hours-repair';
import { ScoreComponents } from './scoring';
import { MatchingInstance, MatchingSettings, withDefaults } from './types';

/** Why a waiting user got no proposal, from the first hard rule that left them without a candidate. */
export const UNMATCHED_REASONS = [
  /** No eligible contact with room lives within the travel radius. */
  'no_eligible_contact_in_radius',
  /** Contacts nearby, but each is one the user must not get (declined before, close relative). */
  'excluded',
  /** Contacts nearby, but none of the gender, language or age the user asked for. */
  'preferences',
  /** Suitable contacts nearby, but none has the weekly hours the vedtak grants. */
  'not_enough_contact_hours',
  /** Suitable contacts nearby, but none shares a window long enough for a meeting. */
  'no_shared_time',
  /** The user had candidates, but better pairs took them this run. */
  'capacity_taken',
] as const;
export type UnmatchedReason = (typeof UNMATCHED_REASONS)[number];

/** The steps of a run the engine times. */
export const ENGINE_STEPS = ['candidates', 'scoring', 'solve', 'explain', 'total'] as const;

export interface ProposedPair {
  userIndex: number;
  contactIndex: number;
  score: number;
  components: ScoreComponents;
  reason: string;
}

export interface UnmatchedUser {
  userIndex: number;
  reason: UnmatchedReason;
  /** Contacts that passed every hard rule (before the candidate cap). */
  candidateCount: number;
}

export interface MatchingStats {
  /** Pairs in the solver's graph (after the per-user candidate cap). */
  candidatePairs: number;
  /** Pairs that passed every hard rule, before the cap. */
  feasiblePairs: number;
  totalScore: number;
  matchedUsers: number;
  /** Pairs dropped by the hours repair; when 0 the total is the exact optimum on the candidate graph. */
  hoursRepairs: number;
  timingsMs: Record<(typeof ENGINE_STEPS)[number], number>;
}

export interface MatchingResult {
  pairs: ProposedPair[];
  unmatched: UnmatchedUser[];
  stats: MatchingStats;
}

export type MatchingPhase = 'candidates' | 'solve' | 'explain';
export type MatchingProgress = (phase: MatchingPhase, done: number, total: number) => void;

export interface RunOptions {
  /** 'exact' (default) or the greedy baseline, for comparison. */
  solver?: 'exact' | 'greedy';
  labels?: ExplainLabels;
  onProgress?: MatchingProgress;
}

export function runMatching(
  instance: MatchingInstance,
  partialSettings: Partial<MatchingSettings> = {},
  options: RunOptions = {},
): MatchingResult {
  const settings = withDefaults(partialSettings);
  const { onProgress } = options;
  const started = performance.now();

  const graph = findCandidates(
    instance,
    settings,
    onProgress && ((done, total) => onProgress('candidates', done, total)),
  );

  const solveStarted = performance.now();
  const matching: BMatching =
    options.solver === 'greedy'
      ? solveGreedy(graph)
      : solveBMatching(graph, onProgress && ((done, total) => onProgress('solve', done, total)));
  const repair = repairHours(instance, graph, matching.edgeOfUser);
  const solveMs = performance.now() - solveStarted;

  const explainStarted = performance.now();
  const pairs: ProposedPair[] = [];
  const unmatched: UnmatchedUser[] = [];
  let totalScore = 0;
  for (let u = 0; u < graph.userCount; u++) {
    const e = matching.edgeOfUser[u];
    if (e < 0) {
      unmatched.push({
        userIndex: u,
        reason: reasonFor(graph, u),
        candidateCount: graph.userStart[u + 1] - graph.userStart[u],
      });
      continue;
    }
    const c = graph.edgeContact[e];
    const explanation = explainPair(instance, u, c, settings, options.labels);
    totalScore += graph.edgeScore[e];
    pairs.push({
      userIndex: u,
      contactIndex: c,
      score: graph.edgeScore[e],
      components: explanation.components,
      reason: explanation.reason,
    });
  }
  onProgress?.('explain', graph.userCount, graph.userCount);
  const finished = performance.now();

  return {
    pairs,
    unmatched,
    stats: {
      candidatePairs: graph.userStart[graph.userCount],
      feasiblePairs: graph.feasiblePairs,
      totalScore,
      matchedUsers: pairs.length,
      hoursRepairs: repair.dropped,
      timingsMs: {
        candidates: graph.searchMs,
        scoring: graph.scoringMs,
        solve: solveMs,
        explain: finished - explainStarted,
        total: finished - started,
      },
    },
  };
}

export function reasonFor(graph: CandidateGraph, u: number): UnmatchedReason {
  switch (graph.userFunnel[u]) {
    case PairVerdict.Feasible:
      return 'capacity_taken';
    case PairVerdict.NoSharedTime:
      return 'no_shared_time';
    case PairVerdict.NotEnoughContactHours:
      return 'not_enough_contact_hours';
    case PairVerdict.Preferences:
      return 'preferences';
    case PairVerdict.Excluded:
      return 'excluded';
    default:
      return 'no_eligible_contact_in_radius';
  }
}
