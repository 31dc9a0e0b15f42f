/**
 * Activity group formation (aktivitetsgruppe, 3–6 users run by one or two støttekontakter; DOMAIN rule 2,
 * seed 002): the input tables, settings and result. Pure TypeScript, like the rest of the engine.
 *
 * The model every solver here shares (the heuristic and the exact ILP reference):
 * - a **new group** is a template (anchor user, theme interest, weekly window, contact): the anchor is a member
 *   and its home is the group's centre; every member has the theme interest, is free for the whole window,
 *   lives within `groupRadiusKm` of the centre and is not excluded from the contact; the contact is eligible,
 *   free for the window, within `contactRadiusKm` of the centre and has room for one more group (a user slot
 *   and `groupWeeklyHours`). 3–6 members.
 * - an **existing group** (forming or active, fewer than 6 members) takes new members into its open seats:
 *   a member shares one of its interests (when it has any), is free at every one of its meeting times, lives
 *   within `groupRadiusKm` of its centre and is not excluded from its contacts.
 * - each user is in at most one group.
 * - objective: Σ member scores (+ a bonus per new group whose contact has the theme); a member's score is a
 *   large base (placing one more person beats any reshuffle) + waiting bonus + closeness to the centre, and
 *   a seat in an existing group earns `seatFill` on top, so open seats are filled first.
 */
import { WeeklyInterval } from '../bitsets';

export interface GroupUserInput {
  id: string;
  lat: number;
  lon: number;
  /** Interest codes 0..63. */
  interests: readonly number[];
  availability: readonly WeeklyInterval[];
  /** Days since the need arose (rule 9: the longest waiting are not passed over). */
  waitingDays: number;
  /** Contacts this user may never get (close relatives, declined before). */
  excludedContactIds?: readonly string[];
}

export interface GroupContactInput {
  id: string;
  lat: number;
  lon: number;
  interests: readonly number[];
  availability: readonly WeeklyInterval[];
  /** Valid politiattest and signed taushetserklæring (rule 1); computed outside the engine. */
  eligible: boolean;
  /** More assignments the contact will take (a group is one assignment). */
  freeUserSlots: number;
  freeWeeklyHours: number;
}

export interface ExistingGroupInput {
  id: string;
  /** The group's meeting place, or the mean of its members' homes when it has none; null = unknown. */
  lat: number | null;
  lon: number | null;
  /** Interest codes; empty = any interest. */
  interests: readonly number[];
  /** When the group meets; a group without meeting times cannot be checked and takes no one. */
  meetingTimes: readonly WeeklyInterval[];
  memberCount: number;
  /** Contacts running the group now (their exclusions apply to new members). */
  contactIds: readonly string[];
}

export interface GroupSettings {
  minGroupSize: number;
  maxGroupSize: number;
  /** Every member lives within this distance of the group's centre. */
  groupRadiusKm: number;
  /** The contact lives within this distance of the group's centre. */
  contactRadiusKm: number;
  /** The weekly meeting: one uninterrupted window of this length common to members and contact. */
  meetingMinutes: number;
  /** Hours a week a group takes of each of its contacts' capacity. */
  groupWeeklyHours: number;
  /** A new group this large gets a second contact when one is free (not part of the objective). */
  secondContactFromSize: number;
  weights: GroupWeights;
  waitingDaysForFullBonus: number;
  /** Rounds of local improvement after construction. */
  maxImprovementPasses: number;
  /**
   * Destroy-and-rebuild rounds after local improvement, for up to 150 users; fewer (at least 10) above that
   * (0 = construction and local moves only).
   */
  searchIterations: number;
}

export interface GroupWeights {
  /** Per placed user; larger than all other components together. */
  base: number;
  /** Grows linearly with waiting days up to `waitingDaysForFullBonus`. */
  waiting: number;
  /** Full at the centre, 0 at `groupRadiusKm`. */
  closeness: number;
  /** Per user placed in an open seat of an existing group: seats are filled first. */
  seatFill: number;
  /** Per new group whose contact shares its theme. */
  contactTheme: number;
}

export const DEFAULT_GROUP_WEIGHTS: Readonly<GroupWeights> = Object.freeze({
  base: 1000,
  waiting: 200,
  closeness: 100,
  seatFill: 300,
  contactTheme: 50,
});

export const DEFAULT_GROUP_SETTINGS: Readonly<GroupSettings> = Object.freeze({
  minGroupSize: 3,
  maxGroupSize: 6,
  groupRadiusKm: 10,
  contactRadiusKm: 15,
  meetingMinutes: 120,
  groupWeeklyHours: 2,
  secondContactFromSize: 5,
  weights: DEFAULT_GROUP_WEIGHTS,
  waitingDaysForFullBonus: 365,
  maxImprovementPasses: 8,
  searchIterations: 200,
});

export function withGroupDefaults(partial: Partial<GroupSettings> = {}): GroupSettings {
  return {
    ...DEFAULT_GROUP_SETTINGS,
    ...partial,
    weights: { ...DEFAULT_GROUP_WEIGHTS, ...(partial.weights ?? {}) },
  };
}

/** A weekly meeting window: `slots` half-hours from `startSlot` (0 = 07:00) on `day` (0 = Monday). */
export interface MeetingWindow {
  day: number;
  startSlot: number;
  slots: number;
}

export interface ProposedGroup {
  /** -1 for a new group; else the index of the existing group whose seats this fills. */
  existingGroup: number;
  /** New group: the member whose home is the centre; -1 when filling seats. */
  anchor: number;
  /** New group: the shared interest code; -1 when filling seats. */
  theme: number;
  /** New group: the window all members and contacts share; null when filling seats (the group's own times). */
  window: MeetingWindow | null;
  /** User indices: all members of a new group, or the newcomers to an existing one. */
  members: number[];
  /** Contact indices: 1–2 for a new group, empty when filling seats. */
  contacts: number[];
  centreLat: number;
  centreLon: number;
  /** This group's part of the objective. */
  score: number;
}

export interface FormationResult {
  groups: ProposedGroup[];
  /** Group users left without a place, longest waiting first. */
  unplaced: number[];
  objective: number;
  stats: {
    newGroups: number;
    seatsFilled: number;
    placedUsers: number;
    improvementMoves: number;
    timingsMs: { prepare: number; construct: number; improve: number; total: number };
  };
}
