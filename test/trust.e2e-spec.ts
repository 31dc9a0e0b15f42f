import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { MyUserResponse } from '../src/service-users/dto/my-user.response';
import { contactBody, daysAgo } from './factories';
import { seedUserWithDecision } from './support/seed-rows';
import { as, createMunicipality, createTestApp, dataSourceOf, tokenFor } from './support/test-app';

/** TRUST.md: need-to-know access, the access log, headers, rate limits and hostile input. */
describe('trust', () => {
  let app: INestApplication;
  let municipalityId: string;
  let coordinator: ReturnType<typeof as>;
  let contactId: string;
  let contact: ReturnType<typeof as>;
  let mine: { id: string; nationalId: string };
  let notMine: { id: string };

  beforeAll(async () => {
    app = await createTestApp();
    municipalityId = (await createMunicipality(app)).id;
    coordinator = as(app, await tokenFor(app, 'coordinator', municipalityId));
    contactId = (
      await coordinator
        .post('/contacts')
        .send(contactBody({ maxUsers: 3 }))
        .expect(201)
    ).body.id;
    contact = as(app, await tokenFor(app, 'contact', municipalityId, contactId));
    mine = await seedUserWithDecision(app, municipalityId);
    notMine = await seedUserWithDecision(app, municipalityId);
    await coordinator
      .post('/assignments')
      .send({
        startWithoutIntroductionReason: 'continues from before',
        contactId,
        serviceUserId: mine.id,
        startsOn: daysAgo(1),
      })
      .expect(201);
  });
  afterAll(() => app.close());

  const logRows = (subjectId: string) =>
    dataSourceOf(app).query(`SELECT * FROM access_log WHERE subject_id = $1 ORDER BY id`, [subjectId]);

  describe('access log (Normen)', () => {
    it('writes exactly one row for a staff read of a user: actor, role, subject, action, route, time, request id', async () => {
      const caseworker = as(app, await tokenFor(app, 'caseworker', municipalityId));
      const before = (await logRows(notMine.id)).length;
      const response = await caseworker
        .get(`/service-users/${notMine.id}`)
        .set('X-Request-Id', 'req-trust-0001')
        .expect(200);
      const rows = await logRows(notMine.id);
      expect(rows).toHaveLength(before + 1);
      expect(rows.at(-1)).toMatchObject({
        municipality_id: municipalityId,
        role: 'caseworker',
        subject_type: 'service_user',
        subject_id: notMine.id,
        action: 'read',
        route: 'GET /service-users/:id',
        // The server's own request id, answered in the header; the caller's is kept apart, marked as theirs.
        request_id: response.headers['x-request-id'],
        client_request_id: 'req-trust-0001',
        outcome: 'allowed',
      });
      expect(rows.at(-1).actor).toMatch(/^caseworker-/);
      expect(response.headers['x-request-id']).not.toBe('req-trust-0001');
      expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('writes exactly one row per listed user, for the request that listed them', async () => {
      const requestId = `req-trust-list-${Date.now()}`;
      const list = await coordinator
        .get('/service-users?pageSize=100')
        .set('X-Request-Id', requestId)
        .expect(200);
      const ids: string[] = list.body.items.map((u: { id: string }) => u.id);
      expect(ids).toEqual(expect.arrayContaining([mine.id, notMine.id]));
      const rows: { subject_id: string }[] = await dataSourceOf(app).query(
        `SELECT subject_id FROM access_log WHERE client_request_id = $1 AND action = 'list' AND municipality_id = $2`,
        [requestId, municipalityId],
      );
      expect(rows.map((r) => r.subject_id).sort()).toEqual([...ids].sort());
    });

    it("names the contact where a støttekontakt read, in the user's log, in the hash chain", async () => {
      await contact.get(`/contacts/me/users/${mine.id}`).expect(200);
      const log = await coordinator.get(`/service-users/${mine.id}/access-log`).expect(200);
      const own = log.body.items.find((item: { role: string }) => item.role === 'contact');
      expect(own).toMatchObject({ contactId, subjectId: mine.id, route: 'GET /contacts/me/users/:id' });
      expect(
        log.body.items
          .filter((item: { role: string }) => item.role !== 'contact')
          .every((item: { contactId: string | null }) => item.contactId === null),
      ).toBe(true);
      const [row] = await dataSourceOf(app).query(
        `SELECT actor_contact_id FROM access_log WHERE subject_id = $1 AND role = 'contact' ORDER BY id DESC LIMIT 1`,
        [mine.id],
      );
      expect(row.actor_contact_id).toBe(contactId);
      const admin = as(app, await tokenFor(app, 'admin', municipalityId));
      const verified = await admin.get('/access-log/verification').expect(200);
      expect(verified.body.firstBrokenLink).toBeNull();
    });

    it('cannot be changed, deleted or switched off by the application (TRUST 3)', async () => {
      // The app's own connection is the application role, which holds INSERT and SELECT only.
      const db = dataSourceOf(app);
      await expect(db.query(`UPDATE access_log SET actor = 'someone-else'`)).rejects.toThrow(
        /permission denied/,
      );
      await expect(db.query(`DELETE FROM access_log`)).rejects.toThrow(/permission denied/);
      await expect(db.query(`TRUNCATE access_log`)).rejects.toThrow(/permission denied/);
      await expect(
        db.query(`ALTER TABLE access_log DISABLE TRIGGER access_log_no_update_or_delete`),
      ).rejects.toThrow(/must be owner/);
    });

    it('is readable per user by a coordinator, and not across municipalities', async () => {
      const fresh = await seedUserWithDecision(app, municipalityId);
      const caseworker = as(app, await tokenFor(app, 'caseworker', municipalityId));
      await caseworker.get(`/service-users/${fresh.id}`).expect(200);
      await caseworker.get(`/service-users/${fresh.id}`).expect(200);
      const log = await coordinator.get(`/service-users/${fresh.id}/access-log`).expect(200);
      expect(log.body.total).toBe(2);
      expect(log.body.items).toHaveLength(2);
      for (const item of log.body.items) {
        expect(item).toMatchObject({
          subjectId: fresh.id,
          role: 'caseworker',
          action: 'read',
          occurredAt: expect.stringMatching(/Z$/),
        });
      }
      const elsewhere = await createMunicipality(app);
      const foreign = as(app, await tokenFor(app, 'coordinator', elsewhere.id));
      await foreign.get(`/service-users/${fresh.id}/access-log`).expect(404);
      await contact.get(`/service-users/${fresh.id}/access-log`).expect(403);
    });
  });

  describe('need to know', () => {
    it('shows a contact their own user with only the fields the work needs', async () => {
      const list = await contact.get('/contacts/me/users').expect(200);
      expect(list.body.map((u: { id: string }) => u.id)).toEqual([mine.id]);
      const one = await contact.get(`/contacts/me/users/${mine.id}`).expect(200);
      expect(Object.keys(one.body).sort()).toEqual([...MyUserResponse.FIELDS].sort());
      const text = JSON.stringify(one.body);
      expect(text).not.toContain(mine.nationalId);
      expect(text).not.toMatch(/diagnose|helse|decision|wishes|birth/i);
    });

    it('shows the contact the ledsagerbevis the coordinator records, and refuses a state that is not one', async () => {
      const read = await coordinator.get(`/service-users/${mine.id}`).expect(200);
      expect(read.body.companionCard).toBeNull();
      await coordinator
        .patch(`/service-users/${mine.id}`)
        .set('If-Match', String(read.body.version))
        .send({ companionCard: 'yes' })
        .expect(400);
      const recorded = await coordinator
        .patch(`/service-users/${mine.id}`)
        .set('If-Match', String(read.body.version))
        .send({ companionCard: 'has' })
        .expect(200);
      expect(recorded.body.companionCard).toBe('has');
      const seen = await contact.get(`/contacts/me/users/${mine.id}`).expect(200);
      expect(seen.body.companionCard).toBe('has');
      await coordinator
        .patch(`/service-users/${mine.id}`)
        .set('If-Match', String(recorded.body.version))
        .send({ companionCard: null })
        .expect(200);
      expect((await contact.get(`/contacts/me/users/${mine.id}`).expect(200)).body.companionCard).toBeNull();
    });

    it("names the user on a contact's own timesheet by first name and the surname's initial", async () => {
      const [assignment] = await dataSourceOf(app).query(
        `SELECT id FROM assignments WHERE contact_id = $1 AND service_user_id = $2`,
        [contactId, mine.id],
      );
      const session = await contact
        .post('/sessions')
        .send({
          assignmentId: assignment.id,
          date: daysAgo(1),
          start: '17:00',
          end: '18:00',
          activity: 'Tur',
        })
        .expect(201);
      const [user] = await dataSourceOf(app).query(`SELECT last_name FROM service_users WHERE id = $1`, [
        mine.id,
      ]);
      const asContact = await contact.get(`/timesheets/${session.body.timesheetId}`).expect(200);
      expect(asContact.body.serviceUser.lastName).toBe(`${[...user.last_name][0]}.`);
      expect(asContact.text).not.toContain(user.last_name);
      const asCoordinator = await coordinator.get(`/timesheets/${session.body.timesheetId}`).expect(200);
      expect(asCoordinator.body.serviceUser.lastName).toBe(user.last_name);
    });

    it('answers 404, exactly as for a missing id, for a user not assigned to the contact, and logs DENIED', async () => {
      const refused = await contact.get(`/contacts/me/users/${notMine.id}`).expect(404);
      const missing = await contact
        .get('/contacts/me/users/6b0f0a9e-3f41-4c55-9a53-000000000000')
        .expect(404);
      const strip = (body: Record<string, unknown>) => ({ ...body, requestId: undefined });
      expect(strip(refused.body)).toEqual(strip(missing.body));
      const rows = await logRows(notMine.id);
      const refusedReads = rows.filter(
        (r: { outcome: string; action: string }) => r.outcome === 'denied' && r.action === 'contact_read',
      );
      expect(refusedReads).toHaveLength(1);
      expect(rows.at(-1)).toMatchObject({ role: 'contact', outcome: 'denied', action: 'contact_read' });
    });

    it('gives a contact 403 on coordinator routes, and logs each refused attempt', async () => {
      const refusals = () =>
        dataSourceOf(app).query(
          `SELECT subject_type, subject_id, route, role, outcome FROM access_log
            WHERE municipality_id = $1 AND action = 'refused_by_role' ORDER BY id`,
          [municipalityId],
        );
      const before = (await refusals()).length;
      await contact.get('/service-users').expect(403);
      await contact.get(`/service-users/${mine.id}`).expect(403);
      await contact.post('/contacts').send(contactBody()).expect(403);
      await contact.get('/proposals').expect(403);
      expect((await refusals()).slice(before)).toEqual([
        {
          subject_type: 'route',
          subject_id: null,
          route: 'GET /service-users',
          role: 'contact',
          outcome: 'denied',
        },
        {
          subject_type: 'service_user',
          subject_id: mine.id,
          route: 'GET /service-users/:id',
          role: 'contact',
          outcome: 'denied',
        },
        {
          subject_type: 'route',
          subject_id: null,
          route: 'POST /contacts',
          role: 'contact',
          outcome: 'denied',
        },
        {
          subject_type: 'route',
          subject_id: null,
          route: 'GET /proposals',
          role: 'contact',
          outcome: 'denied',
        },
      ]);
    });
  });

  describe('headers', () => {
    it('sets helmet headers and Cache-Control: no-store on personal data', async () => {
      const response = await coordinator.get(`/service-users/${mine.id}`).expect(200);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      expect(response.headers['cache-control']).toBe('no-store');
      expect((await coordinator.get('/contacts').expect(200)).headers['cache-control']).toBe('no-store');
    });

    it('refuses a foreign CORS origin', async () => {
      const preflight = await request(app.getHttpServer())
        .options('/contacts')
        .set('Origin', 'https://evil.example')
        .set('Access-Control-Request-Method', 'GET');
      expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    });
  });

  describe('hostile input', () => {
    it('rejects __proto__ and constructor payloads and leaves Object.prototype alone', async () => {
      const before = await dataSourceOf(app).query(
        `SELECT count(*) FROM contacts WHERE municipality_id = $1`,
        [municipalityId],
      );
      for (const payload of [
        `{"firstName":"A","lastName":"B","birthYear":1990,"__proto__":{"polluted":true}}`,
        `{"firstName":"A","lastName":"B","birthYear":1990,"constructor":{"prototype":{"polluted":true}}}`,
      ]) {
        const response = await coordinator
          .post('/contacts')
          .set('Content-Type', 'application/json')
          .send(payload);
        expect(response.status).toBe(400);
      }
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      const after = await dataSourceOf(app).query(
        `SELECT count(*) FROM contacts WHERE municipality_id = $1`,
        [municipalityId],
      );
      expect(after).toEqual(before);
    });

    it.each(['toString', 'valueOf', 'hasOwnProperty', 'constructor', 'isPrototypeOf'])(
      'refuses an unknown key named %s like any unknown key, and changes nothing',
      async (key) => {
        const before = await dataSourceOf(app).query(
          `SELECT count(*) FROM contacts WHERE municipality_id = $1`,
          [municipalityId],
        );
        const response = await coordinator
          .post('/contacts')
          .send({ ...contactBody({ lastName: `Arvet-${key}` }), [key]: 'x' })
          .expect(400);
        expect(response.body).toMatchObject({
          code: 'validation_failed',
          details: [{ field: key, reason: `property ${key} should not exist` }],
        });
        await contact
          .patch('/contacts/me')
          .send({ [key]: 'x' })
          .expect(400);
        const after = await dataSourceOf(app).query(
          `SELECT count(*) FROM contacts WHERE municipality_id = $1`,
          [municipalityId],
        );
        expect(after).toEqual(before);
      },
    );

    it("answers a page past any data's reach with 400 on the page field, never 500", async () => {
      for (const page of ['1e19', '10001', '99999999999']) {
        const response = await coordinator.get(`/contacts?page=${page}`).expect(400);
        expect(response.body.details[0].field).toBe('page');
      }
      await coordinator.get('/contacts?page=10000').expect(200);
    });

    it('parses query booleans exactly and caps the page size', async () => {
      const retired = (
        await coordinator
          .post('/contacts')
          .send(contactBody({ lastName: 'Sluttet', active: false }))
          .expect(201)
      ).body.id as string;
      const idsOf = (body: { items: { id: string; active: boolean }[] }) => body.items.map((c) => c.id);
      const inactive = await coordinator.get('/contacts?active=false&pageSize=100').expect(200);
      expect(idsOf(inactive.body)).toContain(retired);
      expect(idsOf(inactive.body)).not.toContain(contactId);
      expect(inactive.body.items.every((c: { active: boolean }) => c.active === false)).toBe(true);
      const active = await coordinator.get('/contacts?active=true&pageSize=100').expect(200);
      expect(idsOf(active.body)).toContain(contactId);
      expect(idsOf(active.body)).not.toContain(retired);
      await coordinator.get('/contacts?active=yes').expect(400);
      const tooBig = await coordinator.get('/contacts?pageSize=101').expect(400);
      expect(tooBig.body.details[0].field).toBe('pageSize');
    });

    it('never takes a fødselsnummer from a path or a query', async () => {
      const byPath = await coordinator.get(`/service-users/${mine.nationalId}`).expect(404);
      expect(JSON.stringify(byPath.body)).not.toContain(mine.nationalId);
      await coordinator.get(`/service-users?nationalId=${mine.nationalId}`).expect(400);
    });
  });
});
