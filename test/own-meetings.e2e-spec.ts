import { INestApplication } from '@nestjs/common';
import { OwnMeetingResponse } from '../src/introductions/dto/own-meeting.response';
import { inDays, meetAroundTheClock, newContact, newWaitingUser } from './support/introduction-fixtures';
import { as, createMunicipality, createTestApp, dataSourceOf, tokenFor } from './support/test-app';

describe("GET /contacts/me/introductions: a contact's own upcoming meetings", () => {
  let app: INestApplication;
  let municipalityId: string;
  let coordinator: ReturnType<typeof as>;
  let caseworker: ReturnType<typeof as>;

  beforeAll(async () => {
    app = await createTestApp();
    municipalityId = (await createMunicipality(app)).id;
    await meetAroundTheClock(app, municipalityId);
    coordinator = as(app, await tokenFor(app, 'coordinator', municipalityId));
    caseworker = as(app, await tokenFor(app, 'caseworker', municipalityId));
  });
  afterAll(async () => {
    await app.close();
  });

  const handPick = async (serviceUserId: string, contactId: string) =>
    (await coordinator.post('/introductions').send({ serviceUserId, contactId }).expect(201)).body as {
      id: string;
    };
  const book = (id: string, startsAt: string, location: string) =>
    caseworker.post(`/introductions/${id}/booking`).send({ startsAt, location }).expect(201);

  it('lists only their own booked meetings, minimised, and logs the read of each user', async () => {
    const mine = await newContact(coordinator, { maxUsers: 3 });
    const other = await newContact(coordinator, { maxUsers: 3 });
    const booked = await newWaitingUser(app, municipalityId);
    const awaiting = await newWaitingUser(app, municipalityId);
    const othersUser = await newWaitingUser(app, municipalityId);
    await dataSourceOf(app).query(`UPDATE service_users SET guardian_name = 'Foresatt Fos' WHERE id = $1`, [
      booked.id,
    ]);

    const first = await handPick(booked.id, mine.id);
    await book(first.id, inDays(3, 15), 'Biblioteket, 2. etasje');
    await handPick(awaiting.id, mine.id); // awaiting a time: not a meeting yet
    const othersMeeting = await handPick(othersUser.id, other.id);
    await book(othersMeeting.id, inDays(4, 15), 'Rådhuset');

    const contact = as(app, await tokenFor(app, 'contact', municipalityId, mine.id));
    const requestId = `req-own-meetings-${Date.now()}`;
    const answer = await contact.get('/contacts/me/introductions').set('X-Request-Id', requestId).expect(200);
    expect(answer.headers['cache-control']).toBe('no-store');
    const meetings = answer.body as OwnMeetingResponse[];
    expect(meetings).toHaveLength(1);
    const [meeting] = meetings;
    expect(Object.keys(meeting).sort()).toEqual([...OwnMeetingResponse.FIELDS].sort());
    expect(Object.keys(meeting.serviceUser).sort()).toEqual(['firstName', 'hasGuardian', 'id']);
    expect(meeting).toMatchObject({
      id: first.id,
      location: 'Biblioteket, 2. etasje',
      serviceUser: { id: booked.id, hasGuardian: true },
    });
    expect(new Date(meeting.startsAt).toISOString()).toBe(inDays(3, 15));
    expect(JSON.stringify(meetings)).not.toMatch(/\d{11}|Rådhuset|lastName|decision/);

    const logged: { subject_id: string; outcome: string; role: string }[] = await dataSourceOf(app).query(
      `SELECT subject_id, outcome, role FROM access_log WHERE client_request_id = $1 AND municipality_id = $2`,
      [requestId, municipalityId],
    );
    expect(logged).toEqual([{ subject_id: booked.id, outcome: 'allowed', role: 'contact' }]);

    // The other contact sees their own meeting and never this one.
    const otherContact = as(app, await tokenFor(app, 'contact', municipalityId, other.id));
    const theirs = (await otherContact.get('/contacts/me/introductions').expect(200))
      .body as OwnMeetingResponse[];
    expect(theirs.map((m) => m.id)).toEqual([othersMeeting.id]);

    // A contact of another municipality with the same id sees nothing.
    const elsewhere = (await createMunicipality(app)).id;
    const foreign = as(app, await tokenFor(app, 'contact', elsewhere, mine.id));
    expect((await foreign.get('/contacts/me/introductions').expect(200)).body).toEqual([]);
  });

  it('leaves out cancelled and past meetings', async () => {
    const mine = await newContact(coordinator, { maxUsers: 3 });
    const user = await newWaitingUser(app, municipalityId);
    const intro = await handPick(user.id, mine.id);
    await book(intro.id, inDays(2, 15), 'Kafé');
    const contact = as(app, await tokenFor(app, 'contact', municipalityId, mine.id));
    expect((await contact.get('/contacts/me/introductions').expect(200)).body).toHaveLength(1);

    const now = Date.now();
    await dataSourceOf(app).query(`UPDATE introductions SET starts_at = $2, ends_at = $3 WHERE id = $1`, [
      intro.id,
      new Date(now - 2 * 3_600_000),
      new Date(now - 3_600_000),
    ]);
    expect((await contact.get('/contacts/me/introductions').expect(200)).body).toEqual([]);
  });

  it('is for contacts only', async () => {
    await coordinator.get('/contacts/me/introductions').expect(403);
    await caseworker.get('/contacts/me/introductions').expect(403);
  });
});
