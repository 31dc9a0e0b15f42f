import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { contactBody, daysAgo, today } from './factories';
import { as, createMunicipality, createTestApp, dataSourceOf, tokenFor } from './support/test-app';

describe('contacts (the roster)', () => {
  let app: INestApplication;
  let municipalityId: string;
  let coordinator: ReturnType<typeof as>;
  let caseworker: ReturnType<typeof as>;

  beforeAll(async () => {
    app = await createTestApp();
    municipalityId = (await createMunicipality(app)).id;
    coordinator = as(app, await tokenFor(app, 'coordinator', municipalityId));
    caseworker = as(app, await tokenFor(app, 'caseworker', municipalityId));
  });
  afterAll(() => app.close());

  const countContacts = async () =>
    Number(
      (
        await dataSourceOf(app).query(`SELECT count(*) FROM contacts WHERE municipality_id = $1`, [
          municipalityId,
        ])
      )[0].count,
    );

  it('registers a contact and derives eligibility', async () => {
    const created = await coordinator.post('/contacts').send(contactBody()).expect(201);
    expect(created.body).toMatchObject({
      firstName: 'Kari',
      interests: ['hiking', 'cinema'],
      eligibility: { eligible: true, reasons: [] },
      load: { users: 0, weeklyHours: 0 },
      version: 1,
    });
    const fetched = await caseworker.get(`/contacts/${created.body.id}`).expect(200);
    expect(fetched.body.id).toBe(created.body.id);
  });

  it('explains why a contact without politiattest or taushetserklæring is not eligible', async () => {
    const created = await coordinator
      .post('/contacts')
      .send(
        contactBody({
          policeCertificateIssuedOn: null,
          policeCertificatePresentedOn: null,
          confidentialitySignedOn: null,
        }),
      )
      .expect(201);
    expect(created.body.eligibility.eligible).toBe(false);
    const codes = created.body.eligibility.reasons.map((r: { code: string }) => r.code);
    expect(codes).toEqual(
      expect.arrayContaining(['police_certificate_missing', 'confidentiality_not_signed']),
    );
  });

  it('lists with filters and pagination, and the eligible filter agrees with the derived eligibility', async () => {
    await coordinator
      .post('/contacts')
      .send(
        contactBody({
          lastName: 'Gammel',
          policeCertificateIssuedOn: daysAgo(2000),
          policeCertificatePresentedOn: daysAgo(1990),
        }),
      )
      .expect(201);
    // Each of these breaks one rule of the eligibility gate; the SQL filter must agree with the pure rule.
    const variants = [
      { birthYear: Number(today().slice(0, 4)) - 18 },
      { policeCertificateIssuedOn: daysAgo(200), policeCertificatePresentedOn: daysAgo(50) },
      { confidentialitySignedOn: null },
      { policeCertificatePresentedOn: null },
    ];
    for (const variant of variants) {
      await coordinator
        .post('/contacts')
        .send(contactBody({ lastName: 'Variant', ...variant }))
        .expect(201);
    }
    const eligible = await coordinator.get('/contacts?eligible=true&pageSize=100').expect(200);
    const notEligible = await coordinator.get('/contacts?eligible=false&pageSize=100').expect(200);
    expect(
      eligible.body.items.every((c: { eligibility: { eligible: boolean } }) => c.eligibility.eligible),
    ).toBe(true);
    expect(
      notEligible.body.items.every((c: { eligibility: { eligible: boolean } }) => !c.eligibility.eligible),
    ).toBe(true);
    expect(eligible.body.total + notEligible.body.total).toBe(await countContacts());

    const page = await coordinator.get('/contacts?pageSize=1&page=2').expect(200);
    expect(page.body).toMatchObject({ page: 2, pageSize: 1, total: await countContacts() });
    expect(page.body.items).toHaveLength(1);
    const byName = await coordinator.get('/contacts?q=gamm').expect(200);
    expect(byName.body.items.map((c: { lastName: string }) => c.lastName)).toEqual(['Gammel']);
  });

  it.each([
    [{ birthYear: 'nineteen' }, 'birthYear'],
    [{ availability: [{ day: 'tue', start: 'x', end: '20:00' }] }, 'availability[0].start'],
    [{ availability: [{ day: 'tue', start: '20:00', end: '17:00' }] }, 'availability'],
    [{ interests: ['not_in_vocabulary'] }, 'interests'],
    [{ policeCertificateIssuedOn: '2026-02-30' }, 'policeCertificateIssuedOn'],
    [{ latitude: 59.9, longitude: undefined }, 'longitude'],
    [{ role: 'admin' }, 'role'],
    [{ municipalityId: '00000000-0000-0000-0000-000000000000' }, 'municipalityId'],
  ])('refuses %j with 400 naming the field, and writes nothing', async (override, field) => {
    const before = await countContacts();
    const response = await coordinator.post('/contacts').send(contactBody(override)).expect(400);
    expect(response.body).toMatchObject({ status: 400, code: 'validation_failed' });
    expect(response.body.requestId).toEqual(expect.any(String));
    expect(response.body.details.map((d: { field: string }) => d.field)).toContain(field);
    expect(await countContacts()).toBe(before);
  });

  it('answers 404 for an unknown id, and for a malformed one', async () => {
    const unknown = await coordinator.get('/contacts/6b0f0a9e-3f41-4c55-9a53-000000000000').expect(404);
    expect(unknown.body).toMatchObject({ status: 404, code: 'not_found' });
    await coordinator.get('/contacts/not-a-uuid').expect(404);
  });

  it('answers 401 without a token, and 403 for a caseworker creating a contact', async () => {
    await request(app.getHttpServer()).get('/contacts').expect(401);
    await caseworker.post('/contacts').send(contactBody()).expect(403);
  });

  it('updates with If-Match and refuses a stale version with 412', async () => {
    const created = await coordinator
      .post('/contacts')
      .send(contactBody({ lastName: 'Versjon' }))
      .expect(201);
    const updated = await coordinator
      .patch(`/contacts/${created.body.id}`)
      .set('If-Match', '"1"')
      .send({ maxUsers: 3 })
      .expect(200);
    expect(updated.body).toMatchObject({ maxUsers: 3, version: 2 });
    const stale = await coordinator
      .patch(`/contacts/${created.body.id}`)
      .set('If-Match', '"1"')
      .send({ maxUsers: 4 })
      .expect(412);
    expect(stale.body.code).toBe('version_mismatch');
    expect((await caseworker.get(`/contacts/${created.body.id}`)).body.maxUsers).toBe(3);
  });

  it('lets a contact see and edit only their own profile', async () => {
    const own = await coordinator
      .post('/contacts')
      .send(contactBody({ lastName: 'Selv' }))
      .expect(201);
    const other = await coordinator
      .post('/contacts')
      .send(contactBody({ lastName: 'Annen' }))
      .expect(201);
    const contact = as(app, await tokenFor(app, 'contact', municipalityId, own.body.id));

    const me = await contact.get('/contacts/me').expect(200);
    expect(me.body.id).toBe(own.body.id);
    await contact.get(`/contacts/${other.body.id}`).expect(404);
    await contact.get('/contacts').expect(403);
    await contact.patch(`/contacts/${own.body.id}`).send({ maxUsers: 9 }).expect(403);

    const edited = await contact
      .patch('/contacts/me')
      .send({ availability: [{ day: 'sat', start: '10:00', end: '14:00' }], interests: ['walks'] })
      .expect(200);
    expect(edited.body).toMatchObject({
      availability: [{ day: 'sat', start: '10:00', end: '14:00' }],
      interests: ['walks'],
    });
    // Certificates and capacity are the coordinator's to record.
    await contact
      .patch('/contacts/me')
      .send({ policeCertificateIssuedOn: daysAgo(1) })
      .expect(400);
  });

  it('refuses a hostile list of 2,000 availability slots by its size alone, before comparing any two', async () => {
    const own = await coordinator.post('/contacts').send(contactBody()).expect(201);
    const contact = as(app, await tokenFor(app, 'contact', municipalityId, own.body.id));
    // Every slot overlaps every other: the old check compared all 2,000 × 2,000 pairs before answering.
    const slots = Array.from({ length: 2_000 }, () => ({ day: 'mon', start: '08:00', end: '20:00' }));
    const refused = await contact.patch('/contacts/me').send({ availability: slots }).expect(400);
    expect(refused.body.details).toEqual([
      { field: 'availability', reason: 'availability must contain no more than 28 elements' },
    ]);
    expect(JSON.stringify(refused.body)).not.toContain('overlaps');
    expect((await contact.get('/contacts/me').expect(200)).body.availability).toEqual(own.body.availability);
  });

  it('never lets one municipality see another municipality’s contacts', async () => {
    const created = await coordinator
      .post('/contacts')
      .send(contactBody({ lastName: 'Lokal' }))
      .expect(201);
    const elsewhere = await createMunicipality(app);
    const foreign = as(app, await tokenFor(app, 'coordinator', elsewhere.id));
    await foreign.get(`/contacts/${created.body.id}`).expect(404);
    const list = await foreign.get('/contacts').expect(200);
    expect(list.body.total).toBe(0);
  });

  it('survives a restart of the app: the data is in PostgreSQL', async () => {
    const created = await coordinator
      .post('/contacts')
      .send(contactBody({ lastName: 'Varig' }))
      .expect(201);
    const second = await createTestApp();
    try {
      const token = await tokenFor(second, 'coordinator', municipalityId);
      await as(second, token).get(`/contacts/${created.body.id}`).expect(200);
    } finally {
      await second.close();
    }
  });
});
