import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { contactBody, daysAgo } from './factories';
import { decisionBody, nationalIdFor, serviceUserBody } from './service-user-factories';
import { as, createMunicipality, createTestApp, dataSourceOf, tokenFor } from './support/test-app';

// 11 digits standing alone, as a fødselsnummer would; not a run of digits inside a UUID (e.g. the requestId).
const ELEVEN_DIGITS = /(?<![\w-])\d{11}(?![\w-])/;

describe('service users', () => {
  let app: INestApplication;
  let municipalityId: string;
  let coordinator: ReturnType<typeof as>;
  let caseworker: ReturnType<typeof as>;
  let admin: ReturnType<typeof as>;
  let foreign: ReturnType<typeof as>;

  beforeAll(async () => {
    app = await createTestApp();
    municipalityId = (await createMunicipality(app)).id;
    coordinator = as(app, await tokenFor(app, 'coordinator', municipalityId));
    caseworker = as(app, await tokenFor(app, 'caseworker', municipalityId));
    admin = as(app, await tokenFor(app, 'admin', municipalityId));
    foreign = as(app, await tokenFor(app, 'coordinator', (await createMunicipality(app)).id));
  });
  afterAll(() => app.close());

  const countUsers = async () =>
    Number(
      (
        await dataSourceOf(app).query(`SELECT count(*) FROM service_users WHERE municipality_id = $1`, [
          municipalityId,
        ])
      )[0].count,
    );
  const register = async (overrides: Record<string, unknown> = {}) =>
    (await caseworker.post('/service-users').send(serviceUserBody(overrides)).expect(201)).body;

  it('registers a user, derives the birth date from the fødselsnummer and returns the number only masked', async () => {
    const nationalId = nationalIdFor('1990-01-17');
    const created = await caseworker.post('/service-users').send(serviceUserBody({ nationalId })).expect(201);
    expect(created.body).toMatchObject({
      nationalIdMasked: `${nationalId.slice(0, 6)}*****`,
      nationalIdKind: 'synthetic',
      firstName: 'Ola',
      birthDate: '1990-01-17',
      interests: ['cinema', 'football'],
      availability: [{ day: 'wed', start: '16:00', end: '19:00' }],
      preferredContactAgeMin: 20,
      preferredContactAgeMax: 40,
      currentDecision: null,
      waiting: false,
      version: 1,
    });
    expect(created.body).not.toHaveProperty('nationalId');
    expect(JSON.stringify(created.body)).not.toContain(nationalId);
    expect(created.headers['cache-control']).toBe('no-store');

    const fetched = await coordinator.get(`/service-users/${created.body.id}`).expect(200);
    expect(fetched.body).toEqual(created.body);
    expect(JSON.stringify(fetched.body)).not.toMatch(ELEVEN_DIGITS);
    expect(fetched.headers['cache-control']).toBe('no-store');
  });

  it('accepts a real fødselsnummer and a D-number, with a matching birth date', async () => {
    const fnr = await register({ nationalId: nationalIdFor('1985-12-03', 'fnr'), birthDate: '1985-12-03' });
    expect(fnr).toMatchObject({ nationalIdKind: 'fnr', birthDate: '1985-12-03' });
    const dnr = await register({ nationalId: nationalIdFor('1975-06-30', 'dnr') });
    expect(dnr).toMatchObject({ nationalIdKind: 'dnr', birthDate: '1975-06-30' });
  });

  it('finds a user by fødselsnummer in the body (never in the URL), and 404 for an unknown number', async () => {
    const nationalId = nationalIdFor('1991-02-03');
    const created = await register({ nationalId, lastName: 'Oppslag' });
    const found = await admin.post('/service-users/lookup').send({ nationalId }).expect(200);
    expect(found.body.id).toBe(created.id);
    expect(JSON.stringify(found.body)).not.toContain(nationalId);

    const unknown = await coordinator
      .post('/service-users/lookup')
      .send({ nationalId: nationalIdFor('1991-02-03') });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ status: 404, code: 'not_found' });
    await foreign.post('/service-users/lookup').send({ nationalId }).expect(404);

    const malformed = await coordinator
      .post('/service-users/lookup')
      .send({ nationalId: '1234' })
      .expect(400);
    expect(malformed.body.details).toEqual([
      { field: 'nationalId', reason: 'nationalId must be exactly 11 digits' },
    ]);
    await coordinator.post('/service-users/lookup').send({ nationalId, extra: 1 }).expect(400);
    // A fødselsnummer is refused as a query parameter: unknown fields are 400.
    await coordinator.get(`/service-users?nationalId=${nationalId}`).expect(400);
  });

  it('refuses a second user with the same fødselsnummer with 409, but another municipality may register it', async () => {
    const nationalId = nationalIdFor('1992-03-04');
    await register({ nationalId });
    const before = await countUsers();
    const duplicate = await coordinator
      .post('/service-users')
      .send(serviceUserBody({ nationalId }))
      .expect(409);
    expect(duplicate.body).toMatchObject({
      status: 409,
      code: 'already_exists',
      message: 'A service user with this fødselsnummer is already registered in the municipality',
    });
    expect(JSON.stringify(duplicate.body)).not.toContain(nationalId);
    expect(await countUsers()).toBe(before);
    await foreign.post('/service-users').send(serviceUserBody({ nationalId })).expect(201);
  });

  const validNumber = () => nationalIdFor('1993-04-05');
  const badCheckDigit = () => {
    const n = validNumber();
    return `${n.slice(0, 10)}${(Number(n[10]) + 1) % 10}`;
  };
  it.each([
    ['a wrong check digit', () => ({ nationalId: badCheckDigit() }), 'nationalId'],
    ['a date that does not exist', () => ({ nationalId: '31029000000' }), 'nationalId'],
    ['ten digits', () => ({ nationalId: '1234567890' }), 'nationalId'],
    ['a number instead of a string', () => ({ nationalId: 17019000079 }), 'nationalId'],
    [
      'a birth date other than the number’s',
      () => ({ nationalId: validNumber(), birthDate: '1993-04-06' }),
      'birthDate',
    ],
    ['an impossible birth date', () => ({ birthDate: '1993-02-30' }), 'birthDate'],
    ['no first name', () => ({ firstName: '' }), 'firstName'],
    ['a null last name', () => ({ lastName: null }), 'lastName'],
    [
      'a bad nested time',
      () => ({ availability: [{ day: 'mon', start: 'x', end: '12:00' }] }),
      'availability[0].start',
    ],
    [
      'overlapping slots',
      () => ({
        availability: [
          { day: 'mon', start: '10:00', end: '12:00' },
          { day: 'mon', start: '11:00', end: '13:00' },
        ],
      }),
      'availability',
    ],
    ['an interest outside the vocabulary', () => ({ interests: ['skydiving'] }), 'interests'],
    ['latitude without longitude', () => ({ latitude: 59.9, longitude: undefined }), 'longitude'],
    [
      'an inverted age band',
      () => ({ preferredContactAgeMin: 50, preferredContactAgeMax: 30 }),
      'preferredContactAgeMax',
    ],
    ['a contact under 18', () => ({ preferredContactAgeMin: 16 }), 'preferredContactAgeMin'],
    ['an unknown gender', () => ({ preferredContactGender: 'any' }), 'preferredContactGender'],
    ['a bad postal code', () => ({ postalCode: '150' }), 'postalCode'],
    ['an unknown field', () => ({ role: 'admin' }), 'role'],
    ['a municipality id', () => ({ municipalityId }), 'municipalityId'],
  ])(
    'refuses %s with 400 naming the field, writing nothing and never echoing the number',
    async (_label, override, field) => {
      const body = serviceUserBody(override());
      const before = await countUsers();
      const response = await coordinator.post('/service-users').send(body).expect(400);
      expect(response.body).toMatchObject({
        status: 400,
        code: 'validation_failed',
        requestId: expect.any(String),
      });
      expect(response.body.details.map((d: { field: string }) => d.field)).toContain(field);
      expect(JSON.stringify(response.body)).not.toMatch(ELEVEN_DIGITS);
      expect(await countUsers()).toBe(before);
    },
  );

  it('rejects __proto__ payloads and leaves Object.prototype alone', async () => {
    const before = await countUsers();
    const body = `{"__proto__": {"polluted": true}, ${JSON.stringify(serviceUserBody()).slice(1)}`;
    const response = await coordinator
      .post('/service-users')
      .set('Content-Type', 'application/json')
      .send(body);
    expect([201, 400]).toContain(response.status);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    if (response.status === 400) expect(await countUsers()).toBe(before);
  });

  it('updates with If-Match, re-derives the birth date from a new number, and refuses a stale version with 412', async () => {
    const created = await register({ lastName: 'Endring' });
    const newNumber = nationalIdFor('1994-05-06', 'dnr');
    const updated = await coordinator
      .patch(`/service-users/${created.id}`)
      .set('If-Match', '"1"')
      .send({ nationalId: newNumber, interests: ['walks'], wishes: null })
      .expect(200);
    expect(updated.body).toMatchObject({
      nationalIdMasked: `${newNumber.slice(0, 6)}*****`,
      nationalIdKind: 'dnr',
      birthDate: '1994-05-06',
      interests: ['walks'],
      wishes: null,
      version: 2,
    });
    expect(JSON.stringify(updated.body)).not.toContain(newNumber);

    const stale = await coordinator
      .patch(`/service-users/${created.id}`)
      .set('If-Match', '"1"')
      .send({ phone: null });
    expect(stale.status).toBe(412);
    expect(stale.body).toMatchObject({ code: 'version_mismatch', context: { currentVersion: 2 } });
    await coordinator.patch(`/service-users/${created.id}`).set('If-Match', 'banana').send({}).expect(400);
    expect((await coordinator.get(`/service-users/${created.id}`)).body.phone).toBe('+47 912 34 567');
  });

  it.each([
    [{ birthDate: '1990-01-18' }, 'birthDate'],
    [{ preferredContactAgeMin: 45 }, 'preferredContactAgeMax'],
    [{ nationalId: '00000000000' }, 'nationalId'],
    [{ firstName: null }, 'firstName'],
    [{ interests: ['unknown_interest'] }, 'interests'],
    [{ id: '6b0f0a9e-3f41-4c55-9a53-000000000000' }, 'id'],
  ])('refuses the update %j with 400 naming %s, and changes nothing', async (patch, field) => {
    const created = await register({ nationalId: nationalIdFor('1990-01-17') });
    const response = await coordinator.patch(`/service-users/${created.id}`).send(patch).expect(400);
    expect(response.body.details.map((d: { field: string }) => d.field)).toContain(field);
    expect((await coordinator.get(`/service-users/${created.id}`)).body).toEqual(created);
  });

  it('refuses to change the number to one another user has, with 409', async () => {
    const taken = nationalIdFor('1990-01-17');
    await register({ nationalId: taken });
    const other = await register();
    await coordinator.patch(`/service-users/${other.id}`).send({ nationalId: taken }).expect(409);
    expect((await coordinator.get(`/service-users/${other.id}`)).body.version).toBe(1);
  });

  it('lists with filters and pagination', async () => {
    const own = await createMunicipality(app);
    const staff = as(app, await tokenFor(app, 'coordinator', own.id));
    const add = async (overrides: Record<string, unknown>) =>
      (await staff.post('/service-users').send(serviceUserBody(overrides)).expect(201)).body;
    await add({ firstName: 'Aud', lastName: 'Berg', interests: ['hiking'], postalCode: '5003' });
    await add({ firstName: 'Per', lastName: 'Dal', interests: ['cinema'], postalCode: '0150' });
    await add({ firstName: 'Siv', lastName: 'Fjell', interests: ['cinema', 'hiking'], postalCode: '0150' });

    const all = await staff.get('/service-users').expect(200);
    expect(all.body).toMatchObject({ page: 1, pageSize: 25, total: 3 });
    expect(all.body.items.map((u: { lastName: string }) => u.lastName)).toEqual(['Berg', 'Dal', 'Fjell']);
    expect(JSON.stringify(all.body)).not.toMatch(ELEVEN_DIGITS);
    expect(all.headers['cache-control']).toBe('no-store');

    const names = async (query: string) =>
      (await staff.get(`/service-users?${query}`).expect(200)).body.items.map(
        (u: { lastName: string }) => u.lastName,
      );
    expect(await names('q=fje')).toEqual(['Fjell']);
    expect(await names('q=per%20dal')).toEqual(['Dal']);
    expect(await names('q=%25')).toEqual([]);
    expect(await names('interest=hiking')).toEqual(['Berg', 'Fjell']);
    expect(await names('postalCode=0150&interest=cinema')).toEqual(['Dal', 'Fjell']);
    const page = await staff.get('/service-users?pageSize=1&page=3').expect(200);
    expect(page.body).toMatchObject({ page: 3, pageSize: 1, total: 3 });
    expect(page.body.items.map((u: { lastName: string }) => u.lastName)).toEqual(['Fjell']);
    expect(await names('sort=waitingSince')).toEqual(['Berg', 'Dal', 'Fjell']);
    const beyond = await staff.get('/service-users?pageSize=2&page=9').expect(200);
    expect(beyond.body).toMatchObject({ total: 3, items: [] });
  });

  it('filters by the form of service of today’s decision and by waiting, longest waiting first', async () => {
    const own = await createMunicipality(app);
    const staff = as(app, await tokenFor(app, 'coordinator', own.id));
    const add = async (lastName: string) =>
      (await staff.post('/service-users').send(serviceUserBody({ lastName })).expect(201)).body.id as string;
    const decide = (id: string, overrides: Record<string, unknown>) =>
      staff.post(`/service-users/${id}/decisions`).send(decisionBody(overrides)).expect(201);

    const assigned = await add('Tildelt');
    const grouped = await add('Gruppe');
    const longest = await add('Lengst');
    const recent = await add('Nylig');
    const expired = await add('Utgått');
    const none = await add('Uten');
    await decide(assigned, { waitingSince: daysAgo(300) });
    await decide(grouped, { serviceForm: 'group', waitingSince: daysAgo(200) });
    await decide(longest, { waitingSince: daysAgo(100) });
    await decide(recent, { serviceForm: 'volunteer_partnership', waitingSince: daysAgo(3) });
    await decide(expired, { decidedOn: daysAgo(400), validFrom: daysAgo(400), validTo: daysAgo(1) });
    // A later individual decision replaces the group decision for "Gruppe"? No: an older one is overridden.
    await decide(grouped, {
      serviceForm: 'individual',
      validFrom: daysAgo(30),
      validTo: daysAgo(-30),
      waitingSince: daysAgo(30),
    });
    await decide(grouped, {
      serviceForm: 'group',
      validFrom: daysAgo(2),
      validTo: daysAgo(-300),
      waitingSince: daysAgo(200),
    });

    // A contact assigned to "Tildelt", and one running a group "Gruppe" belongs to.
    const contact = (await staff.post('/contacts').send(contactBody()).expect(201)).body.id;
    const db = dataSourceOf(app);
    await db.query(
      `INSERT INTO assignments (municipality_id, contact_id, service_user_id, weekly_hours, starts_on, created_by)
       VALUES ($1, $2, $3, 4, $4, 'test')`,
      [own.id, contact, assigned, daysAgo(1)],
    );
    const [{ id: group }] = await db.query(
      `INSERT INTO activity_groups (municipality_id, name) VALUES ($1, 'Torsdagsgruppa') RETURNING id`,
      [own.id],
    );
    await db.query(`INSERT INTO group_members (group_id, service_user_id, seat) VALUES ($1, $2, 1)`, [
      group,
      grouped,
    ]);
    await db.query(
      `INSERT INTO assignments (municipality_id, contact_id, group_id, group_contact_seat, weekly_hours, starts_on, created_by)
       VALUES ($1, $2, $3, 1, 3, $4, 'test')`,
      [own.id, contact, group, daysAgo(1)],
    );
    // An ended assignment does not count.
    await db.query(
      `INSERT INTO assignments (municipality_id, contact_id, service_user_id, weekly_hours, starts_on, ends_on, end_reason, created_by)
       VALUES ($1, $2, $3, 2, $4, $5, 'contact_quit', 'test')`,
      [own.id, contact, longest, daysAgo(90), daysAgo(10)],
    );

    const names = async (query: string) =>
      (await staff.get(`/service-users?${query}`).expect(200)).body.items.map(
        (u: { lastName: string }) => u.lastName,
      );
    expect(await names('waiting=true&sort=waitingSince')).toEqual(['Lengst', 'Nylig']);
    expect(await names('waiting=false')).toEqual(['Gruppe', 'Tildelt', 'Uten', 'Utgått']);
    expect(await names('serviceForm=group')).toEqual(['Gruppe']);
    expect(await names('serviceForm=individual')).toEqual(['Lengst', 'Tildelt']);
    expect(await names('serviceForm=volunteer_partnership&waiting=true')).toEqual(['Nylig']);

    const waiting = (await staff.get(`/service-users/${longest}`).expect(200)).body;
    expect(waiting).toMatchObject({
      waiting: true,
      currentDecision: {
        serviceForm: 'individual',
        hoursGranted: 4,
        weeklyHoursEquivalent: 4,
        waitingSince: daysAgo(100),
      },
    });
    const withGroup = (await staff.get(`/service-users/${grouped}`).expect(200)).body;
    expect(withGroup).toMatchObject({
      waiting: false,
      currentDecision: { serviceForm: 'group', validFrom: daysAgo(2) },
    });
    expect((await staff.get(`/service-users/${none}`).expect(200)).body).toMatchObject({
      waiting: false,
      currentDecision: null,
    });
  });

  it.each([
    'pageSize=101',
    'page=0',
    'waiting=yes',
    'serviceForm=solo',
    'sort=age',
    'postalCode=12',
    'interest=Not-A-Code',
  ])('refuses the query %s with 400', async (query) => {
    await coordinator.get(`/service-users?${query}`).expect(400);
  });

  it('reveals the full fødselsnummer only on the explicit POST, logging each reveal; 404 elsewhere, 403 to a contact', async () => {
    const nationalId = nationalIdFor('1985-06-02');
    const user = await register({ nationalId, lastName: 'Avdekket' });
    const revealed = await coordinator.post(`/service-users/${user.id}/national-id`).expect(200);
    expect(revealed.body).toEqual({ nationalId });
    expect(revealed.headers['cache-control']).toBe('no-store');

    const log = await coordinator.get(`/service-users/${user.id}/access-log?pageSize=100`).expect(200);
    const reveals = log.body.items.filter((item: { action: string }) => item.action === 'reveal_national_id');
    expect(reveals).toEqual([
      expect.objectContaining({
        subjectId: user.id,
        role: 'coordinator',
        outcome: 'allowed',
        route: 'POST /service-users/:id/national-id',
      }),
    ]);
    expect(JSON.stringify(log.body)).not.toMatch(ELEVEN_DIGITS);

    const elsewhere = await foreign.post(`/service-users/${user.id}/national-id`).expect(404);
    expect(JSON.stringify(elsewhere.body)).not.toContain(nationalId);
    await coordinator.post('/service-users/6b0f0a9e-3f41-4c55-9a53-000000000000/national-id').expect(404);
    const contactId = (await coordinator.post('/contacts').send(contactBody()).expect(201)).body.id;
    const contact = as(app, await tokenFor(app, 'contact', municipalityId, contactId));
    const refused = await contact.post(`/service-users/${user.id}/national-id`).expect(403);
    expect(JSON.stringify(refused.body)).not.toContain(nationalId);
    const after = await coordinator.get(`/service-users/${user.id}/access-log?pageSize=100`).expect(200);
    expect(
      after.body.items.filter(
        (item: { action: string; outcome: string }) =>
          item.action === 'reveal_national_id' && item.outcome === 'allowed',
      ),
    ).toHaveLength(1);
  });

  it('answers 404 for an unknown id and for a malformed one', async () => {
    const unknown = await coordinator.get('/service-users/6b0f0a9e-3f41-4c55-9a53-000000000000').expect(404);
    expect(unknown.body).toMatchObject({ status: 404, code: 'not_found', message: 'Service user not found' });
    await coordinator.get('/service-users/not-a-uuid').expect(404);
    await coordinator
      .patch('/service-users/6b0f0a9e-3f41-4c55-9a53-000000000000')
      .send({ firstName: 'X' })
      .expect(404);
  });

  it('answers 401 without a valid token', async () => {
    const server = app.getHttpServer();
    await request(server).get('/service-users').expect(401);
    await request(server).post('/service-users').send(serviceUserBody()).expect(401);
    await request(server).post('/service-users/lookup').send({ nationalId: nationalIdFor() }).expect(401);
    await request(server).get('/service-users').set('Authorization', 'Bearer not.a.token').expect(401);
  });

  it('answers 403 to a støttekontakt on every route, writing nothing', async () => {
    const someone = await register({ lastName: 'Skjermet' });
    const contactId = (await coordinator.post('/contacts').send(contactBody()).expect(201)).body.id;
    const contact = as(app, await tokenFor(app, 'contact', municipalityId, contactId));
    const before = await countUsers();
    await contact.get('/service-users').expect(403);
    await contact.get(`/service-users/${someone.id}`).expect(403);
    await contact.post('/service-users').send(serviceUserBody()).expect(403);
    await contact.patch(`/service-users/${someone.id}`).send({ firstName: 'X' }).expect(403);
    await contact.post('/service-users/lookup').send({ nationalId: nationalIdFor() }).expect(403);
    expect(await countUsers()).toBe(before);
  });

  it('never shows or changes another municipality’s users: 404 like an unknown id', async () => {
    const created = await register({ lastName: 'Lokal' });
    const unknown = await coordinator.get('/service-users/6b0f0a9e-3f41-4c55-9a53-000000000000');
    const elsewhere = await foreign.get(`/service-users/${created.id}`).expect(404);
    expect({ ...elsewhere.body, requestId: '' }).toEqual({ ...unknown.body, requestId: '' });
    await foreign.patch(`/service-users/${created.id}`).send({ firstName: 'Kapret' }).expect(404);
    const list = await foreign.get('/service-users?q=Lokal').expect(200);
    expect(list.body.total).toBe(0);
    expect((await coordinator.get(`/service-users/${created.id}`)).body.firstName).toBe('Ola');
  });
});
