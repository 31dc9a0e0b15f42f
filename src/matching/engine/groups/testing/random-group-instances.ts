/**
 * Seeded synthetic group-formation instances for property tests and the benchmark: homes in a few
 * neighbourhoods, a handful of popular interests, availability in typical afternoon/evening/weekend blocks
 * with some jitter, some ineligible or busy contacts, and a few existing groups with open seats.
 */
import { WeeklyInterval } from '../../bitsets';
import { OSLO } from '../../testing/instance-factory';
import { seededRandom } from '../../synthetic-instance';
import { buildGroupInstance, GroupInstance } from '../instance';
import { ExistingGroupInput, GroupContactInput, GroupUserInput } from '../types';

export interface GroupInstanceShape {
  users: number;
  contacts: number;
  existingGroups: number;
  /** How many interest codes are in use (0..themes-1). */
  themes: number;
  /** Neighbourhood centres spread over this many km around Oslo. */
  spreadKm: number;
  neighbourhoods: number;
  /** Typical weekly blocks people pick from. */
  blocks: number;
}

export const SMALL_SHAPE: GroupInstanceShape = {
  users: 20,
  contacts: 4,
  existingGroups: 1,
  themes: 4,
  spreadKm: 12,
  neighbourhoods: 3,
  blocks: 4,
};

const BLOCKS: WeeklyInterval[] = [
  { day: 0, startMinute: 16 * 60, endMinute: 20 * 60 },
  { day: 2, startMinute: 17 * 60, endMinute: 21 * 60 },
  { day: 5, startMinute: 10 * 60, endMinute: 14 * 60 },
  { day: 3, startMinute: 15 * 60, endMinute: 19 * 60 },
  { day: 1, startMinute: 18 * 60, endMinute: 22 * 60 },
  { day: 6, startMinute: 12 * 60, endMinute: 16 * 60 },
  { day: 4, startMinute: 14 * 60, endMinute: 18 * 60 },
];

export interface GroupInstanceInputs {
  users: GroupUserInput[];
  contacts: GroupContactInput[];
  groups: ExistingGroupInput[];
}

export function randomGroupInputs(seed: number, shape: GroupInstanceShape): GroupInstanceInputs {
  const random = seededRandom(seed);
  const pick = (n: number) => Math.floor(random() * n);
  const kmLat = 1 / 111.195;
  const kmLon = kmLat / Math.cos((OSLO.lat * Math.PI) / 180);
  const centres = Array.from({ length: shape.neighbourhoods }, () => ({
    lat: OSLO.lat + (random() - 0.5) * shape.spreadKm * kmLat,
    lon: OSLO.lon + (random() - 0.5) * shape.spreadKm * kmLon,
  }));
  const home = () => {
    const c = centres[pick(centres.length)];
    return { lat: c.lat + (random() - 0.5) * 6 * kmLat, lon: c.lon + (random() - 0.5) * 6 * kmLon };
  };
  const blocks = BLOCKS.slice(0, Math.max(1, Math.min(BLOCKS.length, shape.blocks)));
  const availability = (): WeeklyInterval[] => {
    const count = 1 + pick(2);
    const out: WeeklyInterval[] = [];
    const days = new Set<number>();
    for (let i = 0; i < count; i++) {
      const b = blocks[pick(blocks.length)];
      if (days.has(b.day)) continue;
      days.add(b.day);
      const shift = (pick(3) - 1) * 30;
      out.push({ day: b.day, startMinute: b.startMinute + shift, endMinute: b.endMinute + shift });
    }
    return out;
  };
  // Popular interests first: code k is chosen with weight 1/(k+1).
  const interest = () => {
    const total = Array.from({ length: shape.themes }, (_, k) => 1 / (k + 1)).reduce((a, b) => a + b, 0);
    let r = random() * total;
    for (let k = 0; k < shape.themes; k++) {
      r -= 1 / (k + 1);
      if (r <= 0) return k;
    }
    return shape.themes - 1;
  };
  const interests = () => [...new Set(Array.from({ length: 1 + pick(3) }, interest))];

  const contacts: GroupContactInput[] = Array.from({ length: shape.contacts }, (_, j) => ({
    id: `c${j}`,
    ...home(),
    interests: interests(),
    availability: availability(),
    eligible: random() > 0.1,
    freeUserSlots: pick(3),
    freeWeeklyHours: 2 + pick(4) * 2,
  }));
  const users: GroupUserInput[] = Array.from({ length: shape.users }, (_, i) => ({
    id: `u${i}`,
    ...home(),
    interests: interests(),
    availability: availability(),
    waitingDays: pick(400),
    excludedContactIds: random() < 0.05 && shape.contacts > 0 ? [`c${pick(shape.contacts)}`] : [],
  }));
  const groups: ExistingGroupInput[] = Array.from({ length: shape.existingGroups }, (_, k) => {
    const b = blocks[pick(blocks.length)];
    const start = b.startMinute + 30 * pick(3);
    return {
      id: `g${k}`,
      ...home(),
      interests: [interest()],
      meetingTimes: [{ day: b.day, startMinute: start, endMinute: start + 120 }],
      memberCount: 2 + pick(4),
      contactIds: shape.contacts > 0 && random() < 0.7 ? [`c${pick(shape.contacts)}`] : [],
    };
  });
  return { users, contacts, groups };
}

export function randomGroupInstance(seed: number, shape: GroupInstanceShape): GroupInstance {
  const inputs = randomGroupInputs(seed, shape);
  return buildGroupInstance(inputs.users, inputs.contacts, inputs.groups);
}
