/** Why a pair was proposed, in numbers (the score components) and in one line a coordinator can read. */
import { codesOf, popcount32 } from './bitsets';
import { distanceKm } from './geo';
import { emptyComponents, PairScorer, ScoreComponents } from './scoring';
import {
  DAYS_PER_WEEK,
  INTEREST_WORDS,
  MatchingInstance,
  MatchingSettings,
  NO_LANGUAGE,
  SLOT_MINUTES,
} from './types';

export interface ExplainLabels {
  /** Label of each interest code; missing codes read "interest #n". */
  interests?: readonly string[];
  languages?: readonly string[];
  /** Monday first. */
  days?: readonly string[];
}

export interface PairExplanation {
  components: ScoreComponents;
  distanceKm: number;
  sharedInterests: number[];
  /** The weekday and part of day with the most shared free time. */
  bestWindow: { day: number; part: DayPart; sharedMinutes: number } | null;
  reason: string;
}

export type DayPart = 'daytime' | 'afternoon' | 'evening';

const ENGLISH_DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const PART_PLURAL: Record<DayPart, string> = {
  daytime: 'daytime',
  afternoon: 'afternoons',
  evening: 'evenings',
};
/** Slots 0–17 are 07–16 (daytime), 18–23 are 16–19 (afternoon), 24–31 are 19–23 (evening). */
const DAY_PARTS: readonly { part: DayPart; mask: number }[] = [
  { part: 'daytime', mask: 0x0003ffff },
  { part: 'afternoon', mask: 0x00fc0000 },
  { part: 'evening', mask: 0xff000000 | 0 },
];

export function explainPair(
  instance: MatchingInstance,
  u: number,
  c: number,
  settings: MatchingSettings,
  labels: ExplainLabels = {},
): PairExplanation {
  const { users, contacts } = instance;
  const d = distanceKm(users.lat[u], users.lon[u], contacts.lat[c], contacts.lon[c]);
  const components = emptyComponents();
  scorerFor(settings).components(instance, u, c, d, components);

  const sharedInterests: number[] = [];
  for (let w = 0; w < INTEREST_WORDS; w++) {
    sharedInterests.push(
      ...codesOf(
        users.interests[u * INTEREST_WORDS + w] & contacts.interests[c * INTEREST_WORDS + w],
        w * 32,
      ),
    );
  }
  const bestWindow = bestSharedWindow(instance, u, c);

  const parts: string[] = [];
  if (sharedInterests.length > 0) {
    parts.push(
      `shares ${listOf(
        sharedInterests.map((code) => labels.interests?.[code] ?? `interest #${code}`),
        3,
      )}`,
    );
  }
  parts.push(`${d.toFixed(1)} km`);
  if (bestWindow) {
    const day = (labels.days ?? ENGLISH_DAYS)[bestWindow.day];
    parts.push(
      bestWindow.part === 'daytime'
        ? `both free ${day} daytime`
        : `both free ${day} ${PART_PLURAL[bestWindow.part]}`,
    );
  }
  const language = users.requiredLanguage[u];
  if (language !== NO_LANGUAGE && popcount32(contacts.languages[c] & (1 << language)) > 0) {
    parts.push(`speaks ${labels.languages?.[language] ?? `language #${language}`}`);
  }
  const waiting = users.waitingDays[u];
  if (waiting > 0) parts.push(`waiting ${waiting} ${waiting === 1 ? 'day' : 'days'}`);

  return { components, distanceKm: d, sharedInterests, bestWindow, reason: parts.join('; ') };
}

const scorers = new WeakMap<MatchingSettings, PairScorer>();
/** Building a scorer fills its tables; a run explains thousands of pairs with the same settings. */
function scorerFor(settings: MatchingSettings): PairScorer {
  let scorer = scorers.get(settings);
  if (!scorer) scorers.set(settings, (scorer = new PairScorer(settings)));
  return scorer;
}

function bestSharedWindow(instance: MatchingInstance, u: number, c: number): PairExplanation['bestWindow'] {
  let best: PairExplanation['bestWindow'] = null;
  for (let day = 0; day < DAYS_PER_WEEK; day++) {
    const shared =
      instance.users.availability[u * DAYS_PER_WEEK + day] &
      instance.contacts.availability[c * DAYS_PER_WEEK + day];
    for (const { part, mask } of DAY_PARTS) {
      const minutes = popcount32(shared & mask) * SLOT_MINUTES;
      if (minutes > (best?.sharedMinutes ?? 0)) best = { day, part, sharedMinutes: minutes };
    }
  }
  return best;
}

/** "a", "a and b", "a, b and c", "a, b, c and 2 more". */
function listOf(items: string[], max: number): string {
  if (items.length === 1) return items[0];
  if (items.length <= max) return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
  return `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}
