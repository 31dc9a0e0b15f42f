import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { TokenService } from '../src/common/auth/token.service';
import { ApiError } from '../src/common/errors/api-error';
import { ServiceUsersService } from '../src/service-users/service-users.service';
import { contactBody, daysAgo, daysAhead } from './factories';
import { bornYearsAgo, decisionBody, nationalIdFor, serviceUserBody } from './service-user-factories';
import { as, createMunicipality, createTestApp, dataSourceOf, tokenFor } from './support/test-app';

describe('decisions (vedtak)', () => {
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
    caseworker = as(
      app,
      await app.get(TokenService).sign({ subject: 'saksbehandler-kari', role: 'caseworker', municipalityId }),
    );
    admin = as(app, await tokenFor(app, 'admin', municipalityId));
    foreign = as(app, await tokenFor(app, 'coordinator', (await createMunicipality(app)).id));
  });
  afterAll(() => app.close());

  const countDecisions = async () =>
    Number(
      (
        await dataSourceOf(app).query(`SELECT count(*) FROM decisions WHERE municipality_id = $1`, [
          municipalityId,
        ])
      )[0].count,
    );
  const newUser = async (overrides: Record<string, unknown> = {}) =>
    (await coordinator.post('/service-users').send(serviceUserBody(overrides)).expect(201)).body.id as string;

  it('registers a decision for a user, with the weekly equivalent, defaults and who registered it', async () => {
    const userId = await newUser();
    const body = decisionBody({ decidedOn: daysAgo(20), validFrom: daysAgo(10), validTo: daysAhead(355) });
    delete body.drivingPeriod;
    const created = await caseworker.post(`/service-users/${userId}/decisions`).send(body).expect(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      serviceUserId: userId,
      serviceForm: 'individual',
      hoursGranted: 4,
      hoursPeriod: 'week',
      weeklyHoursEquivalent: 4,
      drivingKmGranted: 100,
      drivingPeriod: 'month',
      decidedOn: daysAgo(20),
      validFrom: daysAgo(10),
      validTo: daysAhead(355),
      grantedByChildWelfare: false,
      waitingSince: daysAgo(10),
      decisionText: 'Innvilget støttekontakt 4 timer per uke for å delta i fritidsaktiviteter.',
      status: 'current',
      createdBy: 'saksbehandler-kari',
      createdAt: expect.any(String),
    });
    expect(created.headers['cache-control']).toBe('no-store');

    const fetched = await coordinator.get(`/decisions/${created.body.id}`).expect(200);
    expect(fetched.body).toEqual(created.body);
    const user = await coordinator.get(`/service-users/${userId}`).expect(200);
    expect(user.body).toMatchObject({
      waiting: true,
      currentDecision: { id: created.body.id, weeklyHoursEquivalent: 4 },
    });
  });

  it('expresses monthly hours per week, keeps 2 decimals, and lets coordinators and admins register too', async () => {
    const userId = await newUser();
    const monthly = await coordinator
      .post(`/service-users/${userId}/decisions`)
      .send(decisionBody({ hoursGranted: 26, hoursPeriod: 'month', serviceForm: 'group' }))
      .expect(201);
    expect(monthly.body).toMatchObject({ hoursGranted: 26, hoursPeriod: 'month', weeklyHoursEquivalent: 6 });
    const precise = await admin
      .post(`/service-users/${userId}/decisions`)
      .send(decisionBody({ hoursGranted: 2.75, drivingKmGranted: 0, decisionText: null }))
      .expect(201);
    expect(precise.body).toMatchObject({
      hoursGranted: 2.75,
      weeklyHoursEquivalent: 2.75,
      decisionText: null,
    });
  });

  it('defaults waitingSince to the decision date for a retroactive decision, and keeps a given one', async () => {
    const userId = await newUser();
    const retroactive = await caseworker
      .post(`/service-users/${userId}/decisions`)
      .send(decisionBody({ decidedOn: daysAgo(5), validFrom: daysAgo(60) }))
      .expect(201);
    expect(retroactive.body.waitingSince).toBe(daysAgo(5));
    const given = await caseworker
      .post(`/service-users/${userId}/decisions`)
      .send(decisionBody({ waitingSince: daysAgo(90) }))
      .expect(201);
    expect(given.body.waitingSince).toBe(daysAgo(90));
    const upcoming = await caseworker
      .post(`/service-users/${userId}/decisions`)
      .send(decisionBody({ decidedOn: daysAgo(1), validFrom: daysAhead(30), validTo: daysAhead(400) }))
      .expect(201);
    expect(upcoming.body).toMatchObject({ waitingSince: daysAhead(30), status: 'upcoming' });
  });

  it('lists a user’s decisions newest period first, paginated and filtered by the date they are valid on', async () => {
    const userId = await newUser();
    const post = (overrides: Record<string, unknown>) =>
      caseworker.post(`/service-users/${userId}/decisions`).send(decisionBody(overrides)).expect(201);
    const old = (await post({ decidedOn: daysAgo(800), validFrom: daysAgo(800), validTo: daysAgo(400) }))
      .body;
    const current = (await post({ validFrom: daysAgo(100), validTo: daysAhead(100) })).body;
    const replacing = (await post({ hoursGranted: 6, validFrom: daysAgo(10), validTo: daysAhead(300) })).body;

    const all = await coordinator.get(`/service-users/${userId}/decisions`).expect(200);
    expect(all.body).toMatchObject({ page: 1, pageSize: 25, total: 3 });
    expect(all.body.items.map((d: { id: string }) => d.id)).toEqual([replacing.id, current.id, old.id]);
    expect(all.body.items.map((d: { status: string }) => d.status)).toEqual([
      'current',
      'current',
      'expired',
    ]);
    const page = await coordinator.get(`/service-users/${userId}/decisions?pageSize=1&page=2`).expect(200);
    expect(page.body).toMatchObject({ total: 3, items: [{ id: current.id }] });
    const onDate = await coordinator
      .get(`/service-users/${userId}/decisions?validOn=${daysAgo(50)}`)
      .expect(200);
    expect(onDate.body.items.map((d: { id: string }) => d.id)).toEqual([current.id]);

    // The decision that took effect last is the one in force.
    const user = await coordinator.get(`/service-users/${userId}`).expect(200);
    expect(user.body.currentDecision).toMatchObject({ id: replacing.id, hoursGranted: 6 });

    await coordinator.get(`/service-users/${userId}/decisions?validOn=2026-02-30`).expect(400);
    await coordinator.get(`/service-users/${userId}/decisions?pageSize=500`).expect(400);
  });

  it.each([
    [{ validFrom: daysAgo(5), validTo: daysAgo(6) }, 'validTo'],
    [{ decidedOn: daysAhead(2) }, 'decidedOn'],
    [{ hoursGranted: 1.234 }, 'hoursGranted'],
    [{ hoursGranted: -1 }, 'hoursGranted'],
    [{ hoursGranted: 170, hoursPeriod: 'week' }, 'hoursGranted'],
    [{ hoursGranted: '4' }, 'hoursGranted'],
    [{ hoursPeriod: 'day' }, 'hoursPeriod'],
    [{ serviceForm: 'solo' }, 'serviceForm'],
    [{ drivingKmGranted: 2.5 }, 'drivingKmGranted'],
    [{ drivingPeriod: 'year' }, 'drivingPeriod'],
    [{ validFrom: '2026-02-30' }, 'validFrom'],
    [{ decidedOn: undefined }, 'decidedOn'],
    [{ waitingSince: daysAhead(400) }, 'waitingSince'],
    [{ grantedByChildWelfare: 'yes' }, 'grantedByChildWelfare'],
    [{ createdBy: 'someone-else' }, 'createdBy'],
    [{ serviceUserId: '6b0f0a9e-3f41-4c55-9a53-000000000000' }, 'serviceUserId'],
    [{ municipalityId: '6b0f0a9e-3f41-4c55-9a53-000000000000' }, 'municipalityId'],
  ])('refuses %j with 400 naming %s, and writes nothing', async (override, field) => {
    const userId = await newUser();
    const before = await countDecisions();
    const response = await caseworker
      .post(`/service-users/${userId}/decisions`)
      .send(decisionBody(override))
      .expect(400);
    expect(response.body).toMatchObject({
      status: 400,
      code: 'validation_failed',
      requestId: expect.any(String),
    });
    expect(response.body.details.map((d: { field: string }) => d.field)).toContain(field);
    expect(await countDecisions()).toBe(before);
  });

  describe('the age rule (not granted to children under school age unless by barnevernstjenesten)', () => {
    it('refuses a decision for a child under school age with a clear reason, and writes nothing', async () => {
      const birthDate = bornYearsAgo(3);
      const child = await newUser({ nationalId: nationalIdFor(birthDate), guardianName: 'Mor Nordmann' });
      const before = await countDecisions();
      const refused = await caseworker
        .post(`/service-users/${child}/decisions`)
        .send(decisionBody())
        .expect(400);
      expect(refused.body).toMatchObject({
        status: 400,
        code: 'age_rule',
        message: expect.stringMatching(/not granted to children under school age.*barnevernstjenesten/),
        details: [{ field: 'validFrom', reason: expect.stringMatching(/school age on \d{4}-08-01/) }],
      });
      expect(await countDecisions()).toBe(before);
      expect((await coordinator.get(`/service-users/${child}`)).body).toMatchObject({
        currentDecision: null,
      });
    });

    it('allows it when granted by child welfare', async () => {
      const child = await newUser({ nationalId: nationalIdFor(bornYearsAgo(4)) });
      const granted = await caseworker
        .post(`/service-users/${child}/decisions`)
        .send(decisionBody({ grantedByChildWelfare: true }))
        .expect(201);
      expect(granted.body.grantedByChildWelfare).toBe(true);
    });

    it('allows a school-age child, and refuses a decision taking effect before the user was born', async () => {
      const pupil = await newUser({ nationalId: nationalIdFor(bornYearsAgo(8)) });
      await caseworker.post(`/service-users/${pupil}/decisions`).send(decisionBody()).expect(201);
      const birthDate = bornYearsAgo(2);
      const toddler = await newUser({ nationalId: nationalIdFor(birthDate) });
      const before = await countDecisions();
      const unborn = await caseworker
        .post(`/service-users/${toddler}/decisions`)
        .send(
          decisionBody({
            grantedByChildWelfare: true,
            decidedOn: daysAgo(1),
            validFrom: bornYearsAgo(3),
            validTo: daysAhead(10),
          }),
        )
        .expect(400);
      expect(unborn.body).toMatchObject({
        code: 'age_rule',
        message: expect.stringMatching(/before the service user is born/),
      });
      expect(await countDecisions()).toBe(before);
    });
  });

  it('answers 404 for an unknown user or decision, and for malformed ids', async () => {
    const unknown = '6b0f0a9e-3f41-4c55-9a53-000000000000';
    const before = await countDecisions();
    const missing = await caseworker
      .post(`/service-users/${unknown}/decisions`)
      .send(decisionBody())
      .expect(404);
    expect(missing.body).toMatchObject({ status: 404, code: 'not_found', message: 'Service user not found' });
    await caseworker.get(`/service-users/${unknown}/decisions`).expect(404);
    const noDecision = await caseworker.get(`/decisions/${unknown}`).expect(404);
    expect(noDecision.body).toMatchObject({ code: 'not_found', message: 'Decision not found' });
    await caseworker.get('/decisions/42').expect(404);
    await caseworker.post('/service-users/42/decisions').send(decisionBody()).expect(404);
    expect(await countDecisions()).toBe(before);
  });

  it('never shows or adds to another municipality’s decisions: 404 like an unknown id', async () => {
    const userId = await newUser();
    const decision = (
      await caseworker.post(`/service-users/${userId}/decisions`).send(decisionBody()).expect(201)
    ).body;
    const before = await countDecisions();
    await foreign.get(`/decisions/${decision.id}`).expect(404);
    await foreign.get(`/service-users/${userId}/decisions`).expect(404);
    await foreign.post(`/service-users/${userId}/decisions`).send(decisionBody()).expect(404);
    expect(await countDecisions()).toBe(before);
  });

  it('answers 401 without a token and 403 to a støttekontakt on every route', async () => {
    const userId = await newUser();
    const decision = (
      await caseworker.post(`/service-users/${userId}/decisions`).send(decisionBody()).expect(201)
    ).body;
    const server = app.getHttpServer();
    await request(server).get(`/decisions/${decision.id}`).expect(401);
    await request(server).get(`/service-users/${userId}/decisions`).expect(401);
    await request(server).post(`/service-users/${userId}/decisions`).send(decisionBody()).expect(401);

    const contactId = (await coordinator.post('/contacts').send(contactBody()).expect(201)).body.id;
    const contact = as(app, await tokenFor(app, 'contact', municipalityId, contactId));
    const before = await countDecisions();
    const forbidden = await contact.get(`/decisions/${decision.id}`).expect(403);
    expect(JSON.stringify(forbidden.body)).not.toContain('Innvilget');
    await contact.get(`/service-users/${userId}/decisions`).expect(403);
    await contact.post(`/service-users/${userId}/decisions`).send(decisionBody()).expect(403);
    expect(await countDecisions()).toBe(before);
  });

  describe('what other contexts call inside their transactions', () => {
    it('currentDecision returns the decision in force on a date (the latest to take effect), or null', async () => {
      const userId = await newUser();
      const post = (overrides: Record<string, unknown>) =>
        caseworker.post(`/service-users/${userId}/decisions`).send(decisionBody(overrides)).expect(201);
      const first = (await post({ validFrom: daysAgo(100), validTo: daysAhead(100) })).body;
      const second = (await post({ validFrom: daysAgo(20), validTo: daysAhead(20) })).body;
      const service = app.get(ServiceUsersService);
      const em = dataSourceOf(app).manager;
      expect((await service.currentDecision(em, municipalityId, userId, daysAgo(50)))?.id).toBe(first.id);
      expect((await service.currentDecision(em, municipalityId, userId, daysAgo(0)))?.id).toBe(second.id);
      expect((await service.currentDecision(em, municipalityId, userId, daysAhead(50)))?.id).toBe(first.id);
      expect(await service.currentDecision(em, municipalityId, userId, daysAhead(101))).toBeNull();
      const other = await createMunicipality(app);
      expect(await service.currentDecision(em, other.id, userId, daysAgo(0))).toBeNull();
      const decision = await service.currentDecision(em, municipalityId, userId, daysAgo(0));
      expect(decision).toMatchObject({ hoursGranted: 4, hoursPeriod: 'week', serviceForm: 'individual' });
    });

    it('lockServiceUser locks the row, hides the fødselsnummer, and answers 404 for another municipality', async () => {
      const userId = await newUser();
      const service = app.get(ServiceUsersService);
      const db = dataSourceOf(app);
      await db.transaction(async (em) => {
        const user = await service.lockServiceUser(em, municipalityId, userId);
        expect(user).toMatchObject({ id: userId, birthDate: '1990-01-17' });
        expect(user.nationalId).toBeUndefined();
        // A second transaction cannot take the lock while this one holds it.
        const runner = db.createQueryRunner();
        await runner.connect();
        try {
          await runner.startTransaction();
          await expect(
            runner.query(`SELECT id FROM service_users WHERE id = $1 FOR UPDATE NOWAIT`, [userId]),
          ).rejects.toMatchObject({ driverError: { code: '55P03' } });
          await runner.rollbackTransaction();
        } finally {
          await runner.release();
        }
      });
      const other = await createMunicipality(app);
      await expect(
        db.transaction((em) => service.lockServiceUser(em, other.id, userId)),
      ).rejects.toBeInstanceOf(ApiError);
      await expect(
        db.transaction((em) =>
          service.lockServiceUser(em, municipalityId, '6b0f0a9e-3f41-4c55-9a53-000000000000'),
        ),
      ).rejects.toMatchObject({ status: 404 });
    });
  });
});
