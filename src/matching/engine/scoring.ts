/** The integer score of a feasible (user, contact) pair: a weighted sum of components, each round(weight × fraction). */
import { popcount32, sharedSlotCount } from './bitsets';
import {
  DAYS_PER_WEEK,
  INTEREST_WORDS,
  MatchingInstance,
  MatchingSettings,
  MAX_INTEREST_CODES,
  MAX_LANGUAGE_CODES,
  SLOT_MINUTES,
  SLOTS_PER_DAY,
} from './types';

/** The parts of a pair's score, each in points (`total` is their sum). */
export const SCORE_PARTS = [
  'base',
  'interests',
  'availability',
  'distance',
  'ageCloseness',
  'language',
  'waiting',
  'total',
] as const;

export interface ScoreComponents {
  base: number;
  interests: number;
  availability: number;
  distance: number;
  ageCloseness: number;
  language: number;
  waiting: number;
  total: number;
}

export function sharedInterestCount(instance: MatchingInstance, u: number, c: number): number {
  const a = instance.users.interests;
  const b = instance.contacts.interests;
  let n = 0;
  for (let w = 0; w < INTEREST_WORDS; w++)
    n += popcount32(a[u * INTEREST_WORDS + w] & b[c * INTEREST_WORDS + w]);
  return n;
}

export function sharedMinutes(instance: MatchingInstance, u: number, c: number): number {
  const { users, contacts } = instance;
  return (
    sharedSlotCount(users.availability, u * DAYS_PER_WEEK, contacts.availability, c * DAYS_PER_WEEK) *
    SLOT_MINUTES
  );
}

/**
 * Precomputes what depends on settings only: every component but distance is a function of a small
 * integer (shared interests, shared slots, age gap, shared languages, waiting days), so it is a table
 * lookup, and scoring millions of pairs does no division, rounding or allocation.
 */
export class PairScorer {
  private readonly base: number;
  private readonly distanceWeight: number;
  private readonly radius: number;
  private readonly byInterests: Int32Array;
  private readonly bySharedSlots: Int32Array;
  private readonly byAgeGap: Int32Array;
  private readonly byLanguages: Int32Array;
  private readonly byWaitingDays: Int32Array;

  constructor(settings: MatchingSettings) {
    const w = settings.weights;
    const fullInterests = Math.max(1, settings.interestsForFullScore);
    const fullMinutes = Math.max(1, settings.availabilityMinutesForFullScore);
    const zeroAgeGap = Math.max(1, settings.ageGapForZeroScore);
    const fullWaiting = Math.max(1, Math.min(100_000, Math.floor(settings.waitingDaysForFullBonus)));
    this.base = w.base;
    this.distanceWeight = w.distance;
    this.radius = settings.travelRadiusKm;
    this.byInterests = table(
      MAX_INTEREST_CODES + 1,
      (k) => (w.interests * Math.min(k, fullInterests)) / fullInterests,
    );
    this.bySharedSlots = table(
      DAYS_PER_WEEK * SLOTS_PER_DAY + 1,
      (k) => (w.availability * Math.min(k * SLOT_MINUTES, fullMinutes)) / fullMinutes,
    );
    this.byAgeGap = table(256, (gap) => w.ageCloseness * Math.max(0, 1 - gap / zeroAgeGap));
    this.byLanguages = table(MAX_LANGUAGE_CODES + 1, (k) => (w.language * Math.min(k, 2)) / 2);
    this.byWaitingDays = table(fullWaiting + 1, (days) => (w.waiting * days) / fullWaiting);
  }

  /** Fills `out` and returns the total. `distanceKm` is passed in: the caller already knows it. */
  components(
    instance: MatchingInstance,
    u: number,
    c: number,
    distanceKm: number,
    out: ScoreComponents,
  ): number {
    const { users, contacts } = instance;
    out.base = this.base;
    out.interests = this.byInterests[sharedInterestCount(instance, u, c)];
    out.availability =
      this.bySharedSlots[
        sharedSlotCount(users.availability, u * DAYS_PER_WEEK, contacts.availability, c * DAYS_PER_WEEK)
      ];
    out.distance = this.distanceComponent(distanceKm);
    out.ageCloseness = this.byAgeGap[Math.abs(users.age[u] - contacts.age[c])];
    out.language = this.byLanguages[popcount32(users.languages[u] & contacts.languages[c])];
    out.waiting = this.waitingComponent(instance, u);
    out.total =
      out.base +
      out.interests +
      out.availability +
      out.distance +
      out.ageCloseness +
      out.language +
      out.waiting;
    return out.total;
  }

  /** The same total as `components`, for the hot loop; `userPart` is `userConstant(u)`. */
  score(instance: MatchingInstance, u: number, c: number, distanceKm: number, userPart: number): number {
    const { users, contacts } = instance;
    return (
      userPart +
      this.byInterests[sharedInterestCount(instance, u, c)] +
      this.bySharedSlots[
        sharedSlotCount(users.availability, u * DAYS_PER_WEEK, contacts.availability, c * DAYS_PER_WEEK)
      ] +
      this.distanceComponent(distanceKm) +
      this.byAgeGap[Math.abs(users.age[u] - contacts.age[c])] +
      this.byLanguages[popcount32(users.languages[u] & contacts.languages[c])]
    );
  }

  /** The part of every pair's score that depends on the user alone (base and waiting bonus). */
  userConstant(instance: MatchingInstance, u: number): number {
    return this.base + this.waitingComponent(instance, u);
  }

  private waitingComponent(instance: MatchingInstance, u: number): number {
    const days = instance.users.waitingDays[u];
    return this.byWaitingDays[Math.max(0, Math.min(days, this.byWaitingDays.length - 1))];
  }

  private distanceComponent(distanceKm: number): number {
    return Math.round(this.distanceWeight * Math.max(0, 1 - distanceKm / this.radius));
  }
}

function table(size: number, value: (k: number) => number): Int32Array {
  const t = new Int32Array(size);
  for (let k = 0; k < size; k++) t[k] = Math.round(value(k));
  return t;
}

export function emptyComponents(): ScoreComponents {
  return {
    base: 0,
    interests: 0,
    availability: 0,
    distance: 0,
    ageCloseness: 0,
    language: 0,
    waiting: 0,
    total: 0,
  };
}
