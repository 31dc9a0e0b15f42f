import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { daysAgo } from './factories';
import { hoursFixtures } from './support/hours-fixtures';
import { inDays, meetAroundTheClock, newContact, newWaitingUser } from './support/introduction-fixtures';
import { as, createMunicipality, createTestApp, dataSourceOf, tokenFor } from './support/test-app';

interface ParsedEvent {
  uid: string;
  start: string;
  summary: string;
  location?: string;
  all: string;
}

/** Reads an iCalendar text as RFC 5545 writes it: folded lines joined, one record per VEVENT. */
function parseFeed(text: string): { calendar: string[]; events: ParsedEvent[] } {
  const lines = text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter(Boolean);
  expect(lines[0]).toBe('BEGIN:VCALENDAR');
  expect(lines[lines.length - 1]).toBe('END:VCALENDAR');
  const events: ParsedEvent[] = [];
  let current: string[] | null = null;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') current = [];
    else if (line === 'END:VEVENT' && current) {
      const value = (name: string) =>
        current!.find((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`))?.replace(/^[^:]*:/, '');
      events.push({
        uid: value('UID')!,
        start: value('DTSTART')!,
        summary: value('SUMMARY')!,
        location: value('LOCATION'),
        all: current.join('\n'),
      });
      current = null;
    } else current?.push(line);
  }
  return { calendar: lines, events };
}

describe('calendar feeds: a private iCalendar feed per contact and per caseworker', () => {
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

  const fetchFeed = (url: string) =>
    request(app.getHttpServer()).get(new URL(url).pathname).set('Accept', 'text/calendar');

  it('gives the contact their meetings and sessions under stable UIDs; revoke stops it, renew replaces it', async () => {
    const contact = await newContact(coordinator, { maxUsers: 3 });
    const user = await newWaitingUser(app, municipalityId);
    await dataSourceOf(app).query(`UPDATE service_users SET first_name = 'Solveig' WHERE id = $1`, [user.id]);
    const intro = (
      await coordinator
        .post('/introductions')
        .send({ serviceUserId: user.id, contactId: contact.id })
        .expect(201)
    ).body as { id: string };
    await caseworker
      .post(`/introductions/${intro.id}/booking`)
      .send({ startsAt: inDays(3, 15), location: 'Biblioteket' })
      .expect(201);

    const asContact = as(app, await tokenFor(app, 'contact', municipalityId, contact.id));
    expect((await asContact.get('/calendar-feeds/me').expect(200)).body).toEqual({
      active: false,
      createdAt: null,
      url: null,
    });
    const made = (await asContact.post('/calendar-feeds/me').expect(200)).body as {
      url: string;
      active: boolean;
    };
    expect(made.active).toBe(true);
    expect(made.url).toMatch(/\/calendar-feeds\/feed\/[A-Za-z0-9_-]{43}$/);
    const status = (await asContact.get('/calendar-feeds/me').expect(200)).body as {
      active: boolean;
      url: null;
    };
    expect(status).toMatchObject({ active: true, url: null });

    const first = await fetchFeed(made.url).expect(200);
    expect(first.headers['content-type']).toMatch(/^text\/calendar/);
    expect(first.headers['cache-control']).toBe('no-store');
    const before = parseFeed(first.text);
    expect(before.events).toHaveLength(1);
    const [meeting] = before.events;
    expect(meeting.uid).toBe(`introduction-${intro.id}@stottekontakt`);
    expect(meeting.summary).toBe('Introduksjonsmøte med Solveig');
    expect(meeting.location).toBe('Biblioteket');
    // Nothing about the user beyond a first name: no surname, no fødselsnummer, no vedtak.
    const [row] = await dataSourceOf(app).query(`SELECT last_name FROM service_users WHERE id = $1`, [
      user.id,
    ]);
    expect(first.text).not.toContain(row.last_name);
    expect(first.text).not.toMatch(/\b\d{11}\b/);

    // Moved: the same UID at the new time, so the subscriber's calendar updates rather than duplicates.
    await caseworker
      .post(`/introductions/${intro.id}/booking`)
      .send({ startsAt: inDays(5, 16), location: 'Biblioteket' })
      .expect(201);
    const again = parseFeed((await fetchFeed(made.url).expect(200)).text);
    expect(again.events.map((e) => e.uid)).toEqual([meeting.uid]);
    expect(again.events[0].start).not.toBe(meeting.start);
    const twice = parseFeed((await fetchFeed(made.url).expect(200)).text);
    expect(twice.events.map((e) => e.uid)).toEqual(again.events.map((e) => e.uid));

    // Each read of the feed is logged as the contact's read of the user.
    const logged = await dataSourceOf(app).query(
      `SELECT count(*)::int AS n FROM access_log WHERE municipality_id = $1 AND action = 'calendar_feed' AND subject_id = $2`,
      [municipalityId, user.id],
    );
    expect(logged[0].n).toBe(3);

    // Renewed: the old address is gone, the new one works. Revoked: nothing works.
    const renewed = (await asContact.post('/calendar-feeds/me').expect(200)).body as { url: string };
    expect(renewed.url).not.toBe(made.url);
    const gone = await fetchFeed(made.url).expect(404);
    expect(gone.body.code).toBe('calendar_feed_not_found');
    expect(parseFeed((await fetchFeed(renewed.url).expect(200)).text).events.map((e) => e.uid)).toEqual([
      meeting.uid,
    ]);
    await asContact.delete('/calendar-feeds/me').expect(204);
    await fetchFeed(renewed.url).expect(404);
    expect((await asContact.get('/calendar-feeds/me').expect(200)).body).toMatchObject({ active: false });
    await request(app.getHttpServer()).get('/calendar-feeds/feed/not-a-token').expect(404);
  });

  it("gives the caseworker the meetings they hold, and a contact's feed their logged sessions", async () => {
    const contact = await newContact(coordinator, { maxUsers: 3 });
    const user = await newWaitingUser(app, municipalityId);
    const intro = (
      await coordinator
        .post('/introductions')
        .send({ serviceUserId: user.id, contactId: contact.id })
        .expect(201)
    ).body as { id: string };
    await caseworker
      .post(`/introductions/${intro.id}/booking`)
      .send({ startsAt: inDays(4, 15), location: 'Rådhuset' })
      .expect(201);
    const feed = (await caseworker.post('/calendar-feeds/me').expect(200)).body as { url: string };
    const events = parseFeed((await fetchFeed(feed.url).expect(200)).text).events;
    expect(events.map((e) => e.uid)).toContain(`introduction-${intro.id}@stottekontakt`);
    expect(events.find((e) => e.uid === `introduction-${intro.id}@stottekontakt`)?.all).toMatch(
      new RegExp(`/introduksjoner/${intro.id}`),
    );
    // The coordinator's own feed is another person's: it holds none of the caseworker's meetings.
    const theirs = (await coordinator.post('/calendar-feeds/me').expect(200)).body as { url: string };
    expect(parseFeed((await fetchFeed(theirs.url).expect(200)).text).events).toEqual([]);

    const fx = hoursFixtures(app, municipalityId, coordinator);
    const { contact: worker, assignmentId } = await fx.individual({}, daysAgo(20));
    const logged = (
      await worker.client
        .post('/sessions')
        .send(fx.session(assignmentId, { date: daysAgo(2) }))
        .expect(201)
    ).body as { id: string };
    const own = (await worker.client.post('/calendar-feeds/me').expect(200)).body as { url: string };
    const sessions = parseFeed((await fetchFeed(own.url).expect(200)).text).events;
    expect(sessions.map((e) => e.uid)).toEqual([`session-${logged.id}@stottekontakt`]);
    expect(sessions[0].summary).toMatch(/^Økt som støttekontakt med /);
    expect(sessions[0].all).not.toContain('Tur i marka');
  });

  it('gives the contact their planned sessions under stable UIDs, with first names only; a logged session takes a plan’s place', async () => {
    const fx = hoursFixtures(app, municipalityId, coordinator);
    const { contact, user, assignmentId } = await fx.individual({}, daysAgo(20));
    const [names] = await dataSourceOf(app).query<{ first_name: string; last_name: string }[]>(
      `SELECT first_name, last_name FROM service_users WHERE id = $1`,
      [user.id],
    );
    const inThreeDays = inDays(3, 12).slice(0, 10);
    const plan = (
      await contact.client
        .post('/planned-sessions')
        .send({ assignmentId, date: inThreeDays, start: '17:00', end: '19:00' })
        .expect(201)
    ).body as { id: string };
    expect(plan).toMatchObject({ assignmentId, date: inThreeDays, start: '17:00', end: '19:00' });
    // Refused: overlapping another plan, already begun, ending before it starts; another's assignment is 404.
    const overlap = await contact.client
      .post('/planned-sessions')
      .send({ assignmentId, date: inThreeDays, start: '18:00', end: '20:00' })
      .expect(409);
    expect(overlap.body.code).toBe('overlap');
    await contact.client
      .post('/planned-sessions')
      .send({ assignmentId, date: daysAgo(1), start: '17:00', end: '18:00' })
      .expect(400);
    await contact.client
      .post('/planned-sessions')
      .send({ assignmentId, date: inThreeDays, start: '12:00', end: '11:00' })
      .expect(400);
    const other = await fx.individual({}, daysAgo(20));
    await other.contact.client
      .post('/planned-sessions')
      .send({ assignmentId, date: inThreeDays, start: '10:00', end: '11:00' })
      .expect(404);
    await other.contact.client.delete(`/planned-sessions/${plan.id}`).expect(404);
    expect((await contact.client.get('/planned-sessions').expect(200)).body).toEqual([
      expect.objectContaining({ id: plan.id }),
    ]);

    const feed = (await contact.client.post('/calendar-feeds/me').expect(200)).body as { url: string };
    const fetched = async () => parseFeed((await fetchFeed(feed.url).expect(200)).text).events;
    const first = await fetched();
    const planned = first.find((e) => e.uid === `planned_session-${plan.id}@stottekontakt`)!;
    expect(planned.summary).toBe(`Planlagt økt som støttekontakt med ${names.first_name}`);
    // 17:00 on an Oslo wall clock, whichever offset that date has, as the UTC instant the feed gives.
    const [{ utc }] = await dataSourceOf(app).query<{ utc: string }[]>(
      `SELECT to_char((($1::date + time '17:00') AT TIME ZONE 'Europe/Oslo') AT TIME ZONE 'UTC',
                      'YYYYMMDD"T"HH24MISS"Z"') AS utc`,
      [inThreeDays],
    );
    expect(planned.start).toBe(utc);
    expect(planned.all).not.toContain(names.last_name);
    expect((await fetched()).map((e) => e.uid)).toEqual(first.map((e) => e.uid));

    // A group's plan names its members.
    const group = await fx.group(3, daysAgo(20));
    const groupPlan = (
      await group.contact.client
        .post('/planned-sessions')
        .send({ assignmentId: group.assignmentId, date: inThreeDays, start: '12:00', end: '14:00' })
        .expect(201)
    ).body as { id: string };
    const groupFeed = (await group.contact.client.post('/calendar-feeds/me').expect(200)).body as {
      url: string;
    };
    const groupEvent = parseFeed((await fetchFeed(groupFeed.url).expect(200)).text).events.find(
      (e) => e.uid === `planned_session-${groupPlan.id}@stottekontakt`,
    )!;
    expect(groupEvent.summary).toMatch(/^Planlagt økt som støttekontakt med \S+, \S+ og \S+$/);

    // The plan's day comes (moved back under the service, as time passing would), and the session is logged
    // over it: the plan leaves the feed, the session takes its place.
    await dataSourceOf(app).query(`UPDATE planned_sessions SET session_date = $2 WHERE id = $1`, [
      plan.id,
      daysAgo(1),
    ]);
    const logged = (
      await contact.client
        .post('/sessions')
        .send(fx.session(assignmentId, { date: daysAgo(1), start: '17:30', end: '19:00' }))
        .expect(201)
    ).body as { id: string };
    const after = (await fetched()).map((e) => e.uid);
    expect(after).toContain(`session-${logged.id}@stottekontakt`);
    expect(after).not.toContain(`planned_session-${plan.id}@stottekontakt`);

    const another = (
      await contact.client
        .post('/planned-sessions')
        .send({ assignmentId, date: inThreeDays, start: '10:00', end: '11:00' })
        .expect(201)
    ).body as { id: string };
    await contact.client.delete(`/planned-sessions/${another.id}`).expect(204);
    expect((await fetched()).map((e) => e.uid)).not.toContain(`planned_session-${another.id}@stottekontakt`);
    expect((await contact.client.get('/planned-sessions').expect(200)).body).toEqual([]);
  });
});
