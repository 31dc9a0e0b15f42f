import type { GroupUnplacedReason } from './engine/groups/unplaced-reason';
import { ENGINE_STEPS, UNMATCHED_REASONS } from './engine/engine';

/** Why a user was left out of a run: an engine reason, or no home location to measure distance from. */
export const RUN_UNMATCHED_REASONS = [...UNMATCHED_REASONS, 'no_home_location'] as const;
export type RunUnmatchedReason = (typeof RUN_UNMATCHED_REASONS)[number];
/** The steps of a run it times: loading from the database, the engine's own steps, the recruitment plan, group
 * formation, writing. */
export const RUN_STEPS = ['load', ...ENGINE_STEPS, 'recruitment', 'groups', 'write'] as const;

/** What a coordinator reads about a finished run. */
export interface MatchingSummary {
  usersWaiting: number;
  contactsAvailable: number;
  proposed: number;
  unmatched: number;
  unmatchedByReason: Partial<Record<RunUnmatchedReason, number>>;
  meanDistanceKm: number | null;
  longestWaitUnmatchedDays: number | null;
  totalScore: number;
  candidatePairs: number;
  /** Milliseconds per step (`total` is the engine's steps together). */
  timingsMs: Partial<Record<(typeof RUN_STEPS)[number], number>>;
  /** Activity groups (issue 4, item 7): new groups proposed, and users proposed for open seats of existing ones. */
  groupsProposed?: number;
  groupSeatsFilled?: number;
  /** Users with a group vedtak the run left without a place, by reason, and the longest wait among them. */
  groupUnplacedByReason?: Partial<Record<GroupUnplacedReason, number>>;
  longestWaitGroupUnplacedDays?: number | null;
}
