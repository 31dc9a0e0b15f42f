import { UnmatchedReason } from './engine/engine';

/** What a coordinator reads about a finished run. */
export interface MatchingSummary {
  usersWaiting: number;
  contactsAvailable: number;
  proposed: number;
  unmatched: number;
  unmatchedByReason: Partial<Record<UnmatchedReason | 'no_home_location', number>>;
  meanDistanceKm: number | null;
  longestWaitUnmatchedDays: number | null;
  totalScore: number;
  candidatePairs: number;
  timingsMs: Record<string, number>;
  /** Activity groups (issue 4, item 7): new groups proposed, and users proposed for open seats of existing ones. */
  groupsProposed?: number;
  groupSeatsFilled?: number;
}
