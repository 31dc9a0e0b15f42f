import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { contactBody, daysAgo } from './factories';
import { seedServiceUser, seedUserWithDecision } from './support/seed-rows';
import { as, createMunicipality, createTestApp, dataSourceOf, tokenFor } from './support/test-app';

const MISSING_ID = '6b0f0a9e-3f41-4c55-9a53-000000000000';

const groupBody = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  name: `Turgruppa ${Math.random().toString(36).slice(2, 8)}`,
  interests: ['walks', 'cafe'],
  postalCode: '0550',
  latitude: 59.92,
  longitude: 10.76,
  meetingTimes: [{ day: 'wed', start: '17:00', end: '19:00' }],
  ...overrides,
});

describe('activity groups', () => {
  let app: INestApplication;
  let municipalityId: string;
  let coordinator: ReturnType<typeof as>;
  let caseworker: ReturnType<typeof as>;
  let contactUser: ReturnType<typeof as>;

  beforeAll(async () => {
    app = await createTestApp();
    municipalityId = (await createMunicipality(app)).id;
    coordinator = as(app, await tokenFor(app, 'coordinator', municipalityId));
    caseworker = as(app, await tokenFor(app, 'caseworker', municipalityId));
    const contact = await coordinator
      .post('/contacts')
      .send(contactBody({ lastName: 'Innlogget' }))
      .expect(201);
    contactUser = as(app, await tokenFor(app, 'contact', municipalityId, contact.body.id));
  });
  afterAll(() => app.close());

  const sql = <T = Record<string, unknown>>(query: string, params: unknown[] = []): Promise<T[]> =>
    dataSourceOf(app).query(query, params);
  const memberCount = async (groupId: string) =>
    Number(
      (await sql<{ n: string }>(`SELECT count(*) AS n FROM group_members WHERE group_id = $1`, [groupId]))[0]
        .n,
    );
  const openContactSeats = async (groupId: string) =>
    Number(
      (
        await sql<{ n: string }>(
          `SELECT count(*) AS n FROM assignments WHERE group_id = $1 AND end_reason IS NULL`,
          [groupId],
        )
      )[0].n,
    );
  const groupCount = async () =>
    Number(
      (
        await sql<{ n: string }>(`SELECT count(*) AS n FROM activity_groups WHERE municipality_id = $1`, [
          municipalityId,
        ])
      )[0].n,
    );

  const newGroup = async (overrides: Record<string, unknown> = {}) =>
    (await coordinator.post('/groups').send(groupBody(overrides)).expect(201)).body;
  const groupUser = (firstName = 'Gruppe') =>
    seedUserWithDecision(app, municipalityId, { serviceForm: 'group', hoursGranted: 3 }, { firstName });
  const newContact = async (overrides: Record<string, unknown> = {}) =>
    (
      await coordinator
        .post('/contacts')
        .send(contactBody({ maxUsers: 3, ...overrides }))
        .expect(201)
    ).body;
  const addMembers = async (groupId: string, count: number) => {
    for (let i = 0; i < count; i++) {
      const user = await groupUser();
      await coordinator.post(`/groups/${groupId}/members`).send({ serviceUserId: user.id }).expect(201);
    }
  };
  const addContact = async (groupId: string) => {
    const contact = await newContact();
    await coordinator
      .post(`/groups/${groupId}/contacts`)
      .send({ contactId: contact.id, startsOn: daysAgo(0), weeklyHours: 2 })
      .expect(201);
    return contact;
  };

  describe('create, read, list, update', () => {
    it('creates a forming group and reads it back', async () => {
      const created = await coordinator
        .post('/groups')
        .send(groupBody({ name: 'Kafégruppa' }))
        .expect(201);
      expect(created.body).toMatchObject({
        name: 'Kafégruppa',
        interests: ['walks', 'cafe'],
        postalCode: '0550',
        meetingTimes: [{ day: 'wed', start: '17:00', end: '19:00' }],
        status: 'forming',
        memberCount: 0,
        openSeats: 6,
        members: [],
        contacts: [],
        version: 1,
      });
      expect(created.headers['cache-control']).toBe('no-store');
      const fetched = await caseworker.get(`/groups/${created.body.id}`).expect(200);
      expect(fetched.body).toEqual(created.body);
    });

    it.each([
      ['name', { name: undefined }],
      ['name', { name: '' }],
      ['meetingTimes[0].start', { meetingTimes: [{ day: 'wed', start: 'x', end: '19:00' }] }],
      ['meetingTimes', { meetingTimes: [{ day: 'wed', start: '19:00', end: '17:00' }] }],
      ['interests', { interests: ['not_in_vocabulary'] }],
      ['postalCode', { postalCode: '55' }],
      ['longitude', { latitude: 59.9, longitude: undefined }],
      ['status', { status: 'active' }],
      ['municipalityId', { municipalityId: MISSING_ID }],
      ['version', { version: 7 }],
    ])('refuses a bad %s with 400 naming it, and writes nothing (case %#)', async (field, override) => {
      const before = await groupCount();
      const response = await coordinator.post('/groups').send(groupBody(override)).expect(400);
      expect(response.body).toMatchObject({
        status: 400,
        code: 'validation_failed',
        requestId: expect.any(String),
      });
      expect(response.body.details.map((d: { field: string }) => d.field)).toContain(field);
      expect(await groupCount()).toBe(before);
    });

    it('refuses a second group with the same name with 409', async () => {
      await newGroup({ name: 'Dobbelt' });
      const response = await coordinator
        .post('/groups')
        .send(groupBody({ name: 'Dobbelt' }))
        .expect(409);
      expect(response.body).toMatchObject({ status: 409, code: 'already_exists' });
      expect(response.body.message).toMatch(/name/);
    });

    it('lists with filters and pagination', async () => {
      const full = await newGroup({ name: 'Filter full', interests: ['fishing'], postalCode: '9990' });
      await addMembers(full.id, 6);
      const open = await newGroup({ name: 'Filter open', interests: ['fishing'], postalCode: '9990' });
      await addMembers(open.id, 1);

      const byInterest = await coordinator.get('/groups?interest=fishing').expect(200);
      expect(byInterest.body.items.map((g: { name: string }) => g.name)).toEqual([
        'Filter full',
        'Filter open',
      ]);
      expect(byInterest.body.total).toBe(2);
      const withSeats = await coordinator.get('/groups?postalCode=9990&hasOpenSeats=true').expect(200);
      expect(withSeats.body.items.map((g: { name: string }) => g.name)).toEqual(['Filter open']);
      const noSeats = await coordinator.get('/groups?postalCode=9990&hasOpenSeats=false').expect(200);
      expect(
        noSeats.body.items.map((g: { name: string; memberCount: number }) => [g.name, g.memberCount]),
      ).toEqual([['Filter full', 6]]);
      const forming = await coordinator.get('/groups?status=forming&pageSize=100').expect(200);
      expect(forming.body.items.every((g: { status: string }) => g.status === 'forming')).toBe(true);
      expect(forming.body.total).toBe(await groupCount());
      const page = await coordinator.get('/groups?pageSize=1&page=2').expect(200);
      expect(page.body).toMatchObject({ page: 2, pageSize: 1, total: await groupCount() });
      expect(page.body.items).toHaveLength(1);
      const byName = await coordinator.get('/groups?q=filter%20op').expect(200);
      expect(byName.body.items.map((g: { name: string }) => g.name)).toEqual(['Filter open']);
    });

    it.each(['hasOpenSeats=maybe', 'status=paused', 'pageSize=101', 'postalCode=12', 'colour=red'])(
      'refuses the query %s with 400',
      async (query) => {
        const response = await coordinator.get(`/groups?${query}`).expect(400);
        expect(response.body.code).toBe('validation_failed');
        expect(response.body.details[0].field).toBe(query.split('=')[0]);
      },
    );

    it('updates field by field with If-Match, and refuses a stale version with 412', async () => {
      const group = await newGroup({ name: 'Før' });
      const updated = await coordinator
        .patch(`/groups/${group.id}`)
        .set('If-Match', '"1"')
        .send({ name: 'Etter', meetingTimes: [{ day: 'sat', start: '11:00', end: '13:00' }] })
        .expect(200);
      expect(updated.body).toMatchObject({ name: 'Etter', interests: ['walks', 'cafe'], version: 2 });
      const stale = await coordinator
        .patch(`/groups/${group.id}`)
        .set('If-Match', '"1"')
        .send({ name: 'Stale' })
        .expect(412);
      expect(stale.body.code).toBe('version_mismatch');
      const status = await coordinator.patch(`/groups/${group.id}`).send({ status: 'active' }).expect(400);
      expect(status.body.details[0].field).toBe('status');
      await coordinator.patch(`/groups/${group.id}`).send({ name: null }).expect(400);
      expect((await caseworker.get(`/groups/${group.id}`)).body).toMatchObject({
        name: 'Etter',
        status: 'forming',
      });
    });
  });

  describe('members', () => {
    it('adds a member with a group vedtak to the lowest free seat, and removes them', async () => {
      const group = await newGroup();
      const first = await groupUser('Første');
      const second = await groupUser('Andre');
      const added = await coordinator
        .post(`/groups/${group.id}/members`)
        .send({ serviceUserId: first.id })
        .expect(201);
      expect(added.body).toMatchObject({
        memberCount: 1,
        openSeats: 5,
        members: [{ id: first.id, firstName: 'Første', lastName: first.lastName, seat: 1 }],
      });
      expect(JSON.stringify(added.body)).not.toContain(first.nationalId);
      await coordinator.post(`/groups/${group.id}/members`).send({ serviceUserId: second.id }).expect(201);

      const removed = await coordinator.delete(`/groups/${group.id}/members/${first.id}`).expect(200);
      expect(removed.body).toMatchObject({
        statusChange: null,
        group: { memberCount: 1, status: 'forming' },
      });
      const third = await groupUser('Tredje');
      const refilled = await coordinator
        .post(`/groups/${group.id}/members`)
        .send({ serviceUserId: third.id })
        .expect(201);
      expect(
        refilled.body.members.map((m: { firstName: string; seat: number }) => [m.firstName, m.seat]),
      ).toEqual([
        ['Tredje', 1],
        ['Andre', 2],
      ]);
      await coordinator.delete(`/groups/${group.id}/members/${first.id}`).expect(404);
    });

    it.each([
      ['no vedtak at all', 'no_current_decision', null],
      ['an individual vedtak', 'decision_not_group', { serviceForm: 'individual' }],
      ['a volunteer partnership vedtak', 'decision_not_group', { serviceForm: 'volunteer_partnership' }],
      [
        'an expired group vedtak',
        'no_current_decision',
        { serviceForm: 'group', validFrom: daysAgo(400), validTo: daysAgo(1) },
      ],
    ] as const)('refuses a user with %s with 409 %s, and writes nothing', async (_label, code, decision) => {
      const group = await newGroup();
      const user = decision
        ? await seedUserWithDecision(app, municipalityId, { ...decision })
        : await seedServiceUser(app, municipalityId);
      const response = await coordinator
        .post(`/groups/${group.id}/members`)
        .send({ serviceUserId: user.id })
        .expect(409);
      expect(response.body).toMatchObject({ status: 409, code });
      expect(response.body.message).toMatch(/vedtak/);
      expect(await memberCount(group.id)).toBe(0);
    });

    it('refuses the same member twice with 409', async () => {
      const group = await newGroup();
      const user = await groupUser();
      await coordinator.post(`/groups/${group.id}/members`).send({ serviceUserId: user.id }).expect(201);
      const again = await coordinator
        .post(`/groups/${group.id}/members`)
        .send({ serviceUserId: user.id })
        .expect(409);
      expect(again.body.code).toBe('already_member');
      expect(await memberCount(group.id)).toBe(1);
    });

    it('refuses a 7th member with 409 group_full, and nothing changes', async () => {
      const group = await newGroup();
      await addMembers(group.id, 6);
      const seventh = await groupUser();
      const response = await coordinator
        .post(`/groups/${group.id}/members`)
        .send({ serviceUserId: seventh.id })
        .expect(409);
      expect(response.body).toMatchObject({ code: 'group_full', context: { memberCount: 6 } });
      expect(await memberCount(group.id)).toBe(6);
    });

    it('holds at 6 members when 10 requests race for the last 2 seats', async () => {
      const group = await newGroup();
      await addMembers(group.id, 4);
      const users = await Promise.all(Array.from({ length: 10 }, () => groupUser()));
      const responses = await Promise.all(
        users.map((user) => coordinator.post(`/groups/${group.id}/members`).send({ serviceUserId: user.id })),
      );
      const statuses = responses.map((r) => r.status).sort();
      expect(statuses.filter((s) => s === 201)).toHaveLength(2);
      expect(statuses.filter((s) => s === 409)).toHaveLength(8);
      expect(responses.filter((r) => r.status === 409).every((r) => r.body.code === 'group_full')).toBe(true);
      expect(await memberCount(group.id)).toBe(6);
      const seats = await sql<{ seat: number }>(
        `SELECT seat FROM group_members WHERE group_id = $1 ORDER BY seat`,
        [group.id],
      );
      expect(seats.map((s) => s.seat)).toEqual([1, 2, 3, 4, 5, 6]);
    });

    it('answers 404 for an unknown user, group or malformed id', async () => {
      const group = await newGroup();
      await coordinator.post(`/groups/${group.id}/members`).send({ serviceUserId: MISSING_ID }).expect(404);
      const user = await groupUser();
      const missing = await coordinator
        .post(`/groups/${MISSING_ID}/members`)
        .send({ serviceUserId: user.id })
        .expect(404);
      expect(missing.body).toMatchObject({ status: 404, code: 'not_found' });
      await coordinator.get('/groups/not-a-uuid').expect(404);
      await coordinator.delete(`/groups/${group.id}/members/not-a-uuid`).expect(404);
      const invalid = await coordinator
        .post(`/groups/${group.id}/members`)
        .send({ serviceUserId: 'x' })
        .expect(400);
      expect(invalid.body.details[0].field).toBe('serviceUserId');
      const extra = await coordinator
        .post(`/groups/${group.id}/members`)
        .send({ serviceUserId: user.id, seat: 1 })
        .expect(400);
      expect(extra.body.details[0].field).toBe('seat');
      expect(await memberCount(group.id)).toBe(0);
    });
  });

  describe('contacts', () => {
    it('takes one or two contacts, and refuses a third with 409 group_contacts_full', async () => {
      const group = await newGroup();
      const first = await newContact({ firstName: 'Leder', lastName: 'En' });
      const added = await coordinator
        .post(`/groups/${group.id}/contacts`)
        .send({ contactId: first.id, startsOn: daysAgo(0), weeklyHours: 2.5 })
        .expect(201);
      expect(added.body.contacts).toEqual([
        expect.objectContaining({
          id: first.id,
          firstName: 'Leder',
          lastName: 'En',
          seat: 1,
          weeklyHours: 2.5,
        }),
      ]);
      const again = await coordinator
        .post(`/groups/${group.id}/contacts`)
        .send({ contactId: first.id, startsOn: daysAgo(0), weeklyHours: 2 })
        .expect(409);
      expect(again.body.code).toBe('already_group_contact');
      await addContact(group.id);
      const third = await newContact();
      const refused = await coordinator
        .post(`/groups/${group.id}/contacts`)
        .send({ contactId: third.id, startsOn: daysAgo(0), weeklyHours: 2 })
        .expect(409);
      expect(refused.body.code).toBe('group_contacts_full');
      expect(await openContactSeats(group.id)).toBe(2);
      expect((await coordinator.get(`/contacts/${third.id}`)).body.load).toEqual({
        users: 0,
        weeklyHours: 0,
      });
    });

    it('holds at 2 contacts when 5 requests race for the seats', async () => {
      const group = await newGroup();
      const contacts = await Promise.all(Array.from({ length: 5 }, () => newContact()));
      const responses = await Promise.all(
        contacts.map((c) =>
          coordinator
            .post(`/groups/${group.id}/contacts`)
            .send({ contactId: c.id, startsOn: daysAgo(0), weeklyHours: 2 }),
        ),
      );
      const created = responses.filter((r) => r.status === 201);
      expect(created.length).toBeLessThanOrEqual(2);
      expect(created).toHaveLength(2);
      expect(
        responses.filter((r) => r.status === 409).every((r) => r.body.code === 'group_contacts_full'),
      ).toBe(true);
      expect(await openContactSeats(group.id)).toBe(2);
    });

    it('refuses a contact without politiattest with 409 contact_not_eligible, and writes nothing', async () => {
      const group = await newGroup();
      const ineligible = await newContact({
        policeCertificateIssuedOn: null,
        policeCertificatePresentedOn: null,
      });
      const response = await coordinator
        .post(`/groups/${group.id}/contacts`)
        .send({ contactId: ineligible.id, startsOn: daysAgo(0), weeklyHours: 2 })
        .expect(409);
      expect(response.body.code).toBe('contact_not_eligible');
      expect(await openContactSeats(group.id)).toBe(0);
    });

    it.each([
      ['weeklyHours', { weeklyHours: undefined }],
      ['weeklyHours', { weeklyHours: 0 }],
      ['startsOn', { startsOn: '2026-02-30' }],
      ['contactId', { contactId: 'nope' }],
      ['groupId', { groupId: MISSING_ID }],
    ])('refuses a bad %s with 400 naming it (case %#)', async (field, override) => {
      const group = await newGroup();
      const contact = await newContact();
      const response = await coordinator
        .post(`/groups/${group.id}/contacts`)
        .send({ contactId: contact.id, startsOn: daysAgo(0), weeklyHours: 2, ...override })
        .expect(400);
      expect(response.body.details.map((d: { field: string }) => d.field)).toContain(field);
      expect(await openContactSeats(group.id)).toBe(0);
    });
  });

  describe('status', () => {
    it('activates only with at least 3 members and a contact', async () => {
      const group = await newGroup();
      await addMembers(group.id, 2);
      const small = await coordinator.post(`/groups/${group.id}/activate`).expect(409);
      expect(small.body).toMatchObject({ code: 'group_too_small', context: { memberCount: 2, minimum: 3 } });
      await addMembers(group.id, 1);
      const noContact = await coordinator.post(`/groups/${group.id}/activate`).expect(409);
      expect(noContact.body.code).toBe('group_has_no_contact');
      expect((await caseworker.get(`/groups/${group.id}`)).body.status).toBe('forming');
      await addContact(group.id);
      const active = await coordinator.post(`/groups/${group.id}/activate`).expect(200);
      expect(active.body).toMatchObject({ status: 'active', memberCount: 3, version: 2 });
      const again = await coordinator.post(`/groups/${group.id}/activate`).expect(409);
      expect(again.body.code).toBe('group_not_forming');
    });

    it('sends an active group back to forming when it falls below 3 members, and says so', async () => {
      const group = await newGroup();
      await addMembers(group.id, 3);
      await addContact(group.id);
      const active = await coordinator.post(`/groups/${group.id}/activate`).expect(200);
      const leaving = active.body.members[0].id;
      const removed = await coordinator.delete(`/groups/${group.id}/members/${leaving}`).expect(200);
      expect(removed.body).toMatchObject({
        group: { status: 'forming', memberCount: 2 },
        statusChange: { from: 'active', to: 'forming', reason: expect.stringMatching(/at least 3/) },
      });
    });

    it('closes a group, ends its contacts’ assignments, and then refuses changes', async () => {
      const group = await newGroup();
      await addMembers(group.id, 3);
      const contact = await addContact(group.id);
      const closed = await coordinator.post(`/groups/${group.id}/close`).expect(200);
      expect(closed.body).toMatchObject({ status: 'closed', contacts: [] });
      const [assignment] = await sql<{ end_reason: string; ends_on: string }>(
        `SELECT end_reason, ends_on::text FROM assignments WHERE group_id = $1`,
        [group.id],
      );
      expect(assignment).toEqual({ end_reason: 'other', ends_on: daysAgo(0) });
      expect((await coordinator.get(`/contacts/${contact.id}`)).body.load.users).toBe(1); // ends today: counted today
      const user = await groupUser();
      expect(
        (await coordinator.post(`/groups/${group.id}/members`).send({ serviceUserId: user.id }).expect(409))
          .body.code,
      ).toBe('group_closed');
      expect((await coordinator.post(`/groups/${group.id}/close`).expect(409)).body.code).toBe(
        'group_closed',
      );
      expect(
        (await coordinator.patch(`/groups/${group.id}`).send({ name: 'Ny' }).expect(409)).body.code,
      ).toBe('group_closed');
      expect((await coordinator.post(`/groups/${group.id}/activate`).expect(409)).body.code).toBe(
        'group_closed',
      );
      const other = await newContact();
      const seat = await coordinator
        .post(`/groups/${group.id}/contacts`)
        .send({ contactId: other.id, startsOn: daysAgo(0), weeklyHours: 1 })
        .expect(409);
      expect(seat.body.code).toBe('group_closed');
      expect(await memberCount(group.id)).toBe(3);
    });

    it('closes on a given date, and refuses an unknown body field', async () => {
      const group = await newGroup();
      await coordinator.post(`/groups/${group.id}/close`).send({ reason: 'x' }).expect(400);
      await coordinator.post(`/groups/${group.id}/close`).send({ closedOn: '2026-13-01' }).expect(400);
      const closed = await coordinator
        .post(`/groups/${group.id}/close`)
        .send({ closedOn: daysAgo(0) })
        .expect(200);
      expect(closed.body.status).toBe('closed');
    });
  });

  describe('access', () => {
    it('answers 401 without a token', async () => {
      await request(app.getHttpServer()).get('/groups').expect(401);
      await request(app.getHttpServer()).post('/groups').send(groupBody()).expect(401);
    });

    it('refuses a contact with 403 on every group route, and a caseworker on every write', async () => {
      const group = await newGroup();
      const user = await groupUser();
      const routes: [method: 'get' | 'post' | 'patch' | 'delete', url: string, body?: object][] = [
        ['get', '/groups'],
        ['get', `/groups/${group.id}`],
        ['post', '/groups', groupBody()],
        ['patch', `/groups/${group.id}`, { name: 'x' }],
        ['post', `/groups/${group.id}/members`, { serviceUserId: user.id }],
        ['delete', `/groups/${group.id}/members/${user.id}`],
        [
          'post',
          `/groups/${group.id}/contacts`,
          { contactId: MISSING_ID, startsOn: daysAgo(0), weeklyHours: 1 },
        ],
        ['post', `/groups/${group.id}/activate`],
        ['post', `/groups/${group.id}/close`],
      ];
      for (const [method, url, body] of routes) {
        const response = await contactUser[method](url).send(body);
        expect([method, url, response.status]).toEqual([method, url, 403]);
        expect(response.body.code).toBe('forbidden');
        if (method !== 'get') {
          expect([method, url, (await caseworker[method](url).send(body)).status]).toEqual([
            method,
            url,
            403,
          ]);
        }
      }
      await caseworker.get('/groups').expect(200);
      expect(await memberCount(group.id)).toBe(0);
      expect((await caseworker.get(`/groups/${group.id}`)).body.status).toBe('forming');
    });

    it('never lets another municipality see or change a group, or use its users and contacts', async () => {
      const group = await newGroup({ name: 'Lokal gruppe' });
      const elsewhere = await createMunicipality(app);
      const foreign = as(app, await tokenFor(app, 'coordinator', elsewhere.id));
      const localUser = await groupUser();
      const notFoundBody = (await coordinator.get(`/groups/${MISSING_ID}`).expect(404)).body;

      const read = await foreign.get(`/groups/${group.id}`).expect(404);
      expect({ ...read.body, requestId: undefined }).toEqual({ ...notFoundBody, requestId: undefined });
      expect((await foreign.get('/groups').expect(200)).body.total).toBe(0);
      await foreign.patch(`/groups/${group.id}`).send({ name: 'Kapret' }).expect(404);
      await foreign.post(`/groups/${group.id}/members`).send({ serviceUserId: localUser.id }).expect(404);
      await foreign.post(`/groups/${group.id}/activate`).expect(404);
      await foreign.post(`/groups/${group.id}/close`).expect(404);

      // Their own group cannot take our user or our contact either.
      const theirGroup = (await foreign.post('/groups').send(groupBody()).expect(201)).body;
      await foreign
        .post(`/groups/${theirGroup.id}/members`)
        .send({ serviceUserId: localUser.id })
        .expect(404);
      const localContact = await newContact();
      await foreign
        .post(`/groups/${theirGroup.id}/contacts`)
        .send({ contactId: localContact.id, startsOn: daysAgo(0), weeklyHours: 1 })
        .expect(404);
      expect(await memberCount(theirGroup.id)).toBe(0);
      expect(await openContactSeats(theirGroup.id)).toBe(0);
      expect((await coordinator.get(`/groups/${group.id}`)).body).toMatchObject({
        name: 'Lokal gruppe',
        status: 'forming',
      });
    });
  });
});
