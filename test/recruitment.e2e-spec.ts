import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { todayInOslo } from '../src/common/dates';
import { WeeklySlot } from '../src/common/scheduling/weekly-slot';
import { MatchingRunExecutor } from '../src/matching/matching-run.executor';
import { WorkerModule } from '../src/worker.module';
import { contactBody, daysAgo } from './factories';
import { seedUserWithDecision } from './support/seed-rows';
import { as, createMunicipality, createTestApp, dataSourceOf, tokenFor } from './support/test-app';

const OSLO = { latitude: 59.91, longitude: 10.75 };
/** 40 km north of the only contact: far outside the 15 km travel radius. */
const FAR_NORTH = { latitude: 60.27, longitude: 10.75 };
/** 35 km west. */
const FAR_WEST = { latitude: 59.91, longitude: 10.12 };
const TUESDAY_EVENING: WeeklySlot[] = [{ day: 'tue', start: '19:00', end: '22:00' }];
const THURSDAY_DAYTIME: WeeklySlot[] = [{ day: 'thu', start: '09:00', end: '13:00' }];

/**
 * The recruitment gap (issue 17) on a municipality where the answer is known by construction: one contact in Oslo
 * whom two nearby users take; three users in 1470 free Tuesday evening who like football, and one in 3015 free
 * Thursday daytime, all far from any contact. The first profile must serve exactly the three, the second the one.
 */
describe('GET /matching-runs/{id}/recruitment', () => {
  let app: INestApplication;
  let worker: INestApplicationContext;
  let db: DataSource;
  let municipalityId: string;
  let coordinator: ReturnType<typeof as>;
  const names: string[] = [];
  const userIds: string[] = [];

  async function user(
    firstName: string,
    place: { latitude: number; longitude: number },
    postalCode: string,
    availability: WeeklySlot[],
    interests: string[],
    waitedDays: number,
  ): Promise<void> {
    const seeded = await seedUserWithDecision(
      app,
      municipalityId,
      { hoursGranted: 3, validFrom: daysAgo(waitedDays) },
      { firstName },
    );
    await db.query(
      `UPDATE service_users SET latitude = $2, longitude = $3, postal_code = $4, availability = $5, interests = $6
        WHERE id = $1`,
      [seeded.id, place.latitude, place.longitude, postalCode, JSON.stringify(availability), interests],
    );
    names.push(firstName, seeded.lastName);
    userIds.push(seeded.id);
  }

  async function completedRun(): Promise<string> {
    const [run] = await db.query(
      `INSERT INTO matching_runs (municipality_id, trigger, run_date, requested_by)
       VALUES ($1, 'manual', $2, 'test') RETURNING id`,
      [municipalityId, todayInOslo(new Date())],
    );
    await worker.get(MatchingRunExecutor).execute(run.id, async () => undefined);
    return run.id;
  }

  beforeAll(async () => {
    app = await createTestApp();
    db = dataSourceOf(app);
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error'] });
    municipalityId = (await createMunicipality(app)).id;
    coordinator = as(app, await tokenFor(app, 'coordinator', municipalityId));
    await coordinator
      .post('/contacts')
      .send(contactBody({ ...OSLO, availability: TUESDAY_EVENING, maxUsers: 2, maxWeeklyHours: 10 }))
      .expect(201);
    await user('Nær', OSLO, '0150', TUESDAY_EVENING, ['cinema'], 20);
    await user('Nabo', OSLO, '0150', TUESDAY_EVENING, ['cinema'], 25);
    await user('Eldst', FAR_NORTH, '1470', TUESDAY_EVENING, ['football', 'cinema'], 212);
    await user('Midt', FAR_NORTH, '1470', TUESDAY_EVENING, ['football'], 150);
    await user('Yngst', FAR_NORTH, '1470', TUESDAY_EVENING, ['football', 'hiking'], 90);
    await user('Vest', FAR_WEST, '3015', THURSDAY_DAYTIME, ['chess'], 30);
  });
  afterAll(async () => {
    await worker.close();
    await app.close();
  });

  it('ranks the profile that serves the three in 1470 first, then the one in 3015, and forecasts no one left', async () => {
    const runId = await completedRun();
    const { body } = await coordinator.get(`/matching-runs/${runId}/recruitment`).expect(200);

    expect(body.runId).toBe(runId);
    expect(body.waiting).toMatchObject({
      unmatched: 4,
      withoutLocation: 0,
      byReason: { no_eligible_contact_in_radius: 4 },
    });
    expect(body.profiles).toHaveLength(2);
    const [first, second] = body.profiles;
    expect(first).toMatchObject({
      rank: 1,
      postalCode: '1470',
      day: 'tuesday',
      partOfDay: 'evening',
      start: '19:00',
      end: '23:00',
      capacityUsers: 3,
      marginalGain: 3,
      drives: false,
      serves: { users: 3, postalCodes: ['1470'], longestWaitingDays: 212 },
    });
    expect(first.interests[0]).toMatch(/football|fotball/);
    expect(first.serves.sharedInterests).toHaveLength(1);
    expect(first.description).toMatch(
      /^3 users in 1470, free tuesday evening, like .+; the longest has waited 212 days$/,
    );
    expect(second).toMatchObject({
      rank: 2,
      postalCode: '3015',
      day: 'thursday',
      partOfDay: 'daytime',
      marginalGain: 1,
      serves: { users: 1, longestWaitingDays: 30 },
    });
    expect(body.forecast).toMatchObject({
      waitingNow: 4,
      matchableWithoutRecruiting: 0,
      servedByProfiles: 4,
      stillWaiting: 0,
      longestStillWaitingDays: null,
      monthsToClear: 0,
    });
    expect(body.forecast.newDecisionsPer30Days).toBeGreaterThan(0);
    expect(body.areas.map((a: { postalCode: string; waiting: number }) => [a.postalCode, a.waiting])).toEqual(
      [
        ['1470', 3],
        ['3015', 1],
      ],
    );
  });

  it('is aggregate data: no user id or name in the answer, and no access-log row', async () => {
    const runId = await completedRun();
    const before = await db.query(
      `SELECT count(*)::int AS n FROM access_log WHERE route LIKE '%recruitment%'`,
    );
    const { text } = await coordinator.get(`/matching-runs/${runId}/recruitment`).expect(200);
    for (const value of [...userIds, ...names]) expect(text).not.toContain(value);
    const after = await db.query(
      `SELECT count(*)::int AS n FROM access_log WHERE route LIKE '%recruitment%'`,
    );
    expect(after[0].n).toBe(before[0].n);
  });

  it('answers 409 for a run that has not completed and 404 for an unknown or malformed one', async () => {
    const [queued] = await db.query(
      `INSERT INTO matching_runs (municipality_id, trigger, run_date, requested_by, status)
       VALUES ($1, 'nightly', $2, 'test', 'queued') RETURNING id`,
      [municipalityId, daysAgo(400)],
    );
    const conflict = await coordinator.get(`/matching-runs/${queued.id}/recruitment`).expect(409);
    expect(conflict.body).toMatchObject({ code: 'run_not_completed' });
    // A run completed before plans were computed (or whose plan failed) has none.
    const [older] = await db.query(
      `INSERT INTO matching_runs (municipality_id, trigger, run_date, requested_by, status, summary, finished_at)
       VALUES ($1, 'nightly', $2, 'test', 'completed', '{}', now()) RETURNING id`,
      [municipalityId, daysAgo(401)],
    );
    const none = await coordinator.get(`/matching-runs/${older.id}/recruitment`).expect(409);
    expect(none.body).toMatchObject({ code: 'recruitment_not_computed' });
    await coordinator.get(`/matching-runs/5e7d0001-0000-4000-8000-00000000ffff/recruitment`).expect(404);
    // A malformed id is a missing run, as on every route with an id.
    await coordinator.get(`/matching-runs/not-a-uuid/recruitment`).expect(404);
  });
});
