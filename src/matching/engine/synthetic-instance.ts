/**
 * Seeded synthetic municipalities for benchmarks and property tests: homes clustered around towns of
 * very different sizes, skewed interest popularity, evening-heavy availability, ~10 % of contacts
 * without a valid politiattest. Written straight into the typed tables so 100,000 people take a blink.
 */
import { buildInstance } from './instance-builder';
import { DAYS_PER_WEEK, GenderCode, INTEREST_WORDS, MatchingInstance, NO_LANGUAGE } from './types';

/** mulberry32: tiny, fast and good enough for test data; the same seed gives the same municipality. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticOptions {
  users: number;
  contacts: number;
  seed?: number;
  /** Towns; default one per 2,500 users (at least 3). */
  towns?: number;
  /** Spread of homes around a town centre, km. */
  townSpreadKm?: number;
  interestCodes?: number;
  ineligibleShare?: number;
}

const KM_PER_DEGREE_LAT = 111.2;

export function syntheticInstance(options: SyntheticOptions): MatchingInstance {
  const random = seededRandom(options.seed ?? 1);
  const towns = options.towns ?? Math.max(3, Math.round(options.users / 2500));
  const spread = options.townSpreadKm ?? 5;
  const interestCodes = Math.min(64, options.interestCodes ?? 40);
  const ineligible = options.ineligibleShare ?? 0.1;

  const gaussian = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const pick = (weights: number[], total: number) => {
    let r = random() * total;
    for (let i = 0; i < weights.length; i++) if ((r -= weights[i]) < 0) return i;
    return weights.length - 1;
  };
  // Town sizes and interest popularity follow Zipf's law: one city, many villages; football beats fencing.
  const zipf = (count: number) => Array.from({ length: count }, (_, i) => 1 / (i + 1));
  const townWeights = zipf(towns);
  const townTotal = townWeights.reduce((a, b) => a + b, 0);
  const interestWeights = zipf(interestCodes);
  const interestTotal = interestWeights.reduce((a, b) => a + b, 0);
  const townLat = Array.from({ length: towns }, () => 58 + random() * 12);
  const townLon = Array.from({ length: towns }, () => 5 + random() * 20);

  // Plain arrays first, then one pass through buildInstance keeps one code path for the column layout.
  const instance = buildInstance([], []);
  const people = (count: number) => {
    const lat = new Float64Array(count);
    const lon = new Float64Array(count);
    const interests = new Uint32Array(count * INTEREST_WORDS);
    const languages = new Uint32Array(count);
    const availability = new Uint32Array(count * DAYS_PER_WEEK);
    const gender = new Uint8Array(count);
    for (let i = 0; i < count; i++) {
      const t = pick(townWeights, townTotal);
      const rural = random() < 0.1 ? 4 : 1;
      lat[i] = townLat[t] + (gaussian() * spread * rural) / KM_PER_DEGREE_LAT;
      lon[i] =
        townLon[t] +
        (gaussian() * spread * rural) / (KM_PER_DEGREE_LAT * Math.cos((townLat[t] * Math.PI) / 180));
      const interestCount = 2 + Math.floor(random() * 5);
      for (let k = 0; k < interestCount; k++) {
        const code = pick(interestWeights, interestTotal);
        interests[i * INTEREST_WORDS + (code >>> 5)] |= 1 << (code & 31);
      }
      // 0 = Norwegian, 1 = English, 2..11 = other mother tongues.
      let langs = random() < 0.95 ? 1 : 0;
      if (random() < 0.5) langs |= 2;
      if (random() < 0.12 || langs === 0) langs |= 1 << (2 + Math.floor(random() * 10));
      languages[i] = langs >>> 0;
      for (let d = 0; d < DAYS_PER_WEEK; d++) availability[i * DAYS_PER_WEEK + d] = randomDay(random, d >= 5);
      const g = random();
      gender[i] = g < 0.49 ? GenderCode.Female : g < 0.98 ? GenderCode.Male : GenderCode.Other;
    }
    return {
      count,
      ids: Array.from({ length: count }, (_, i) => String(i)),
      lat,
      lon,
      interests,
      languages,
      availability,
      gender,
    };
  };

  const n = options.users;
  const userCols = people(n);
  const users = instance.users;
  Object.assign(users, userCols, {
    age: new Uint8Array(n),
    preferredContactGender: new Uint8Array(n),
    requiredLanguage: new Int8Array(n).fill(NO_LANGUAGE),
    preferredContactAgeMin: new Uint8Array(n),
    preferredContactAgeMax: new Uint8Array(n),
    waitingDays: new Int32Array(n),
    weeklyHours: new Float32Array(n),
    excludedStart: new Int32Array(n + 1),
  });
  const excluded: number[] = [];
  const m = options.contacts;
  for (let u = 0; u < n; u++) {
    const r = random();
    users.age[u] =
      r < 0.4
        ? 6 + Math.floor(random() * 12)
        : r < 0.85
          ? 18 + Math.floor(random() * 49)
          : 67 + Math.floor(random() * 24);
    if (random() < 0.15)
      users.preferredContactGender[u] = random() < 0.6 ? GenderCode.Female : GenderCode.Male;
    const mother = userCols.languages[u] >>> 2;
    if (mother !== 0 && random() < 0.4) users.requiredLanguage[u] = 2 + Math.clz32(1) - Math.clz32(mother);
    if (random() < 0.2) {
      users.preferredContactAgeMin[u] = 18 + Math.floor(random() * 15);
      users.preferredContactAgeMax[u] = users.preferredContactAgeMin[u] + 15 + Math.floor(random() * 20);
    }
    users.waitingDays[u] = Math.floor(-Math.log(1 - random()) * 60);
    users.weeklyHours[u] = 2 + Math.floor(random() * 9) / 2;
    if (random() < 0.05 && m > 0) excluded.push(Math.floor(random() * m));
    users.excludedStart[u + 1] = excluded.length;
  }
  users.excludedContact = Int32Array.from(excluded);

  const contactCols = people(m);
  const contacts = instance.contacts;
  Object.assign(contacts, contactCols, {
    age: new Uint8Array(m),
    eligible: new Uint8Array(m),
    freeUserSlots: new Int32Array(m),
    freeWeeklyHours: new Float32Array(m),
  });
  for (let c = 0; c < m; c++) {
    contacts.age[c] = 18 + Math.floor(random() * 52);
    contacts.eligible[c] = random() < ineligible ? 0 : 1;
    const r = random();
    contacts.freeUserSlots[c] = r < 0.6 ? 1 : r < 0.9 ? 2 : 3;
    contacts.freeWeeklyHours[c] = 4 + Math.floor(random() * 12);
  }
  return instance;
}

/** Evenings most likely, weekend days more open; each free part is a contiguous window. */
function randomDay(random: () => number, weekend: boolean): number {
  let mask = 0;
  const window = (from: number, to: number) => {
    const start = from + Math.floor(random() * 2);
    const end = to - Math.floor(random() * 2);
    for (let s = start; s < end; s++) mask |= 1 << s;
  };
  if (random() < (weekend ? 0.35 : 0.12)) window(2, 18); // 08–16
  if (random() < 0.3) window(18, 24); // 16–19
  if (random() < 0.5) window(24, 32); // 19–23
  return mask >>> 0;
}
