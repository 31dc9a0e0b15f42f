/**
 * The matching engine's input model: struct-of-arrays tables on typed arrays, so that 100,000 users
 * and 100,000 contacts fit in a few tens of megabytes and the hot loops never chase object pointers.
 * Build them from plain objects with `buildInstance` (instance-builder.ts).
 */

/** Interests are codes 0..63, kept as two 32-bit words per person (low word = codes 0..31). */
export const INTEREST_WORDS = 2;
export const MAX_INTEREST_CODES = 64;
/** Languages are codes 0..31, one 32-bit word per person. */
export const MAX_LANGUAGE_CODES = 32;

/**
 * Weekly availability: one 32-bit word per weekday (Monday = 0 … Sunday = 6); bit i means the person is
 * free from 07:00 + 30·i min to 07:00 + 30·(i + 1) min. 32 half-hours cover 07:00–23:00 exactly, which
 * holds the three parts of day the municipalities speak of (day 08–16, afternoon 16–19, evening 19–23)
 * at a resolution fine enough to ask "is there a common window of at least two hours?".
 */
export const DAYS_PER_WEEK = 7;
export const SLOT_MINUTES = 30;
export const FIRST_SLOT_MINUTE = 7 * 60;
export const SLOTS_PER_DAY = 32;

/** Gender codes in the `gender` columns (a plain object, not an enum, so isolated transpilers agree). */
export const GenderCode = { Unspecified: 0, Female: 1, Male: 2, Other: 3 } as const;
export type GenderName = 'unspecified' | 'female' | 'male' | 'other';
export const GENDER_CODE_BY_NAME: Readonly<Record<GenderName, number>> = {
  unspecified: GenderCode.Unspecified,
  female: GenderCode.Female,
  male: GenderCode.Male,
  other: GenderCode.Other,
};
/** Marks "no required language" in `UserTable.requiredLanguage`. */
export const NO_LANGUAGE = -1;
/** `preferredContactAgeMin/Max` = 0 means no lower/upper bound. */
export const NO_AGE_BOUND = 0;

/** Columns shared by users (tjenestemottakere) and contacts (støttekontakter). */
export interface PersonColumns {
  count: number;
  ids: string[];
  lat: Float64Array;
  lon: Float64Array;
  /** INTEREST_WORDS words per person. */
  interests: Uint32Array;
  languages: Uint32Array;
  /** DAYS_PER_WEEK words per person, see SLOTS_PER_DAY. */
  availability: Uint32Array;
  age: Uint8Array;
  gender: Uint8Array;
}

export interface UserTable extends PersonColumns {
  /** GenderCode, Unspecified = no preference. */
  preferredContactGender: Uint8Array;
  /** Language code the contact must speak, or NO_LANGUAGE. */
  requiredLanguage: Int8Array;
  preferredContactAgeMin: Uint8Array;
  preferredContactAgeMax: Uint8Array;
  /** Days since the vedtak without a contact (rule 9: the longest waiting are not passed over). */
  waitingDays: Int32Array;
  /** Hours per week granted by the vedtak; a contact takes the user only with at least that much free time. */
  weeklyHours: Float32Array;
  /** Contacts this user may never get (declined before, close relatives), as CSR rows of contact indices. */
  excludedStart: Int32Array;
  excludedContact: Int32Array;
}

export interface ContactTable extends PersonColumns {
  /** Valid politiattest and signed taushetserklæring today; computed outside the engine (rule 1). */
  eligible: Uint8Array;
  /** How many more users the contact is willing to take. */
  freeUserSlots: Int32Array;
  freeWeeklyHours: Float32Array;
}

export interface MatchingInstance {
  users: UserTable;
  contacts: ContactTable;
}

/** Integer weights: each component is `round(weight × fraction)` with fraction in [0, 1]. */
export interface ScoreWeights {
  /**
   * Added to every feasible pair, larger than all other weights together, so that matching one more
   * person nearly always beats making an existing pair slightly better (everyone waiting deserves a
   * proposal; quality decides among proposals).
   */
  base: number;
  /** Full weight at `interestsForFullScore` shared interests. */
  interests: number;
  /** Full weight at `availabilityMinutesForFullScore` of shared free time a week. */
  availability: number;
  /** Full weight at 0 km, falling linearly to 0 at the travel radius. */
  distance: number;
  /** Full weight for equal ages, falling linearly to 0 at `ageGapForZeroScore` years apart. */
  ageCloseness: number;
  /** Full weight at two shared languages (a shared mother tongue besides Norwegian counts). */
  language: number;
  /** Grows linearly with waiting days up to `waitingDaysForFullBonus`. */
  waiting: number;
}

export interface MatchingSettings {
  travelRadiusKm: number;
  /** A pair must share one uninterrupted window this long on some weekday. */
  minMeetingMinutes: number;
  /**
   * Candidate cap: only the K best-scored contacts of each user enter the solver. The solver is exact
   * on this capped graph; with K ≥ the number of feasible contacts per user it is exact on all of them.
   */
  maxCandidatesPerUser: number;
  /**
   * Scan limit for dense towns: contacts are examined in growing circles (radius/16, each √2 wider, up to
   * the full radius) and the search stops after the circle in which this many feasible contacts were seen. The K
   * candidates are the best-scored among those, so a city user is compared with the few hundred nearest
   * suitable contacts rather than thousands. 0 = always scan the whole radius.
   */
  minFeasibleScanned: number;
  weights: ScoreWeights;
  interestsForFullScore: number;
  availabilityMinutesForFullScore: number;
  ageGapForZeroScore: number;
  waitingDaysForFullBonus: number;
}

export const DEFAULT_WEIGHTS: Readonly<ScoreWeights> = Object.freeze({
  base: 200,
  interests: 50,
  availability: 30,
  distance: 30,
  ageCloseness: 10,
  language: 10,
  waiting: 60,
});

export const DEFAULT_SETTINGS: Readonly<MatchingSettings> = Object.freeze({
  travelRadiusKm: 15,
  minMeetingMinutes: 120,
  maxCandidatesPerUser: 50,
  minFeasibleScanned: 100,
  weights: DEFAULT_WEIGHTS,
  interestsForFullScore: 4,
  availabilityMinutesForFullScore: 600,
  ageGapForZeroScore: 30,
  waitingDaysForFullBonus: 365,
});

export function withDefaults(partial: Partial<MatchingSettings> = {}): MatchingSettings {
  return {
    ...DEFAULT_SETTINGS,
    ...partial,
    weights: { ...DEFAULT_WEIGHTS, ...(partial.weights ?? {}) },
  };
}
