import { INestApplication } from '@nestjs/common';
import { daysAgo } from './factories';
import {
  inDays,
  meetAroundTheClock,
  newContact,
  newWaitingUser,
  seedProposal,
} from './support/introduction-fixtures';
import { as, createMunicipality, createTestApp, dataSourceOf, tokenFor } from './support/test-app';

interface Entry {
  serviceUserId: string;
  waitingSince: string;
  waitingDays: number;
  band: string;
  state: string;
  serviceForm: string;
}

describe('waiting list', () => {
  let app: INestApplication;
  let municipalityId: string;
  let coordinator: ReturnType<typeof as>;
  const users: Record<string, string> = {};

  beforeAll(async () => {
    app = await createTestApp();
    municipalityId = (await createMunicipality(app)).id;
    await meetAroundTheClock(app, municipalityId);
    coordinator = as(app, await tokenFor(app, 'coordinator', municipalityId));
    const contact = await newContact(coordinator);
    // Waiting 3, 15, 16, 30, 31 and 90 days; one proposed, one with an introduction awaiting a time, one booked.
    users.d3 = (await newWaitingUser(app, municipalityId, 3)).id;
    users.d15 = (await newWaitingUser(app, municipalityId, 15)).id;
    users.d16 = (await newWaitingUser(app, municipalityId, 16, { serviceForm: 'group' })).id;
    users.d30 = (await newWaitingUser(app, municipalityId, 30)).id;
    users.d31 = (await newWaitingUser(app, municipalityId, 31)).id;
    users.d90 = (await newWaitingUser(app, municipalityId, 90)).id;
    await seedProposal(app, municipalityId, users.d15, contact.id);
    await coordinator
      .post('/introductions')
      .send({ serviceUserId: users.d30, contactId: contact.id })
      .expect(201);
    const booked = await coordinator
      .post('/introductions')
      .send({ serviceUserId: users.d90, contactId: contact.id })
      .expect(201);
    await coordinator
      .post(`/introductions/${booked.body.id}/booking`)
      .send({ startsAt: inDays(5) })
      .expect(201);
    // Served: an open assignment takes the user off the list.
    const served = await newWaitingUser(app, municipalityId, 50);
    await coordinator
      .post('/assignments')
      .send({
        startWithoutIntroductionReason: 'continues from before',
        contactId: (await newContact(coordinator)).id,
        serviceUserId: served.id,
        startsOn: daysAgo(1),
      })
      .expect(201);
    users.served = served.id;
  });
  afterAll(() => app.close());

  const list = async (query = '') => (await coordinator.get(`/waiting-list${query}`).expect(200)).body;

  it('lists everyone waiting, longest first, with since when, days, band and the state of their case', async () => {
    const body = await list('?pageSize=100');
    expect(body.total).toBe(6);
    const items = body.items as Entry[];
    expect(items.map((i) => i.serviceUserId)).toEqual([
      users.d90,
      users.d31,
      users.d30,
      users.d16,
      users.d15,
      users.d3,
    ]);
    expect(items.map((i) => [i.waitingDays, i.band, i.state])).toEqual([
      [90, '31+', 'introduction_booked'],
      [31, '31+', 'no_proposal'],
      [30, '16-30', 'awaiting_booking'],
      [16, '16-30', 'no_proposal'],
      [15, '0-15', 'proposed'],
      [3, '0-15', 'no_proposal'],
    ]);
    expect(items[0]).toMatchObject({ waitingSince: daysAgo(90), meetingStartsAt: inDays(5) });
    expect(items[3].serviceForm).toBe('group');
    expect(body.bands).toEqual({ '0-15': 2, '16-30': 2, '31+': 2 });
  });

  it('filters by band and state, and paginates', async () => {
    const late = await list('?band=31%2B');
    expect(late.items.map((i: Entry) => i.serviceUserId)).toEqual([users.d90, users.d31]);
    expect(late.total).toBe(2);
    expect(late.bands).toEqual({ '0-15': 2, '16-30': 2, '31+': 2 });
    const proposed = await list('?state=proposed');
    expect(proposed.items.map((i: Entry) => i.serviceUserId)).toEqual([users.d15]);
    const page2 = await list('?page=2&pageSize=2');
    expect(page2).toMatchObject({ page: 2, pageSize: 2, total: 6 });
    expect(page2.items.map((i: Entry) => i.serviceUserId)).toEqual([users.d30, users.d16]);
  });

  it('refuses bad filters and page sizes with 400', async () => {
    await coordinator.get('/waiting-list?band=40').expect(400);
    await coordinator.get('/waiting-list?state=waiting').expect(400);
    await coordinator.get('/waiting-list?pageSize=101').expect(400);
    await coordinator.get('/waiting-list?municipalityId=x').expect(400);
  });

  it('is personal data: no-store, logged, staff only, and scoped to the municipality', async () => {
    const response = await coordinator.get('/waiting-list?pageSize=1').expect(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const logged = await dataSourceOf(app).query(
      `SELECT subject_id FROM access_log WHERE request_id = $1 AND action = 'waiting_list'`,
      [response.headers['x-request-id']],
    );
    expect(logged).toEqual([{ subject_id: users.d90 }]);
    const contact = await newContact(coordinator);
    await as(app, await tokenFor(app, 'contact', municipalityId, contact.id))
      .get('/waiting-list')
      .expect(403);
    const caseworker = as(app, await tokenFor(app, 'caseworker', municipalityId));
    expect((await caseworker.get('/waiting-list').expect(200)).body.total).toBe(6);
    const foreign = as(app, await tokenFor(app, 'coordinator', (await createMunicipality(app)).id));
    expect((await foreign.get('/waiting-list').expect(200)).body).toMatchObject({
      total: 0,
      items: [],
      bands: { '0-15': 0, '16-30': 0, '31+': 0 },
    });
  });

  it('puts a user whose assignment ended back on the list from the day after it ended', async () => {
    const [assignment] = await dataSourceOf(app).query(
      `SELECT id FROM assignments WHERE service_user_id = $1`,
      [users.served],
    );
    await dataSourceOf(app).query(`UPDATE assignments SET starts_on = $2 WHERE id = $1`, [
      assignment.id,
      daysAgo(40),
    ]);
    await coordinator
      .post(`/assignments/${assignment.id}/end`)
      .send({ endsOn: daysAgo(20), reason: 'user_moved' })
      .expect(200);
    const entry = ((await list('?pageSize=100')).items as Entry[]).find(
      (i) => i.serviceUserId === users.served,
    );
    // The vedtak's waiting date was 50 days ago; the need arose again 19 days ago.
    expect(entry).toMatchObject({
      waitingSince: daysAgo(19),
      waitingDays: 19,
      band: '16-30',
      state: 'no_proposal',
    });
  });
});
