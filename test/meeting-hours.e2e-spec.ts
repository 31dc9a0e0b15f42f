import { INestApplication } from '@nestjs/common';
import { addDays } from '../src/common/dates';
import { osloInstant, weekdayOf } from '../src/introductions/oslo-time';
import { daysAgo } from './factories';
import { newContact, newWaitingUser } from './support/introduction-fixtures';
import { as, createMunicipality, createTestApp, dataSourceOf, tokenFor } from './support/test-app';

/** The next date after today (Oslo) that falls on `day`. */
function next(day: string): string {
  let date = addDays(daysAgo(0), 1);
  while (weekdayOf(date) !== day) date = addDays(date, 1);
  return date;
}
const at = (date: string, hh: number, mm = 0) => osloInstant(date, hh * 60 + mm).toISOString();

/** Introduction meetings only in the municipality's meeting hours (default Monday–Friday 08:00–16:00 Oslo). */
describe('meeting hours', () => {
  let app: INestApplication;
  let municipalityId: string;
  let coordinator: ReturnType<typeof as>;
  let admin: ReturnType<typeof as>;

  beforeAll(async () => {
    app = await createTestApp();
    municipalityId = (await createMunicipality(app)).id;
    coordinator = as(app, await tokenFor(app, 'coordinator', municipalityId));
    admin = as(app, await tokenFor(app, 'admin', municipalityId));
  });
  afterAll(() => app.close());

  const introduction = async (availability: unknown[] = []) => {
    const contact = await newContact(coordinator, { availability });
    const user = await newWaitingUser(app, municipalityId);
    // No availability recorded for the user: the meeting hours and the contact decide.
    await dataSourceOf(app).query(`UPDATE service_users SET availability = '[]' WHERE id = $1`, [user.id]);
    return (
      await coordinator
        .post('/introductions')
        .send({ serviceUserId: user.id, contactId: contact.id })
        .expect(201)
    ).body as { id: string };
  };

  it('has Monday–Friday 08:00–16:00 as the default', async () => {
    const municipality = await coordinator.get('/municipality').expect(200);
    expect(municipality.body.meetingHours).toEqual(
      ['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => ({ day, start: '08:00', end: '16:00' })),
    );
  });

  it('suggests only times inside the meeting hours', async () => {
    const intro = await introduction();
    const suggested = await coordinator.get(`/introductions/${intro.id}/suggested-times?count=5`).expect(200);
    expect(suggested.body.times.length).toBeGreaterThan(0);
    for (const time of suggested.body.times as { startsAt: string; endsAt: string }[]) {
      const local = new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Europe/Oslo',
        weekday: 'short',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }).format(new Date(time.startsAt));
      expect(local).toMatch(/^(Mon|Tue|Wed|Thu|Fri) (0[89]|1[0-5]):\d\d$/);
    }
    // A contact free only on Sunday nights gets no suggestion at all.
    const night = await introduction([{ day: 'sun', start: '02:00', end: '05:00' }]);
    const none = await coordinator.get(`/introductions/${night.id}/suggested-times`).expect(200);
    expect(none.body.times).toEqual([]);
  });

  it('refuses a booking at Sunday 03:00, or running past 16:00 (409 outside_meeting_hours), and books Wednesday 10:00', async () => {
    const intro = await introduction();
    for (const startsAt of [at(next('sun'), 3), at(next('wed'), 15, 30), at(next('tue'), 7, 30)]) {
      const refused = await coordinator
        .post(`/introductions/${intro.id}/booking`)
        .send({ startsAt })
        .expect(409);
      expect(refused.body).toMatchObject({ code: 'outside_meeting_hours' });
    }
    expect((await coordinator.get(`/introductions/${intro.id}`).expect(200)).body.status).toBe(
      'awaiting_booking',
    );
    await coordinator
      .post(`/introductions/${intro.id}/booking`)
      .send({ startsAt: at(next('wed'), 10) })
      .expect(201);
  });

  it("follows the municipality's own setting, which only an admin changes and which is validated", async () => {
    const saturday = [{ day: 'sat', start: '10:00', end: '14:00' }];
    await coordinator.patch('/municipality/settings').send({ meetingHours: saturday }).expect(403);
    for (const bad of [
      [],
      [{ day: 'sat', start: '14:00', end: '10:00' }],
      [{ day: 'sun', start: 'x', end: '10:00' }],
    ]) {
      await admin.patch('/municipality/settings').send({ meetingHours: bad }).expect(400);
    }
    const updated = await admin.patch('/municipality/settings').send({ meetingHours: saturday }).expect(200);
    expect(updated.body.meetingHours).toEqual(saturday);
    const intro = await introduction();
    await coordinator
      .post(`/introductions/${intro.id}/booking`)
      .send({ startsAt: at(next('wed'), 10) })
      .expect(409);
    await coordinator
      .post(`/introductions/${intro.id}/booking`)
      .send({ startsAt: at(next('sat'), 11) })
      .expect(201);
  });
});
