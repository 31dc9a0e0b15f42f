import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { addDays, todayInOslo } from '../src/common/dates';
import { WorkerModule } from '../src/worker.module';
import { daysAgo, today } from './factories';
import { hoursFixtures } from './support/hours-fixtures';
import { meetAroundTheClock, newContact, newWaitingUser } from './support/introduction-fixtures';
import { as, createMunicipality, createTestApp, dataSourceOf, tokenFor } from './support/test-app';

interface Absence {
  id: string;
  startsOn: string;
  endsOn: string;
}

/** Absences (ferie): the contact keeps them; matching, meeting times and sessions respect them (issues 14, 16). */
describe('a støttekontakt’s absences', () => {
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

  const contactClient = async (contactId: string) =>
    as(app, await tokenFor(app, 'contact', municipalityId, contactId));

  it('are registered, listed and removed by the contact, and refused with the field and reason when wrong', async () => {
    const contact = await newContact(coordinator);
    const me = await contactClient(contact.id);
    const summer = (
      await me
        .post('/contacts/me/absences')
        .send({ startsOn: addDays(today(), 30), endsOn: addDays(today(), 50) })
        .expect(201)
    ).body as Absence;
    expect(summer).toEqual({
      id: expect.any(String),
      startsOn: addDays(today(), 30),
      endsOn: addDays(today(), 50),
    });
    const easter = (
      await me
        .post('/contacts/me/absences')
        .send({ startsOn: today(), endsOn: addDays(today(), 2) })
        .expect(201)
    ).body as Absence;
    expect((await me.get('/contacts/me/absences').expect(200)).body).toEqual([easter, summer]);

    const overlap = await me
      .post('/contacts/me/absences')
      .send({ startsOn: addDays(today(), 45), endsOn: addDays(today(), 60) })
      .expect(409);
    expect(overlap.body.code).toBe('overlap');
    const backwards = await me
      .post('/contacts/me/absences')
      .send({ startsOn: addDays(today(), 9), endsOn: addDays(today(), 8) })
      .expect(400);
    expect(backwards.body.details).toEqual([
      { field: 'endsOn', reason: 'endsOn must be on or after startsOn' },
    ]);
    const ended = await me
      .post('/contacts/me/absences')
      .send({ startsOn: daysAgo(9), endsOn: daysAgo(8) })
      .expect(400);
    expect(ended.body.details[0].field).toBe('endsOn');
    const malformed = await me
      .post('/contacts/me/absences')
      .send({ startsOn: 'soon', endsOn: addDays(today(), 8), reason: 'syk' })
      .expect(400);
    expect([...new Set(malformed.body.details.map((d: { field: string }) => d.field))].sort()).toEqual([
      'reason',
      'startsOn',
    ]);

    // Nobody else's: another contact cannot remove it, and never sees it.
    const other = await contactClient((await newContact(coordinator)).id);
    expect((await other.get('/contacts/me/absences').expect(200)).body).toEqual([]);
    await other.delete(`/contacts/me/absences/${summer.id}`).expect(404);
    await me.delete(`/contacts/me/absences/${summer.id}`).expect(204);
    expect((await me.get('/contacts/me/absences').expect(200)).body).toEqual([easter]);
    await coordinator.get('/contacts/me/absences').expect(403);

    // Staff see them on the roster; another municipality's coordinator finds no such contact.
    expect((await coordinator.get(`/contacts/${contact.id}/absences`).expect(200)).body).toEqual([easter]);
    await me.get(`/contacts/${contact.id}/absences`).expect(403);
    const elsewhere = as(app, await tokenFor(app, 'coordinator', (await createMunicipality(app)).id));
    await elsewhere.get(`/contacts/${contact.id}/absences`).expect(404);
  });

  it('keep introduction meetings off the days away: none suggested, none booked', async () => {
    const contact = await newContact(coordinator, { maxUsers: 3 });
    const user = await newWaitingUser(app, municipalityId);
    const intro = (
      await coordinator
        .post('/introductions')
        .send({ serviceUserId: user.id, contactId: contact.id })
        .expect(201)
    ).body as { id: string };
    const suggested = async () =>
      (
        (await caseworker.get(`/introductions/${intro.id}/suggested-times?count=3&days=60`).expect(200)).body
          .times as {
          startsAt: string;
        }[]
      ).map((time) => time.startsAt);
    const before = await suggested();
    expect(before).toHaveLength(3);
    const firstDay = todayInOslo(new Date(before[0]));
    const away = { startsOn: firstDay, endsOn: addDays(firstDay, 8) };
    await (await contactClient(contact.id)).post('/contacts/me/absences').send(away).expect(201);

    const after = await suggested();
    expect(after).toHaveLength(3);
    for (const startsAt of after) {
      const day = todayInOslo(new Date(startsAt));
      expect(day < away.startsOn || day > away.endsOn).toBe(true);
    }
    const refused = await caseworker
      .post(`/introductions/${intro.id}/booking`)
      .send({ startsAt: before[0], location: 'Kafé' })
      .expect(409);
    expect(refused.body).toMatchObject({ code: 'contact_absent', context: away });
    await caseworker
      .post(`/introductions/${intro.id}/booking`)
      .send({ startsAt: after[0], location: 'Kafé' })
      .expect(201);
  });

  it('refuse a session logged on a day away', async () => {
    const fx = hoursFixtures(app, municipalityId, coordinator);
    const { contact, assignmentId } = await fx.individual({}, daysAgo(20));
    await contact.client
      .post('/contacts/me/absences')
      .send({ startsOn: daysAgo(3), endsOn: today() })
      .expect(201);
    const refused = await contact.client
      .post('/sessions')
      .send(fx.session(assignmentId, { date: daysAgo(2) }))
      .expect(409);
    expect(refused.body).toMatchObject({
      code: 'contact_absent',
      context: { startsOn: daysAgo(3), endsOn: today() },
    });
    await contact.client
      .post('/sessions')
      .send(fx.session(assignmentId, { date: daysAgo(4) }))
      .expect(201);
  });

  describe('and the night’s matching', () => {
    let worker: INestApplicationContext;
    beforeAll(async () => {
      worker = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error'] });
    });
    afterAll(async () => {
      await worker.close();
    });

    async function run(municipality: string): Promise<{ contact_id: string }[]> {
      const client = as(app, await tokenFor(app, 'coordinator', municipality));
      const { id } = (await client.post('/matching-runs').expect(202)).body as { id: string };
      for (let attempt = 0; attempt < 150; attempt++) {
        const status = (await client.get(`/matching-runs/${id}`).expect(200)).body.status as string;
        if (status === 'completed') break;
        if (status === 'failed') throw new Error('the run failed');
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      return dataSourceOf(app).query(`SELECT contact_id FROM proposals WHERE run_id = $1`, [id]);
    }

    it('proposes no contact who is away this week, and proposes them again once back', async () => {
      const municipality = (await createMunicipality(app)).id;
      const staff = as(app, await tokenFor(app, 'coordinator', municipality));
      const contact = await newContact(staff, { maxUsers: 3 });
      await newWaitingUser(app, municipality);
      const me = as(app, await tokenFor(app, 'contact', municipality, contact.id));
      const away = (
        await me
          .post('/contacts/me/absences')
          .send({ startsOn: addDays(today(), 3), endsOn: addDays(today(), 20) })
          .expect(201)
      ).body as Absence;
      expect(await run(municipality)).toEqual([]);
      await me.delete(`/contacts/me/absences/${away.id}`).expect(204);
      // Away only from next month on: free in the week a meeting would follow.
      await me
        .post('/contacts/me/absences')
        .send({ startsOn: addDays(today(), 30), endsOn: addDays(today(), 40) })
        .expect(201);
      expect(await run(municipality)).toEqual([{ contact_id: contact.id }]);
    });
  });
});
