import { INestApplication } from '@nestjs/common';
import { contactBody, daysAgo, today } from '../factories';
import { DecisionRow, seedUserWithDecision } from './seed-rows';
import { as, dataSourceOf } from './test-app';

type Client = ReturnType<typeof as>;

/** Near the contacts of `contactBody` (Oslo centre), free Tuesday afternoons and evenings. */
export const NEAR = { latitude: 59.915, longitude: 10.76 };
export const TUESDAY_EVENINGS = [{ day: 'tue', start: '16:00', end: '21:00' }];

/** A contact who may be introduced today: eligible, active, in Oslo, free Tuesdays 17–20. */
export async function newContact(coordinator: Client, overrides: Record<string, unknown> = {}) {
  const response = await coordinator
    .post('/contacts')
    .send(contactBody({ maxUsers: 3, maxWeeklyHours: 20, ...overrides }));
  if (response.status !== 201)
    throw new Error(`contact: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as { id: string; firstName: string; lastName: string };
}

/** A user waiting since `waitingDays` ago with an individual vedtak of 4 hours a week, placed where matching sees them. */
export async function newWaitingUser(
  app: INestApplication,
  municipalityId: string,
  waitingDays = 10,
  decision: DecisionRow = {},
) {
  const user = await seedUserWithDecision(app, municipalityId, {
    serviceForm: 'individual',
    hoursGranted: 4,
    hoursPeriod: 'week',
    validFrom: daysAgo(waitingDays),
    ...decision,
  });
  await dataSourceOf(app).query(
    `UPDATE service_users SET latitude = $2, longitude = $3, availability = $4, languages = '{nb}' WHERE id = $1`,
    [user.id, NEAR.latitude, NEAR.longitude, JSON.stringify(TUESDAY_EVENINGS)],
  );
  return user;
}

/** An open proposal written as a finished run would write it. */
export async function seedProposal(
  app: INestApplication,
  municipalityId: string,
  serviceUserId: string,
  contactId: string,
): Promise<string> {
  const db = dataSourceOf(app);
  const [run] = await db.query(
    `INSERT INTO matching_runs (municipality_id, trigger, run_date, status, requested_by)
     VALUES ($1, 'manual', $2, 'completed', 'test') RETURNING id`,
    [municipalityId, today()],
  );
  const [proposal] = await db.query(
    `INSERT INTO proposals (municipality_id, run_id, service_user_id, contact_id, score, components, reason)
     VALUES ($1, $2, $3, $4, 500, '{}', 'test proposal') RETURNING id`,
    [municipalityId, run.id, serviceUserId, contactId],
  );
  return proposal.id as string;
}

/**
 * As if the booked meeting had been held an hour ago (outcomes are recorded after the meeting), by the
 * service's clock, not the database's.
 */
export async function holdMeeting(app: INestApplication, introductionId: string): Promise<void> {
  const now = Date.now();
  await dataSourceOf(app).query(`UPDATE introductions SET starts_at = $2, ends_at = $3 WHERE id = $1`, [
    introductionId,
    new Date(now - 2 * 3_600_000),
    new Date(now - 3_600_000),
  ]);
}

/** An instant `days` from now at a whole hour (UTC), for bookings. */
export function inDays(days: number, hourUtc = 16): string {
  const date = new Date(Date.now() + days * 86_400_000);
  date.setUTCHours(hourUtc, 0, 0, 0);
  return date.toISOString();
}

/** Meeting hours around the clock, for suites about booking rather than about meeting hours. */
export async function meetAroundTheClock(app: INestApplication, municipalityId: string): Promise<void> {
  const allWeek = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((day) => ({
    day,
    start: '00:00',
    end: '24:00',
  }));
  await dataSourceOf(app).query(`UPDATE municipalities SET meeting_hours = $2 WHERE id = $1`, [
    municipalityId,
    JSON.stringify(allWeek),
  ]);
}
