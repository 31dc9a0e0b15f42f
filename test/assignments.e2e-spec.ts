import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { contactBody, daysAgo, daysAhead, today } from './factories';
import { seedServiceUser, seedUserWithDecision } from './support/seed-rows';
import { as, createMunicipality, createTestApp, dataSourceOf, tokenFor } from './support/test-app';

const MISSING_ID = '6b0f0a9e-3f41-4c55-9a53-000000000000';

describe('assignments (oppdrag)', () => {
  let app: INestApplication;
  let municipalityId: string;
  let coordinator: ReturnType<typeof as>;
  let caseworker: ReturnType<typeof as>;
  let admin: ReturnType<typeof as>;

  beforeAll(async () => {
    app = await createTestApp();
    municipalityId = (await createMunicipality(app)).id;
    coordinator = as(app, await tokenFor(app, 'coordinator', municipalityId));
    caseworker = as(app, await tokenFor(app, 'caseworker', municipalityId));
    admin = as(app, await tokenFor(app, 'admin', municipalityId));
  });
  afterAll(() => app.close());

  const sql = <T = Record<string, unknown>>(query: string, params: unknown[] = []): Promise<T[]> =>
    dataSourceOf(app).query(query, params);
  const assignmentCount = async () =>
    Number(
      (
        await sql<{ n: string }>(`SELECT count(*) AS n FROM assignments WHERE municipality_id = $1`, [
          municipalityId,
        ])
      )[0].n,
    );
  const newContact = async (overrides: Record<string, unknown> = {}) =>
    (
      await coordinator
        .post('/contacts')
        .send(contactBody({ maxUsers: 3, maxWeeklyHours: 20, ...overrides }))
        .expect(201)
    ).body as { id: string; firstName: string; lastName: string };
  const individualUser = (decision: Parameters<typeof seedUserWithDecision>[2] = {}, user = {}) =>
    seedUserWithDecision(
      app,
      municipalityId,
      { serviceForm: 'individual', hoursGranted: 4, hoursPeriod: 'week', ...decision },
      user,
    );
  const assign = async (contactId: string, serviceUserId: string, extra: Record<string, unknown> = {}) =>
    (
      await coordinator
        .post('/assignments')
        .send({
          startWithoutIntroductionReason: 'continues from before',
          contactId,
          serviceUserId,
          startsOn: today(),
          ...extra,
        })
        .expect(201)
    ).body;

  describe('create', () => {
    it('starts an individual assignment with the hours of the vedtak as the default', async () => {
      const contact = await newContact({ firstName: 'Kari', lastName: 'Kontakt' });
      // 8 hours a month = 8 × 12 / 52 ≈ 1.85 hours a week
      const user = await individualUser(
        { hoursGranted: 8, hoursPeriod: 'month' },
        { firstName: 'Per', lastName: 'Bruker' },
      );
      const created = await coordinator
        .post('/assignments')
        .send({
          startWithoutIntroductionReason: 'continues from before',
          contactId: contact.id,
          serviceUserId: user.id,
          startsOn: today(),
        })
        .expect(201);
      expect(created.body).toMatchObject({
        contact: { id: contact.id, firstName: 'Kari', lastName: 'Kontakt' },
        serviceUser: { id: user.id, firstName: 'Per', lastName: 'Bruker' },
        group: null,
        decisionId: user.decisionId,
        weeklyHours: 1.85,
        startsOn: today(),
        endsOn: null,
        endReason: null,
        endNote: null,
        active: true,
        version: 1,
      });
      expect(created.headers['cache-control']).toBe('no-store');
      const fetched = await caseworker.get(`/assignments/${created.body.id}`).expect(200);
      expect(fetched.body).toEqual(created.body);
      expect((await coordinator.get(`/contacts/${contact.id}`)).body.load).toEqual({
        users: 1,
        weeklyHours: 1.85,
      });
    });

    it('takes explicit hours, within the vedtak, and a volunteer partnership vedtak too', async () => {
      const contact = await newContact();
      const user = await individualUser({ serviceForm: 'volunteer_partnership', hoursGranted: 4 });
      const tooMany = await coordinator
        .post('/assignments')
        .send({
          startWithoutIntroductionReason: 'continues from before',
          contactId: contact.id,
          serviceUserId: user.id,
          startsOn: today(),
          weeklyHours: 4.5,
        })
        .expect(409);
      expect(tooMany.body).toMatchObject({
        code: 'hours_exceed_decision',
        context: { grantedWeeklyHours: 4 },
      });
      const created = await assign(contact.id, user.id, { weeklyHours: 2.5 });
      expect(created.weeklyHours).toBe(2.5);
    });

    it('starts a group assignment through /assignments with groupId', async () => {
      const contact = await newContact();
      const group = (await coordinator.post('/groups').send({ name: 'Gruppe via oppdrag' }).expect(201)).body;
      const created = await coordinator
        .post('/assignments')
        .send({ contactId: contact.id, groupId: group.id, startsOn: today(), weeklyHours: 3 })
        .expect(201);
      expect(created.body).toMatchObject({
        serviceUser: null,
        group: { id: group.id, name: 'Gruppe via oppdrag', status: 'forming' },
        decisionId: null,
        weeklyHours: 3,
      });
      expect((await coordinator.get(`/groups/${group.id}`)).body.contacts).toEqual([
        expect.objectContaining({ id: contact.id, assignmentId: created.body.id, seat: 1 }),
      ]);
    });

    it.each([
      ['serviceUserId', { serviceUserId: undefined }],
      ['groupId', { groupId: MISSING_ID }],
      ['weeklyHours', { serviceUserId: undefined, groupId: MISSING_ID }],
      ['contactId', { contactId: 'x' }],
      ['contactId', { contactId: undefined }],
      ['startsOn', { startsOn: '2026-02-30' }],
      ['startsOn', { startsOn: undefined }],
      ['weeklyHours', { weeklyHours: -1 }],
      ['weeklyHours', { weeklyHours: 81 }],
      ['weeklyHours', { weeklyHours: 1.234 }],
      ['weeklyHours', { weeklyHours: '2' }],
      ['createdBy', { createdBy: 'someone' }],
      ['municipalityId', { municipalityId: MISSING_ID }],
      ['endsOn', { endsOn: today() }],
    ])('refuses a bad %s with 400 naming it, and writes nothing (case %#)', async (field, override) => {
      const contact = await newContact();
      const user = await individualUser();
      const before = await assignmentCount();
      const response = await coordinator
        .post('/assignments')
        .send({
          startWithoutIntroductionReason: 'continues from before',
          contactId: contact.id,
          serviceUserId: user.id,
          startsOn: today(),
          ...override,
        })
        .expect(400);
      expect(response.body).toMatchObject({
        status: 400,
        code: 'validation_failed',
        requestId: expect.any(String),
      });
      expect(response.body.details.map((d: { field: string }) => d.field)).toContain(field);
      expect(await assignmentCount()).toBe(before);
    });

    it('refuses a contact without politiattest with 409 contact_not_eligible, and writes nothing', async () => {
      const contact = await newContact({
        policeCertificateIssuedOn: null,
        policeCertificatePresentedOn: null,
      });
      const user = await individualUser();
      const before = await assignmentCount();
      const response = await coordinator
        .post('/assignments')
        .send({
          startWithoutIntroductionReason: 'continues from before',
          contactId: contact.id,
          serviceUserId: user.id,
          startsOn: today(),
        })
        .expect(409);
      expect(response.body).toMatchObject({ status: 409, code: 'contact_not_eligible' });
      expect(response.body.context.reasons.map((r: { code: string }) => r.code)).toContain(
        'police_certificate_missing',
      );
      expect(await assignmentCount()).toBe(before);
    });

    it('judges the politiattest in calendar months on the day the oppdragsavtale is signed (its start)', async () => {
      const year = Number(today().slice(0, 4)) - 1;
      // Issued 30 September: accepted through 30 December (three calendar months), not 90 days (29 December).
      const certificate = {
        policeCertificateIssuedOn: `${year}-09-30`,
        policeCertificatePresentedOn: `${year}-10-01`,
        confidentialitySignedOn: `${year}-10-01`,
      };
      const late = await newContact(certificate);
      const user = await individualUser({ validFrom: `${year}-01-01`, validTo: `${year + 1}-12-31` });
      const before = await assignmentCount();
      const refused = await coordinator
        .post('/assignments')
        .send({
          startWithoutIntroductionReason: 'continues from before',
          contactId: late.id,
          serviceUserId: user.id,
          startsOn: `${year}-12-31`,
        })
        .expect(409);
      expect(refused.body.code).toBe('contact_not_eligible');
      expect(refused.body.context.reasons.map((r: { code: string }) => r.code)).toEqual([
        'police_certificate_too_old_at_signing',
      ]);
      expect(await assignmentCount()).toBe(before);
      const onTime = await newContact(certificate);
      await coordinator
        .post('/assignments')
        .send({
          startWithoutIntroductionReason: 'continues from before',
          contactId: onTime.id,
          serviceUserId: user.id,
          startsOn: `${year}-12-30`,
        })
        .expect(201);
    });

    it.each([
      ['an inactive contact', 'contact_inactive', { active: false }, {}],
      ['a contact without taushetserklæring', 'contact_not_eligible', { confidentialitySignedOn: null }, {}],
      ['a contact whose hours are full', 'capacity_hours_full', { maxWeeklyHours: 3 }, { hoursGranted: 4 }],
      ['a contact who takes no users', 'capacity_users_full', { maxUsers: 0 }, {}],
      ['a user with a group vedtak', 'decision_not_individual', {}, { serviceForm: 'group' }],
      [
        'a user whose vedtak has expired',
        'no_current_decision',
        {},
        { validFrom: daysAgo(400), validTo: daysAgo(1) },
      ],
      ['a user whose vedtak starts later', 'no_current_decision', {}, { validFrom: daysAhead(10) }],
    ] as const)(
      'refuses %s with 409 %s, and writes nothing',
      async (_label, code, contactOverride, decision) => {
        const contact = await newContact({ ...contactOverride });
        const user = await individualUser({ ...decision });
        const before = await assignmentCount();
        const response = await coordinator
          .post('/assignments')
          .send({
            startWithoutIntroductionReason: 'continues from before',
            contactId: contact.id,
            serviceUserId: user.id,
            startsOn: today(),
          })
          .expect(409);
        expect(response.body.code).toBe(code);
        expect(await assignmentCount()).toBe(before);
      },
    );

    it('refuses a user without any vedtak, and a second open assignment for the same pair', async () => {
      const contact = await newContact();
      const bare = await seedServiceUser(app, municipalityId);
      const none = await coordinator
        .post('/assignments')
        .send({
          startWithoutIntroductionReason: 'continues from before',
          contactId: contact.id,
          serviceUserId: bare.id,
          startsOn: today(),
        })
        .expect(409);
      expect(none.body.code).toBe('no_current_decision');

      const user = await individualUser();
      const first = await assign(contact.id, user.id);
      const before = await assignmentCount();
      const twice = await coordinator
        .post('/assignments')
        .send({
          startWithoutIntroductionReason: 'continues from before',
          contactId: contact.id,
          serviceUserId: user.id,
          startsOn: daysAhead(5),
          weeklyHours: 1,
        })
        .expect(409);
      expect(twice.body).toMatchObject({ code: 'assignment_exists', context: { assignmentId: first.id } });
      expect(await assignmentCount()).toBe(before);
    });

    it('uses the vedtak in force on the start date', async () => {
      const contact = await newContact();
      const user = await individualUser({ validFrom: daysAgo(30), validTo: daysAhead(20) });
      const late = await coordinator
        .post('/assignments')
        .send({
          startWithoutIntroductionReason: 'continues from before',
          contactId: contact.id,
          serviceUserId: user.id,
          startsOn: daysAhead(21),
        })
        .expect(409);
      expect(late.body.code).toBe('no_current_decision');
      await assign(contact.id, user.id, { startsOn: daysAhead(20) });
    });

    it('answers 404 for an unknown contact, user or group', async () => {
      const contact = await newContact();
      const user = await individualUser();
      const before = await assignmentCount();
      await coordinator
        .post('/assignments')
        .send({
          startWithoutIntroductionReason: 'continues from before',
          contactId: MISSING_ID,
          serviceUserId: user.id,
          startsOn: today(),
        })
        .expect(404);
      await coordinator
        .post('/assignments')
        .send({
          startWithoutIntroductionReason: 'continues from before',
          contactId: contact.id,
          serviceUserId: MISSING_ID,
          startsOn: today(),
        })
        .expect(404);
      await coordinator
        .post('/assignments')
        .send({ contactId: contact.id, groupId: MISSING_ID, startsOn: today(), weeklyHours: 1 })
        .expect(404);
      expect(await assignmentCount()).toBe(before);
    });
  });

  describe('capacity under parallel requests', () => {
    it('a contact with maxUsers 2 gets exactly 2 of 8 parallel assignments', async () => {
      const contact = await newContact({ maxUsers: 2, maxWeeklyHours: 40 });
      const users = await Promise.all(Array.from({ length: 8 }, () => individualUser({ hoursGranted: 2 })));
      const responses = await Promise.all(
        users.map((user) =>
          coordinator.post('/assignments').send({
            startWithoutIntroductionReason: 'continues from before',
            contactId: contact.id,
            serviceUserId: user.id,
            startsOn: today(),
          }),
        ),
      );
      expect(responses.filter((r) => r.status === 201)).toHaveLength(2);
      const refused = responses.filter((r) => r.status !== 201);
      expect(refused).toHaveLength(6);
      expect(refused.every((r) => r.status === 409 && r.body.code === 'capacity_users_full')).toBe(true);
      const [{ n }] = await sql<{ n: string }>(
        `SELECT count(*) AS n FROM assignments WHERE contact_id = $1`,
        [contact.id],
      );
      expect(Number(n)).toBe(2);
    });

    it('never passes the weekly hours when parallel requests would', async () => {
      const contact = await newContact({ maxUsers: 10, maxWeeklyHours: 10 });
      const users = await Promise.all(Array.from({ length: 6 }, () => individualUser({ hoursGranted: 3 })));
      const responses = await Promise.all(
        users.map((user) =>
          coordinator.post('/assignments').send({
            startWithoutIntroductionReason: 'continues from before',
            contactId: contact.id,
            serviceUserId: user.id,
            startsOn: today(),
          }),
        ),
      );
      expect(responses.filter((r) => r.status === 201)).toHaveLength(3);
      expect(
        responses.filter((r) => r.status === 409).every((r) => r.body.code === 'capacity_hours_full'),
      ).toBe(true);
      const [{ hours }] = await sql<{ hours: string }>(
        `SELECT sum(weekly_hours) AS hours FROM assignments WHERE contact_id = $1`,
        [contact.id],
      );
      expect(Number(hours)).toBe(9);
    });
  });

  describe('end', () => {
    it('ends an assignment with a reason, frees capacity once past, and refuses to end it twice', async () => {
      const contact = await newContact({ maxUsers: 1 });
      const user = await individualUser();
      const created = await assign(contact.id, user.id, { startsOn: daysAgo(20) });
      const ended = await coordinator
        .post(`/assignments/${created.id}/end`)
        .send({ endsOn: daysAgo(1), reason: 'not_a_good_match', note: 'Brukeren ønsket en annen kontakt' })
        .expect(200);
      expect(ended.body).toMatchObject({
        endsOn: daysAgo(1),
        endReason: 'not_a_good_match',
        endNote: 'Brukeren ønsket en annen kontakt',
        active: false,
        version: 2,
      });
      const again = await coordinator
        .post(`/assignments/${created.id}/end`)
        .send({ endsOn: today(), reason: 'other' })
        .expect(409);
      expect(again.body).toMatchObject({ code: 'assignment_already_ended', context: { endsOn: daysAgo(1) } });
      // The contact's single place is free again, and the same pair may start anew.
      await assign(contact.id, user.id);
    });

    it('keeps counting an assignment against capacity until its last day', async () => {
      const contact = await newContact({ maxUsers: 1 });
      const created = await assign(contact.id, (await individualUser()).id);
      await coordinator
        .post(`/assignments/${created.id}/end`)
        .send({ endsOn: daysAhead(14), reason: 'contact_quit' })
        .expect(200);
      const next = await coordinator
        .post('/assignments')
        .send({
          startWithoutIntroductionReason: 'continues from before',
          contactId: contact.id,
          serviceUserId: (await individualUser()).id,
          startsOn: today(),
        })
        .expect(409);
      expect(next.body.code).toBe('capacity_users_full');
    });

    it.each([
      ['endsOn', { endsOn: daysAgo(21) }],
      ['endsOn', { endsOn: 'tomorrow' }],
      ['reason', { reason: 'bored' }],
      ['reason', { reason: undefined }],
      ['note', { note: 'x'.repeat(1001) }],
      ['endedBy', { endedBy: 'x' }],
    ])('refuses a bad %s with 400 naming it, and changes nothing (case %#)', async (field, override) => {
      const contact = await newContact();
      const created = await assign(contact.id, (await individualUser()).id, { startsOn: daysAgo(20) });
      const response = await coordinator
        .post(`/assignments/${created.id}/end`)
        .send({ endsOn: today(), reason: 'other', ...override })
        .expect(400);
      expect(response.body.details.map((d: { field: string }) => d.field)).toContain(field);
      expect((await coordinator.get(`/assignments/${created.id}`)).body).toMatchObject({
        endsOn: null,
        version: 1,
      });
    });

    it('answers 404 for an unknown assignment', async () => {
      await coordinator
        .post(`/assignments/${MISSING_ID}/end`)
        .send({ endsOn: today(), reason: 'other' })
        .expect(404);
      await coordinator.get(`/assignments/${MISSING_ID}`).expect(404);
      await coordinator.get('/assignments/not-a-uuid').expect(404);
    });

    it('sends an active group back to forming when its last contact leaves', async () => {
      const group = (await coordinator.post('/groups').send({ name: 'Siste kontakt' }).expect(201)).body;
      for (let i = 0; i < 3; i++) {
        const member = await seedUserWithDecision(app, municipalityId, { serviceForm: 'group' });
        await coordinator.post(`/groups/${group.id}/members`).send({ serviceUserId: member.id }).expect(201);
      }
      const contact = await newContact();
      const assignment = (
        await coordinator
          .post('/assignments')
          .send({ contactId: contact.id, groupId: group.id, startsOn: today(), weeklyHours: 2 })
          .expect(201)
      ).body;
      await coordinator.post(`/groups/${group.id}/activate`).expect(200);
      const ended = await coordinator
        .post(`/assignments/${assignment.id}/end`)
        .send({ endsOn: today(), reason: 'contact_quit' })
        .expect(200);
      expect(ended.body.group).toEqual({ id: group.id, name: 'Siste kontakt', status: 'forming' });
      expect((await coordinator.get(`/groups/${group.id}`)).body).toMatchObject({
        status: 'forming',
        contacts: [],
      });
    });
  });

  describe('list', () => {
    it('filters by contact, user, group and active, with pagination', async () => {
      const contact = await newContact();
      const users = await Promise.all([individualUser(), individualUser(), individualUser()]);
      const [a1, a2] = [
        await assign(contact.id, users[0].id),
        await assign(contact.id, users[1].id, { startsOn: daysAgo(30) }),
      ];
      await coordinator
        .post(`/assignments/${a2.id}/end`)
        .send({ endsOn: daysAgo(2), reason: 'user_moved' })
        .expect(200);
      const other = await newContact();
      await assign(other.id, users[2].id);

      const byContact = await coordinator.get(`/assignments?contactId=${contact.id}`).expect(200);
      expect(byContact.body.total).toBe(2);
      const active = await coordinator.get(`/assignments?contactId=${contact.id}&active=true`).expect(200);
      expect(active.body.items.map((a: { id: string }) => a.id)).toEqual([a1.id]);
      const inactive = await coordinator.get(`/assignments?contactId=${contact.id}&active=false`).expect(200);
      expect(inactive.body.items.map((a: { id: string }) => a.id)).toEqual([a2.id]);
      const byUser = await caseworker.get(`/assignments?serviceUserId=${users[2].id}`).expect(200);
      expect(byUser.body.items.map((a: { contact: { id: string } }) => a.contact.id)).toEqual([other.id]);
      const page = await coordinator
        .get(`/assignments?contactId=${contact.id}&pageSize=1&page=2`)
        .expect(200);
      expect(page.body).toMatchObject({ page: 2, pageSize: 1, total: 2 });
      expect(page.body.items).toHaveLength(1);
      const group = (await coordinator.post('/groups').send({ name: 'Listegruppe' }).expect(201)).body;
      await coordinator
        .post(`/groups/${group.id}/contacts`)
        .send({ contactId: other.id, startsOn: today(), weeklyHours: 1 })
        .expect(201);
      const byGroup = await coordinator.get(`/assignments?groupId=${group.id}`).expect(200);
      expect(byGroup.body.items.map((a: { contact: { id: string } }) => a.contact.id)).toEqual([other.id]);
    });

    it.each([
      'active=maybe',
      'active=1',
      'contactId=x',
      'pageSize=101',
      'page=0',
      'serviceUserId=x',
      'sort=name',
    ])('refuses the query %s with 400', async (query) => {
      const response = await coordinator.get(`/assignments?${query}`).expect(400);
      expect(response.body.details[0].field).toBe(query.split('=')[0]);
    });
  });

  describe('a contact’s view', () => {
    it('lists and reads only their own assignments, without case data', async () => {
      const me = await newContact({ maxUsers: 5 });
      const someoneElse = await newContact();
      const myUser = await individualUser({}, { firstName: 'Åse', lastName: 'Østby' });
      const mine = await assign(me.id, myUser.id);
      await coordinator
        .post(`/assignments/${mine.id}/end`)
        .send({ endsOn: daysAhead(30), reason: 'needs_changed', note: 'Helseopplysning: ny diagnose' })
        .expect(200);
      await assign(me.id, (await individualUser()).id);
      const theirs = await assign(someoneElse.id, (await individualUser()).id);
      const contact = as(app, await tokenFor(app, 'contact', municipalityId, me.id));

      const list = await contact.get('/assignments?pageSize=1').expect(200);
      expect(list.body).toMatchObject({ total: 2, page: 1, pageSize: 1 });
      const all = await contact.get('/assignments').expect(200);
      expect(all.body.items.every((a: { contact: { id: string } }) => a.contact.id === me.id)).toBe(true);
      // Asking for another contact's assignments finds nothing rather than widening the view.
      expect((await contact.get(`/assignments?contactId=${someoneElse.id}`).expect(200)).body.total).toBe(0);

      const own = await contact.get(`/assignments/${mine.id}`).expect(200);
      expect(Object.keys(own.body).sort()).toEqual(
        [
          'active',
          'contact',
          'endReason',
          'endsOn',
          'group',
          'id',
          'serviceUser',
          'startsOn',
          'weeklyHours',
        ].sort(),
      );
      expect(own.body.serviceUser).toEqual({ id: myUser.id, firstName: 'Åse', lastNameInitial: 'Ø.' });
      const text = JSON.stringify([own.body, all.body]);
      expect(text).not.toContain(myUser.nationalId);
      expect(text).not.toContain('Østby');
      expect(text).not.toMatch(/diagnose|Helseopplysning|decision|wishes|nationalId|endNote/i);
      expect(text).not.toMatch(/\b\d{11}\b/);

      const foreign = await contact.get(`/assignments/${theirs.id}`).expect(404);
      const missing = await contact.get(`/assignments/${MISSING_ID}`).expect(404);
      expect({ ...foreign.body, requestId: undefined }).toEqual({ ...missing.body, requestId: undefined });
    });

    it('refuses a contact and a caseworker on writes with 403', async () => {
      const me = await newContact();
      const user = await individualUser();
      const created = await assign(me.id, user.id);
      const contact = as(app, await tokenFor(app, 'contact', municipalityId, me.id));
      const before = await assignmentCount();
      for (const actor of [contact, caseworker]) {
        const create = await actor
          .post('/assignments')
          .send({
            startWithoutIntroductionReason: 'continues from before',
            contactId: me.id,
            serviceUserId: (await individualUser()).id,
            startsOn: today(),
          })
          .expect(403);
        expect(create.body.code).toBe('forbidden');
        await actor
          .post(`/assignments/${created.id}/end`)
          .send({ endsOn: today(), reason: 'other' })
          .expect(403);
      }
      expect(await assignmentCount()).toBe(before);
      expect((await coordinator.get(`/assignments/${created.id}`)).body.endsOn).toBeNull();
      // An admin may do what a coordinator does.
      await admin
        .post(`/assignments/${created.id}/end`)
        .send({ endsOn: today(), reason: 'other' })
        .expect(200);
    });

    it('answers 401 without a token', async () => {
      await request(app.getHttpServer()).get('/assignments').expect(401);
      await request(app.getHttpServer()).post('/assignments').send({}).expect(401);
    });
  });

  describe('municipalities', () => {
    it('never lets another municipality see, end or use this municipality’s records', async () => {
      const contact = await newContact();
      const user = await individualUser();
      const created = await assign(contact.id, user.id);
      const elsewhere = await createMunicipality(app);
      const foreign = as(app, await tokenFor(app, 'coordinator', elsewhere.id));
      const foreignContactToken = as(app, await tokenFor(app, 'contact', elsewhere.id, contact.id));

      const missing = (await coordinator.get(`/assignments/${MISSING_ID}`).expect(404)).body;
      const read = await foreign.get(`/assignments/${created.id}`).expect(404);
      expect({ ...read.body, requestId: undefined }).toEqual({ ...missing, requestId: undefined });
      await foreign
        .post(`/assignments/${created.id}/end`)
        .send({ endsOn: today(), reason: 'other' })
        .expect(404);
      expect((await foreign.get('/assignments').expect(200)).body.total).toBe(0);
      expect((await foreign.get(`/assignments?contactId=${contact.id}`).expect(200)).body.total).toBe(0);
      expect((await foreignContactToken.get('/assignments').expect(200)).body.total).toBe(0);
      await foreignContactToken.get(`/assignments/${created.id}`).expect(404);

      // Their own contact cannot be assigned our user, nor ours their user.
      const theirContact = (await foreign.post('/contacts').send(contactBody()).expect(201)).body;
      const theirUser = await seedUserWithDecision(app, elsewhere.id);
      await foreign
        .post('/assignments')
        .send({
          startWithoutIntroductionReason: 'continues from before',
          contactId: theirContact.id,
          serviceUserId: user.id,
          startsOn: today(),
        })
        .expect(404);
      await foreign
        .post('/assignments')
        .send({
          startWithoutIntroductionReason: 'continues from before',
          contactId: contact.id,
          serviceUserId: theirUser.id,
          startsOn: today(),
        })
        .expect(404);
      const [{ n }] = await sql<{ n: string }>(
        `SELECT count(*) AS n FROM assignments WHERE municipality_id = $1`,
        [elsewhere.id],
      );
      expect(Number(n)).toBe(0);
      expect((await coordinator.get(`/assignments/${created.id}`)).body.endsOn).toBeNull();
    });
  });
});
