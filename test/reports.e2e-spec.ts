import { INestApplication } from '@nestjs/common';
import { hoursFixtures, YEAR } from './support/hours-fixtures';
import { as, createMunicipality, createTestApp, tokenFor } from './support/test-app';

describe('reports', () => {
  let app: INestApplication;
  let municipalityId: string;
  let coordinator: ReturnType<typeof as>;
  let fx: ReturnType<typeof hoursFixtures>;
  let long: Awaited<ReturnType<ReturnType<typeof hoursFixtures>['individual']>>;
  let quick: Awaited<ReturnType<ReturnType<typeof hoursFixtures>['individual']>>;

  beforeAll(async () => {
    app = await createTestApp();
    municipalityId = (await createMunicipality(app)).id;
    coordinator = as(app, await tokenFor(app, 'coordinator', municipalityId));
    fx = hoursFixtures(app, municipalityId, coordinator);
    // Waited 1 January → 1 February: 31 days. Waited 20 January → 1 February: 12 days.
    long = await fx.individual({ validFrom: `${YEAR}-01-01` }, `${YEAR}-02-01`);
    quick = await fx.individual({ validFrom: `${YEAR}-01-20` }, `${YEAR}-02-01`);
    for (const [date, start, end] of [
      [`${YEAR}-03-03`, '10:00', '12:00'],
      [`${YEAR}-03-10`, '10:00', '13:00'],
    ]) {
      await long.contact.client
        .post('/sessions')
        .send(fx.session(long.assignmentId, { date, start, end }))
        .expect(201);
    }
    await quick.contact.client
      .post('/sessions')
      .send(fx.session(quick.assignmentId, { date: `${YEAR}-03-04`, start: '09:00', end: '10:30' }))
      .expect(201);
    await coordinator
      .post(`/assignments/${quick.assignmentId}/end`)
      .send({ endsOn: `${YEAR}-03-15`, reason: 'not_a_good_match' })
      .expect(200);
    await fx.userWithDecision({ validFrom: `${YEAR}-02-20` }); // still waiting
  });
  afterAll(() => app.close());

  it('reports hours granted vs used per user and per contact, as JSON and CSV', async () => {
    const report = await coordinator.get(`/reports/hours?from=${YEAR}-03-01&to=${YEAR}-03-31`).expect(200);
    expect(report.headers['cache-control']).toBe('no-store');
    const user = report.body.users.find((u: { serviceUserId: string }) => u.serviceUserId === long.user.id);
    expect(user).toMatchObject({ grantedHours: 10, usedHours: 5, usedPercent: 50 });
    const contact = report.body.contacts.find((c: { contactId: string }) => c.contactId === long.contact.id);
    expect(contact.usedHours).toBe(5);
    const quickContact = report.body.contacts.find(
      (c: { contactId: string }) => c.contactId === quick.contact.id,
    );
    expect(quickContact.usedHours).toBe(1.5);
    const csv = await coordinator
      .get(`/reports/hours?from=${YEAR}-03-01&to=${YEAR}-03-31&format=csv`)
      .expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.text.split('\r\n')[0]).toBe(
      'kind,id,last_name,first_name,granted_or_assigned_hours,used_hours',
    );
    expect(csv.text).toContain(`user,${long.user.id},`);
    await coordinator.get(`/reports/hours?from=${YEAR}-03-31&to=${YEAR}-03-01`).expect(400);
    const tooLong = await coordinator.get(`/reports/waiting-times?from=2000-01-01&to=2030-01-01`).expect(400);
    expect(tooLong.body.details).toEqual([
      { field: 'to', reason: expect.stringContaining('at most 1827 days') },
    ]);
  });

  it("counts waiting times in Helsedirektoratet's bands", async () => {
    const report = await coordinator
      .get(`/reports/waiting-times?from=${YEAR}-02-01&to=${YEAR}-02-28`)
      .expect(200);
    expect(report.body.started).toEqual({ within15Days: 1, from16To30Days: 0, from31Days: 1 });
    expect(report.body.stillWaiting).toEqual({ within15Days: 1, from16To30Days: 0, from31Days: 0 }); // 8 days
    const csv = await coordinator
      .get(`/reports/waiting-times?from=${YEAR}-02-01&to=${YEAR}-02-28&format=csv`)
      .expect(200);
    expect(csv.text).toBe(
      'group,within_15_days,16_to_30_days,31_days_or_more\r\nstarted,1,0,1\r\nstill_waiting,1,0,0\r\n',
    );
  });

  it('counts matches ended within 3, 6 and 12 months, with the reasons', async () => {
    const report = await coordinator
      .get(`/reports/ended-assignments?from=${YEAR}-01-01&to=${YEAR}-12-31`)
      .expect(200);
    expect(report.body).toMatchObject({
      ended: 1,
      within3Months: { count: 1, reasons: { not_a_good_match: 1 } },
      within6Months: { count: 0, reasons: {} },
      within12Months: { count: 0 },
      after12Months: { count: 0 },
    });
  });

  it('exports the year for KPR (service code 9, hours per user), logged as access to each user', async () => {
    const report = await coordinator.get(`/reports/kpr?year=${YEAR}`).expect(200);
    const [nationalId] = await fx.sql<{ national_id: string }>(
      `SELECT national_id FROM service_users WHERE id = $1`,
      [long.user.id],
    );
    expect(report.body.lines).toEqual(
      expect.arrayContaining([
        {
          serviceUserId: long.user.id,
          nationalId: nationalId.national_id,
          serviceCode: 9,
          year: YEAR,
          hours: 5,
        },
        expect.objectContaining({ serviceUserId: quick.user.id, hours: 1.5 }),
      ]),
    );
    expect(report.body.totalHours).toBe(6.5);
    const csv = await coordinator.get(`/reports/kpr?year=${YEAR}&format=csv`).expect(200);
    expect(csv.text).toContain(`${nationalId.national_id},9,${YEAR},5\r\n`);
    const logged = await fx.sql(
      `SELECT 1 FROM access_log WHERE subject_id = $1 AND action = 'kpr_export' AND outcome = 'allowed'`,
      [long.user.id],
    );
    expect(logged.length).toBe(2);
    await coordinator.get('/reports/kpr?year=1999').expect(400);
  });

  it('keeps reports to staff and KPR to coordinators and admins', async () => {
    await long.contact.client.get(`/reports/hours?from=${YEAR}-03-01&to=${YEAR}-03-31`).expect(403);
    await long.contact.client.get(`/reports/kpr?year=${YEAR}`).expect(403);
    const caseworker = as(app, await tokenFor(app, 'caseworker', municipalityId));
    await caseworker.get(`/reports/waiting-times?from=${YEAR}-02-01&to=${YEAR}-02-28`).expect(200);
    await caseworker.get(`/reports/kpr?year=${YEAR}`).expect(403);
    const foreign = as(app, await tokenFor(app, 'coordinator', (await createMunicipality(app)).id));
    expect((await foreign.get(`/reports/kpr?year=${YEAR}`).expect(200)).body.lines).toEqual([]);
  });
});
