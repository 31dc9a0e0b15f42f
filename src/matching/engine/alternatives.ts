/**
 * A user's alternatives: every contact the run's hard rules allow for one user, ranked by the run's own score.
 * The coordinator who doubts a proposal sees who else the matching could have given this user, and why each
 * scores as it does. The same candidate search and scoring as the run (findCandidates), so a contact that is not
 * listed here could never have been proposed.
 */
import { findCandidates } from './candidates';
import { reasonFor, UnmatchedReason } from './engine';
import { ExplainLabels, explainPair } from './explain';
import { ScoreComponents } from './scoring';
import { MatchingInstance, MatchingSettings, withDefaults } from './types';

export interface Alternative {
  contactIndex: number;
  score: number;
  components: ScoreComponents;
  distanceKm: number;
  reason: string;
}

export interface UserAlternatives {
  /** Best first; at most `limit`. Ties keep the candidate search's order (contact index). */
  alternatives: Alternative[];
  /** Contacts that passed every hard rule, before the limit. */
  candidateCount: number;
  /** When there is none: the first hard rule that left the user without a candidate. */
  noneReason: UnmatchedReason | null;
}

export function alternativesFor(
  instance: MatchingInstance,
  userIndex: number,
  partialSettings: Partial<MatchingSettings>,
  limit: number,
  labels?: ExplainLabels,
): UserAlternatives {
  if (userIndex < 0 || userIndex >= instance.users.count)
    throw new RangeError('no such user in the instance');
  const settings = withDefaults(partialSettings);
  const graph = findCandidates(instance, settings);
  const edges: number[] = [];
  for (let e = graph.userStart[userIndex]; e < graph.userStart[userIndex + 1]; e++) edges.push(e);
  edges.sort(
    (a, b) => graph.edgeScore[b] - graph.edgeScore[a] || graph.edgeContact[a] - graph.edgeContact[b],
  );
  const alternatives = edges.slice(0, Math.max(0, limit)).map((e): Alternative => {
    const contactIndex = graph.edgeContact[e];
    const explanation = explainPair(instance, userIndex, contactIndex, settings, labels);
    return {
      contactIndex,
      score: graph.edgeScore[e],
      components: explanation.components,
      distanceKm: Math.round(explanation.distanceKm * 10) / 10,
      reason: explanation.reason,
    };
  });
  return {
    alternatives,
    candidateCount: edges.length,
    noneReason: edges.length === 0 ? reasonFor(graph, userIndex) : null,
  };
}
