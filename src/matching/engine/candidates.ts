/**
 * Candidate search: which contacts each user could get. Never compares every user with every contact:
 * eligible contacts with room are indexed once in a k-d tree (kdbush) on lon/lat, each user asks for the
 * box around the travel radius, and only those contacts go through the hard rules and the scoring.
 * Work is done in blocks of users so the two phases (search, scoring) can be timed apart.
 */
import KDBush from 'kdbush';
import { sharesWindow, slotsForMinutes } from './bitsets';
import { BipartiteGraph } from './bipartite-graph';
import { hasEnoughHours, meetsPreferences, PairVerdict } from './feasibility';
import { boxAround, DegreeBox, distanceFromKm, longitudeScale } from './geo';
import { float32s, float64s, GrowableArray, int32s } from './growable';
import { PairScorer } from './scoring';
import { selectLargest } from './top-k';
import { DAYS_PER_WEEK, MatchingInstance, MatchingSettings } from './types';

export interface CandidateGraph extends BipartiteGraph {
  /**
   * Per user, the furthest PairVerdict any contact in the index reached (OutOfRadius when none was in
   * the radius, Feasible when the user has candidates): why a user without candidates has none.
   */
  userFunnel: Uint8Array;
  /** Feasible pairs before the per-user cap. */
  feasiblePairs: number;
  searchMs: number;
  scoringMs: number;
}

export type CandidateProgress = (usersDone: number, userCount: number) => void;

const BLOCK = 512;
/** Row positions packed under the score in one float64 key: score·2^22 + (2^22 − 1 − position). */
const POSITION_BITS = 2 ** 22;
const MAX_SCORE_FOR_KEYS = 2 ** 30;

export function findCandidates(
  instance: MatchingInstance,
  settings: MatchingSettings,
  onProgress?: CandidateProgress,
): CandidateGraph {
  const { users, contacts } = instance;
  const n = users.count;
  const m = contacts.count;
  const radius = settings.travelRadiusKm;
  const runSlots = slotsForMinutes(settings.minMeetingMinutes);
  const cap = Math.max(0, Math.floor(settings.maxCandidatesPerUser));
  const scorer = new PairScorer(settings);
  const scanLimit = Math.max(0, Math.floor(settings.minFeasibleScanned));
  const firstRingKm = scanLimit > 0 ? radius / 16 : radius;

  // Ineligible contacts and contacts without room never enter the index (rule 1; capacity).
  const open: number[] = [];
  for (let c = 0; c < m; c++) {
    if (contacts.eligible[c] && contacts.freeUserSlots[c] > 0 && contacts.freeWeeklyHours[c] > 0)
      open.push(c);
  }
  const index = open.length > 0 ? new KDBush(open.length) : null;
  if (index) {
    for (const c of open) index.add(contacts.lon[c], contacts.lat[c]);
    index.finish();
  }

  const excludedMark = new Int32Array(m).fill(-1);
  const userFunnel = new Uint8Array(n);
  const rowPairStart = new Int32Array(BLOCK + 1);
  const pairContact = new GrowableArray(int32s, 1 << 16);
  const pairDistance = new GrowableArray(float32s, 1 << 16);
  const keys = new GrowableArray(float64s, 1 << 12);
  const edgeContact = new GrowableArray(int32s, Math.min(n * Math.max(cap, 1), 1 << 20) + 16);
  const edgeScore = new GrowableArray(int32s, Math.min(n * Math.max(cap, 1), 1 << 20) + 16);
  const box: DegreeBox = { minLon: 0, minLat: 0, maxLon: 0, maxLat: 0 };
  let feasiblePairs = 0;
  let searchMs = 0;
  let scoringMs = 0;

  // Users are visited in k-d tree order, so consecutive searches touch the same contacts (cache-warm);
  // rows are put back in user order at the end.
  const order = spatialOrder(users.lat, users.lon, n);
  const rowLength = new Int32Array(n);
  for (let first = 0; first < n; first += BLOCK) {
    const last = Math.min(n, first + BLOCK);
    const t0 = performance.now();
    pairContact.length = 0;
    pairDistance.length = 0;
    for (let i = first; i < last; i++) {
      const u = order[i];
      rowPairStart[i - first] = pairContact.length;
      let funnel: number = PairVerdict.OutOfRadius;
      if (index) {
        for (let k = users.excludedStart[u]; k < users.excludedStart[u + 1]; k++)
          excludedMark[users.excludedContact[k]] = u;
        const lat = users.lat[u];
        const lon = users.lon[u];
        const lonScale = longitudeScale(lat);
        let feasible = 0;
        // Growing circles: each pass takes the ring (inner, r]; the loop ends at the full radius or once enough were seen.
        let inner = -1;
        for (let r = firstRingKm; ; r = Math.min(radius, r * Math.SQRT2)) {
          boxAround(lat, lon, r, box);
          const found = index.range(box.minLon, box.minLat, box.maxLon, box.maxLat);
          for (let f = 0; f < found.length; f++) {
            const c = open[found[f]];
            const d = distanceFromKm(lat, lon, lonScale, contacts.lat[c], contacts.lon[c]);
            if (!(d <= r) || d <= inner) continue;
            if (excludedMark[c] === u) {
              if (funnel < PairVerdict.Excluded) funnel = PairVerdict.Excluded;
              continue;
            }
            if (!meetsPreferences(instance, u, c)) {
              if (funnel < PairVerdict.Preferences) funnel = PairVerdict.Preferences;
              continue;
            }
            if (!hasEnoughHours(instance, u, c)) {
              if (funnel < PairVerdict.NotEnoughContactHours) funnel = PairVerdict.NotEnoughContactHours;
              continue;
            }
            if (
              !sharesWindow(
                users.availability,
                u * DAYS_PER_WEEK,
                contacts.availability,
                c * DAYS_PER_WEEK,
                runSlots,
              )
            ) {
              if (funnel < PairVerdict.NoSharedTime) funnel = PairVerdict.NoSharedTime;
              continue;
            }
            funnel = PairVerdict.Feasible;
            if (pairContact.length - rowPairStart[i - first] >= POSITION_BITS - 1) continue;
            pairContact.push(c);
            pairDistance.push(d);
            feasible++;
          }
          if (r >= radius || (scanLimit > 0 && feasible >= scanLimit)) break;
          inner = r;
        }
      }
      userFunnel[u] = funnel;
    }
    rowPairStart[last - first] = pairContact.length;
    const t1 = performance.now();
    searchMs += t1 - t0;

    for (let i = first; i < last; i++) {
      const u = order[i];
      const from = rowPairStart[i - first];
      const count = rowPairStart[i - first + 1] - from;
      feasiblePairs += count;
      keys.reserve(count);
      const key = keys.data;
      const userPart = scorer.userConstant(instance, u);
      for (let p = 0; p < count; p++) {
        const s = scorer.score(
          instance,
          u,
          pairContact.data[from + p],
          pairDistance.data[from + p],
          userPart,
        );
        if (s < 0 || s >= MAX_SCORE_FOR_KEYS)
          throw new RangeError(`score ${s} outside 0..2^30; check the weights`);
        key[p] = s * POSITION_BITS + (POSITION_BITS - 1 - p);
      }
      const kept = Math.min(count, cap);
      selectLargest(key, count, kept);
      for (let q = count - kept; q < count; q++) {
        const s = Math.floor(key[q] / POSITION_BITS);
        const p = POSITION_BITS - 1 - (key[q] - s * POSITION_BITS);
        edgeContact.push(pairContact.data[from + p]);
        edgeScore.push(s);
      }
      rowLength[u] = kept;
    }
    scoringMs += performance.now() - t1;
    onProgress?.(last, n);
  }

  const rows = rowsInUserOrder(order, rowLength, edgeContact.data, edgeScore.data);
  return {
    userCount: n,
    contactCount: m,
    capacity: usableCapacity(instance, rows.userStart, rows.edgeContact),
    ...rows,
    userFunnel,
    feasiblePairs,
    searchMs,
    scoringMs,
  };
}

function spatialOrder(lat: Float64Array, lon: Float64Array, n: number): ArrayLike<number> {
  if (n === 0) return new Int32Array(0);
  const index = new KDBush(n);
  for (let u = 0; u < n; u++) index.add(lon[u], lat[u]);
  return index.finish().ids;
}

/** Edges were appended row by row in visiting order; CSR wants them by user index. */
function rowsInUserOrder(
  order: ArrayLike<number>,
  rowLength: Int32Array,
  contactsByVisit: Int32Array,
  scoresByVisit: Int32Array,
) {
  const n = rowLength.length;
  const userStart = new Int32Array(n + 1);
  for (let u = 0; u < n; u++) userStart[u + 1] = userStart[u] + rowLength[u];
  const edgeContact = new Int32Array(userStart[n]);
  const edgeScore = new Int32Array(userStart[n]);
  let from = 0;
  for (let i = 0; i < n; i++) {
    const u = order[i];
    const len = rowLength[u];
    edgeContact.set(contactsByVisit.subarray(from, from + len), userStart[u]);
    edgeScore.set(scoresByVisit.subarray(from, from + len), userStart[u]);
    from += len;
  }
  return { userStart, edgeContact, edgeScore };
}

/**
 * Capacity in users. Free hours make this a knapsack (NP-hard to combine exactly with the matching),
 * so hours are handled as (1) a hard filter per pair (hasEnoughHours) and (2) a user-slot bound: the
 * largest k such that the k smallest weekly hours among the contact's candidates fit in its free hours,
 * which no feasible assignment can exceed. If the chosen users of a contact still need more hours than
 * it has, the engine's hours repair (hours-repair.ts) drops its weakest pairs, so proposals never
 * overbook a contact.
 */
function usableCapacity(
  instance: MatchingInstance,
  userStart: Int32Array,
  edgeContact: Int32Array,
): Int32Array {
  const { users, contacts } = instance;
  const m = contacts.count;
  // Candidate hours grouped by contact (CSR by contact), then sorted within each contact.
  const contactStart = new Int32Array(m + 1);
  for (let e = 0; e < edgeContact.length; e++) contactStart[edgeContact[e] + 1]++;
  for (let c = 0; c < m; c++) contactStart[c + 1] += contactStart[c];
  const next = contactStart.slice(0, m);
  const hours = new Float32Array(edgeContact.length);
  for (let u = 0; u < users.count; u++) {
    for (let e = userStart[u]; e < userStart[u + 1]; e++)
      hours[next[edgeContact[e]]++] = users.weeklyHours[u];
  }
  const capacity = new Int32Array(m);
  for (let c = 0; c < m; c++) {
    const own = hours.subarray(contactStart[c], contactStart[c + 1]).sort();
    const slots = Math.min(contacts.freeUserSlots[c], own.length);
    let used = 0;
    let k = 0;
    while (k < slots && used + own[k] <= contacts.freeWeeklyHours[c]) used += own[k++];
    capacity[c] = k;
  }
  return capacity;
}
