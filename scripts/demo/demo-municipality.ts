import { addDays, addMonths } from '../../src/common/dates';
import { WeeklySlot, Weekday } from '../../src/common/scheduling/weekly-slot';
import { DEFAULT_INTERESTS } from '../../src/municipalities/default-interests';
import { generateValidNationalId } from '../../src/service-users/national-id';
import { SeededRandom } from './random';

/**
 * A realistic synthetic municipality as plain rows: contacts (some politiattester missing or too old),
 * service users with decisions, activity groups and some running assignments. Pure and deterministic:
 * the same seed and reference date give the same rows.
 */
export interface DemoData {
  contacts: DemoContact[];
  users: DemoUser[];
  groups: DemoGroup[];
  assignments: DemoAssignment[];
}

export interface DemoContact {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  birthYear: number;
  gender: 'female' | 'male';
  languages: string[];
  postalCode: string;
  latitude: number;
  longitude: number;
  interests: string[];
  availability: WeeklySlot[];
  maxUsers: number;
  maxWeeklyHours: number;
  drivesOwnCar: boolean;
  policeCertificateIssuedOn: string | null;
  policeCertificatePresentedOn: string | null;
  confidentialitySignedOn: string | null;
}

export interface DemoUser {
  id: string;
  nationalId: string;
  firstName: string;
  lastName: string;
  birthDate: string;
  gender: 'female' | 'male';
  phone: string;
  languages: string[];
  postalCode: string;
  latitude: number;
  longitude: number;
  interests: string[];
  availability: WeeklySlot[];
  preferredContactGender: 'female' | 'male' | null;
  decision: {
    id: string;
    serviceForm: 'individual' | 'group' | 'volunteer_partnership';
    hoursGranted: number;
    hoursPeriod: 'week' | 'month';
    drivingKmGranted: number;
    decidedOn: string;
    validFrom: string;
    validTo: string;
    grantedByChildWelfare: boolean;
    waitingSince: string;
  };
}

export interface DemoGroup {
  id: string;
  name: string;
  interests: string[];
  postalCode: string;
  latitude: number;
  longitude: number;
  meetingTimes: WeeklySlot[];
  memberIds: string[];
}

export interface DemoAssignment {
  id: string;
  contactId: string;
  serviceUserId: string | null;
  groupId: string | null;
  decisionId: string | null;
  weeklyHours: number;
  startsOn: string;
  groupContactSeat: number | null;
}

const FEMALE = [
  'Kari',
  'Ingrid',
  'Nora',
  'Emma',
  'Sara',
  'Ida',
  'Maja',
  'Aisha',
  'Fatima',
  'Hanne',
  'Liv',
  'Sofie',
  'Amina',
  'Marte',
  'Thea',
  'Zofia',
];
const MALE = [
  'Ola',
  'Lars',
  'Jonas',
  'Emil',
  'Ali',
  'Mohamed',
  'Henrik',
  'Magnus',
  'Even',
  'Sindre',
  'Omar',
  'Tobias',
  'Jakub',
  'Aksel',
  'Per',
  'Knut',
];
const LAST = [
  'Hansen',
  'Johansen',
  'Olsen',
  'Larsen',
  'Andersen',
  'Pedersen',
  'Nilsen',
  'Kristiansen',
  'Jensen',
  'Karlsen',
  'Berg',
  'Haugen',
  'Hagen',
  'Bakken',
  'Ahmed',
  'Nowak',
  'Dahl',
  'Lund',
];
const AREAS = [
  { postalCode: '3015', latitude: 59.744, longitude: 10.204 },
  { postalCode: '3022', latitude: 59.733, longitude: 10.241 },
  { postalCode: '3036', latitude: 59.758, longitude: 10.148 },
  { postalCode: '3043', latitude: 59.772, longitude: 10.121 },
  { postalCode: '3050', latitude: 59.705, longitude: 10.262 },
];
const AREA_WEIGHTS = [5, 3, 2, 1, 1];
const INTEREST_CODES = DEFAULT_INTERESTS.map((i) => i.code);
// Skewed popularity: walks, cafe and cinema are common, fishing and art rare.
const INTEREST_WEIGHTS = INTEREST_CODES.map((_, index) => Math.max(1, 20 - index));
const EXTRA_LANGUAGES = ['en', 'ar', 'so', 'pl', 'ur', 'ti'];
const WEEKDAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
// Evening-heavy: most people meet after work or school.
const PARTS_OF_DAY = [
  { start: '10:00', end: '14:00' },
  { start: '16:00', end: '19:00' },
  { start: '18:00', end: '21:00' },
];
const PART_WEIGHTS = [2, 4, 5];

const uuid = (prefix: number, index: number): string =>
  `5e7d${prefix.toString(16).padStart(4, '0')}-0000-4000-8000-${index.toString(16).padStart(12, '0')}`;

function availability(random: SeededRandom, slots: number): WeeklySlot[] {
  const result: WeeklySlot[] = [];
  const used = new Set<string>();
  for (let i = 0; i < slots; i++) {
    const day = random.pick(WEEKDAYS);
    if (used.has(day)) continue;
    used.add(day);
    result.push({ day, ...random.weighted(PARTS_OF_DAY, PART_WEIGHTS) });
  }
  return result;
}

function home(random: SeededRandom) {
  const area = random.weighted(AREAS, AREA_WEIGHTS);
  return {
    postalCode: area.postalCode,
    latitude: Number(random.gaussian(area.latitude, 0.012).toFixed(5)),
    longitude: Number(random.gaussian(area.longitude, 0.02).toFixed(5)),
  };
}

export function buildDemoMunicipality(today: string, seed = 20261123): DemoData {
  const random = new SeededRandom(seed);
  const contacts: DemoContact[] = [];
  for (let i = 0; i < 200; i++) {
    const gender = random.chance(0.6) ? 'female' : 'male';
    const firstName = random.pick(gender === 'female' ? FEMALE : MALE);
    const lastName = random.pick(LAST);
    const certificate = random.next();
    // A politiattest must be no older than 3 months on the day an assignment starts (DOMAIN rule 1): the
    // contacts in order present recent ones, so the demo's proposals can become assignments today.
    const issued = addDays(today, -random.int(5, 75));
    // ~72 % in order, ~10 % missing, ~10 % expired (over 36 months), ~8 % too old when presented.
    const [issuedOn, presentedOn] =
      certificate < 0.72
        ? [issued, addDays(issued, random.int(1, 40))]
        : certificate < 0.82
          ? [null, null]
          : certificate < 0.92
            ? [addDays(today, -random.int(1100, 1500)), addDays(today, -random.int(1000, 1090))]
            : [issued, addDays(issued, random.int(120, 200))];
    const presentedBeforeToday = presentedOn !== null && presentedOn > today ? today : presentedOn;
    contacts.push({
      id: uuid(1, i + 1),
      firstName,
      lastName,
      email: `${firstName}.${lastName}.${i + 1}@example.no`.toLowerCase(),
      phone: `+47 4${String(10000000 + i * 7919).slice(1, 8)}`,
      birthYear: random.int(1958, 2005),
      gender,
      languages: ['nb', ...(random.chance(0.35) ? [random.pick(EXTRA_LANGUAGES)] : [])],
      ...home(random),
      interests: random.distinct(INTEREST_CODES, INTEREST_WEIGHTS, random.int(2, 5)),
      availability: availability(random, random.int(1, 4)),
      maxUsers: random.int(1, 3),
      maxWeeklyHours: random.pick([4, 6, 8, 10, 12]),
      drivesOwnCar: random.chance(0.4),
      policeCertificateIssuedOn: issuedOn && issuedOn > today ? today : issuedOn,
      policeCertificatePresentedOn: presentedBeforeToday,
      confidentialitySignedOn: random.chance(0.93) ? addDays(today, -random.int(10, 600)) : null,
    });
  }

  const users: DemoUser[] = [];
  const usedNumbers = new Map<string, number>();
  for (let i = 0; i < 300; i++) {
    const gender = random.chance(0.5) ? 'female' : 'male';
    // Mostly children and youth, some adults and elderly; a few children under school age via child welfare.
    const childWelfare = i % 97 === 5;
    const age = childWelfare
      ? random.int(4, 5)
      : random.weighted(
          [random.int(7, 12), random.int(13, 19), random.int(20, 66), random.int(67, 90)],
          [3, 4, 3, 1],
        );
    const birthDate = addDays(addMonths(today, -12 * age), -random.int(0, 360));
    const from = usedNumbers.get(birthDate);
    const generated = generateValidNationalId(birthDate, {
      kind: 'synthetic',
      gender,
      fromIndividualNumber: from,
    })!;
    usedNumbers.set(birthDate, generated.individualNumber + 1);
    const form = random.weighted(['individual', 'group', 'volunteer_partnership'] as const, [76, 20, 4]);
    const weekly = random.chance(0.7);
    const decidedOn = addDays(today, -random.int(5, 200));
    const validFrom = addDays(decidedOn, random.int(0, 30));
    users.push({
      id: uuid(2, i + 1),
      nationalId: generated.nationalId,
      firstName: random.pick(gender === 'female' ? FEMALE : MALE),
      lastName: random.pick(LAST),
      birthDate,
      gender,
      phone: `+47 9${String(20000000 + i * 6007).slice(1, 8)}`,
      languages: ['nb', ...(random.chance(0.25) ? [random.pick(EXTRA_LANGUAGES)] : [])],
      ...home(random),
      interests: random.distinct(INTEREST_CODES, INTEREST_WEIGHTS, random.int(1, 4)),
      availability: availability(random, random.int(1, 3)),
      preferredContactGender: random.chance(0.2) ? gender : null,
      decision: {
        id: uuid(3, i + 1),
        serviceForm: form,
        hoursGranted: weekly ? random.pick([2, 3, 4, 5, 6]) : random.pick([8, 10, 12, 16, 20]),
        hoursPeriod: weekly ? 'week' : 'month',
        drivingKmGranted: random.chance(0.3) ? random.pick([50, 100, 150]) : 0,
        decidedOn,
        validFrom,
        validTo: addDays(addMonths(validFrom, random.pick([12, 24])), -1),
        grantedByChildWelfare: childWelfare,
        waitingSince: validFrom,
      },
    });
  }

  const groupUsers = users.filter((u) => u.decision.serviceForm === 'group');
  const groups: DemoGroup[] = [];
  for (let g = 0; g < 10; g++) {
    const area = AREAS[g % AREAS.length];
    const size = random.int(3, 5);
    const members = groupUsers.splice(0, size).map((u) => u.id);
    groups.push({
      id: uuid(4, g + 1),
      name: `${['Turgruppa', 'Kinoklubben', 'Kafégjengen', 'Spillkveld', 'Treningsgruppa'][g % 5]} ${area.postalCode}${g >= 5 ? ' II' : ''}`,
      interests: [
        ['walks', 'hiking'],
        ['cinema'],
        ['cafe'],
        ['gaming', 'board_games'],
        ['training', 'swimming'],
      ][g % 5],
      ...area,
      meetingTimes: [{ day: WEEKDAYS[g % 5], start: '17:00', end: '19:00' }],
      memberIds: members,
    });
  }

  // Some users already have a contact; the rest wait for the matching run.
  const assignments: DemoAssignment[] = [];
  const eligible = contacts.filter(
    (c) =>
      c.policeCertificateIssuedOn !== null &&
      c.policeCertificatePresentedOn !== null &&
      c.confidentialitySignedOn !== null &&
      addMonths(c.policeCertificateIssuedOn, 36) > today &&
      addDays(c.policeCertificateIssuedOn, 90) >= c.policeCertificatePresentedOn,
  );
  const load = new Map<string, { users: number; hours: number }>();
  const take = (contact: DemoContact, hours: number): boolean => {
    const current = load.get(contact.id) ?? { users: 0, hours: 0 };
    if (current.users + 1 > contact.maxUsers || current.hours + hours > contact.maxWeeklyHours) return false;
    load.set(contact.id, { users: current.users + 1, hours: current.hours + hours });
    return true;
  };
  groups.forEach((group, index) => {
    const contact = eligible[index];
    if (take(contact, 2)) {
      assignments.push({
        id: uuid(5, assignments.length + 1),
        contactId: contact.id,
        serviceUserId: null,
        groupId: group.id,
        decisionId: null,
        weeklyHours: 2,
        startsOn: addDays(today, -random.int(10, 200)),
        groupContactSeat: 1,
      });
    }
  });
  const individuals = users.filter(
    (u) => u.decision.serviceForm !== 'group' && u.decision.validFrom <= today,
  );
  for (let i = 0; i < 90 && i < individuals.length; i++) {
    const user = individuals[i];
    const contact = eligible[(i * 7 + 11) % eligible.length];
    const hours =
      user.decision.hoursPeriod === 'week'
        ? user.decision.hoursGranted
        : Math.round((user.decision.hoursGranted * 12 * 100) / 52) / 100;
    if (!take(contact, hours)) continue;
    assignments.push({
      id: uuid(5, assignments.length + 1),
      contactId: contact.id,
      serviceUserId: user.id,
      groupId: null,
      decisionId: user.decision.id,
      weeklyHours: hours,
      startsOn: user.decision.validFrom,
      groupContactSeat: null,
    });
  }
  return { contacts, users, groups, assignments };
}
