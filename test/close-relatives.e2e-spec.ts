import { INestApplication } from '@nestjs/common';
import { daysAgo } from './factories';
import { newContact, newWaitingUser } from './support/introduction-fixtures';
import { seedUserWithDecision } from './support/seed-rows';
import { as, createMunicipality, createTestApp, dataSourceOf, tokenFor } from './support/test-app';

const TODAY = daysAgo(0);
const MISSING_ID = '6b0f0a9e-3f41-4c55-9a53-000000000000';

/** DOMAIN rule 8 and the close-relative rule: introduction before start, and close relatives never, on any path. */
describe('introduction before start, and close relatives', () => {
  let app: INestApplication;
  let municipalityId: string;
  let coordinator: ReturnType<typeof as>;

  beforeAll(async () => {
    app = await createTestApp();
    municipalityId = (await createMunicipality(app)).id;
    coordinator = as(app, await tokenFor(app, 'coordinator', municipalityId));
  });
  afterAll(() => app.close());

  const sql = <T = Record<string, unknown>>(query: string, params: unknown[] = []): Promise<T[]> =>
    dataSourceOf(app).query(query, params);
  const assignmentsOf = async (serviceUserId: string) =>
    (await sql(`SELECT id FROM assignments WHERE service_user_id = $1`, [serviceUserId])).length;

  describe('an individual assignment starts from an introduction', () => {
    it('refuses POST /assignments without a reason (409 introduction_required) and writes nothing', async () => {
      const contact = await newContact(coordinator);
      const user = await newWaitingUser(app, municipalityId);
      for (const reason of [undefined, '   ']) {
        const refused = await coordinator
          .post('/assignments')
          .send({
            contactId: contact.id,
            serviceUserId: user.id,
            startsOn: TODAY,
            startWithoutIntroductionReason: reason,
          })
          .expect(409);
        expect(refused.body).toMatchObject({ status: 409, code: 'introduction_required' });
      }
      expect(await assignmentsOf(user.id)).toBe(0);
    });

    it('starts one without a meeting when the coordinator says why, and keeps and shows the reason', async () => {
      const contact = await newContact(coordinator);
      const user = await newWaitingUser(app, municipalityId);
      const reason = 'Fortsetter samarbeidet fra avlastningstilbudet';
      const created = await coordinator
        .post('/assignments')
        .send({
          contactId: contact.id,
          serviceUserId: user.id,
          startsOn: TODAY,
          startWithoutIntroductionReason: reason,
        })
        .expect(201);
      expect(created.body.startedWithoutIntroductionReason).toBe(reason);
      const read = await coordinator.get(`/assignments/${created.body.id}`).expect(200);
      expect(read.body.startedWithoutIntroductionReason).toBe(reason);
      const history = await coordinator.get(`/service-users/${user.id}/case-history`).expect(200);
      expect(history.body).toEqual([
        expect.objectContaining({
          subjectType: 'assignment',
          to: 'active',
          reasonCode: 'started_without_introduction',
          note: reason,
        }),
      ]);
    });

    it('refuses a reason on a group assignment (400 naming the field)', async () => {
      const contact = await newContact(coordinator);
      const group = (await coordinator.post('/groups').send({ name: 'Turgruppa' }).expect(201)).body;
      const response = await coordinator
        .post('/assignments')
        .send({
          contactId: contact.id,
          groupId: group.id,
          startsOn: TODAY,
          weeklyHours: 2,
          startWithoutIntroductionReason: 'x',
        })
        .expect(400);
      expect(response.body.details.map((d: { field: string }) => d.field)).toContain(
        'startWithoutIntroductionReason',
      );
    });
  });

  describe('close relatives', () => {
    it('are recorded by a coordinator, or by the contact about themself only, and every answer is access-logged', async () => {
      const contact = await newContact(coordinator);
      const other = await newContact(coordinator);
      const user = await newWaitingUser(app, municipalityId);
      const cousin = await newWaitingUser(app, municipalityId);
      const recorded = await coordinator
        .post(`/contacts/${contact.id}/close-relatives`)
        .send({ serviceUserId: user.id, relation: 'tante' })
        .expect(201);
      expect(recorded.body).toMatchObject({
        contactId: contact.id,
        serviceUserId: user.id,
        relation: 'tante',
        recordedByRole: 'coordinator',
      });
      const self = as(app, await tokenFor(app, 'contact', municipalityId, contact.id));
      await self
        .post(`/contacts/${contact.id}/close-relatives`)
        .send({ serviceUserId: cousin.id })
        .expect(201);
      // Someone else's record, an unknown user, or an unknown field: refused, nothing written.
      await self.post(`/contacts/${other.id}/close-relatives`).send({ serviceUserId: user.id }).expect(404);
      await coordinator
        .post(`/contacts/${contact.id}/close-relatives`)
        .send({ serviceUserId: MISSING_ID })
        .expect(404);
      await coordinator
        .post(`/contacts/${contact.id}/close-relatives`)
        .send({ serviceUserId: user.id, role: 'admin' })
        .expect(400);
      const list = await coordinator.get(`/contacts/${contact.id}/close-relatives`).expect(200);
      expect(list.body.items.map((r: { serviceUserId: string }) => r.serviceUserId).sort()).toEqual(
        [user.id, cousin.id].sort(),
      );
      expect(list.headers['cache-control']).toBe('no-store');
      const log = await sql<{ action: string; outcome: string; role: string }>(
        `SELECT action, outcome, role FROM access_log WHERE subject_id = $1 ORDER BY occurred_at`,
        [user.id],
      );
      expect(log).toEqual(
        expect.arrayContaining([
          { action: 'record_close_relative', outcome: 'allowed', role: 'coordinator' },
          { action: 'record_close_relative', outcome: 'denied', role: 'contact' },
          { action: 'list_close_relatives', outcome: 'allowed', role: 'coordinator' },
        ]),
      );
      // A coordinator removes one recorded by mistake; a contact may not.
      await self.delete(`/contacts/${contact.id}/close-relatives/${cousin.id}`).expect(403);
      await coordinator.delete(`/contacts/${contact.id}/close-relatives/${cousin.id}`).expect(204);
      await coordinator.delete(`/contacts/${contact.id}/close-relatives/${cousin.id}`).expect(404);
    });

    it('are never introduced or assigned (409 close_relative), by hand or with a reason', async () => {
      const contact = await newContact(coordinator);
      const user = await newWaitingUser(app, municipalityId);
      await coordinator
        .post(`/contacts/${contact.id}/close-relatives`)
        .send({ serviceUserId: user.id })
        .expect(201);
      const introduced = await coordinator
        .post('/introductions')
        .send({ serviceUserId: user.id, contactId: contact.id })
        .expect(409);
      expect(introduced.body.code).toBe('close_relative');
      const assigned = await coordinator
        .post('/assignments')
        .send({
          contactId: contact.id,
          serviceUserId: user.id,
          startsOn: TODAY,
          startWithoutIntroductionReason: 'x',
        })
        .expect(409);
      expect(assigned.body.code).toBe('close_relative');
      expect(await assignmentsOf(user.id)).toBe(0);
    });

    it('are never seated in the same group, whichever joins last', async () => {
      const contact = await newContact(coordinator);
      const members = [];
      for (let i = 0; i < 2; i++)
        members.push(await seedUserWithDecision(app, municipalityId, { serviceForm: 'group' }));
      await coordinator
        .post(`/contacts/${contact.id}/close-relatives`)
        .send({ serviceUserId: members[0].id })
        .expect(201);

      // The relative is a member first: the contact cannot take a seat.
      const first = (await coordinator.post('/groups').send({ name: 'Kafégruppa' }).expect(201)).body;
      await coordinator
        .post(`/groups/${first.id}/members`)
        .send({ serviceUserId: members[0].id })
        .expect(201);
      const seat = await coordinator
        .post('/assignments')
        .send({ contactId: contact.id, groupId: first.id, startsOn: TODAY, weeklyHours: 2 })
        .expect(409);
      expect(seat.body).toMatchObject({
        code: 'close_relative',
        context: { pairs: [{ serviceUserId: members[0].id, contactId: contact.id }] },
      });

      // The contact runs the group first: the relative cannot join, anyone else can.
      const second = (await coordinator.post('/groups').send({ name: 'Kinogruppa' }).expect(201)).body;
      await coordinator
        .post('/assignments')
        .send({ contactId: contact.id, groupId: second.id, startsOn: TODAY, weeklyHours: 2 })
        .expect(201);
      const join = await coordinator
        .post(`/groups/${second.id}/members`)
        .send({ serviceUserId: members[0].id })
        .expect(409);
      expect(join.body.code).toBe('close_relative');
      await coordinator
        .post(`/groups/${second.id}/members`)
        .send({ serviceUserId: members[1].id })
        .expect(201);
    });

    it('are read by the matching run through the same view as declined pairs', async () => {
      const contact = await newContact(coordinator);
      const user = await newWaitingUser(app, municipalityId);
      await coordinator
        .post(`/contacts/${contact.id}/close-relatives`)
        .send({ serviceUserId: user.id })
        .expect(201);
      const rows = await sql(
        `SELECT reason FROM excluded_pairs WHERE service_user_id = $1 AND contact_id = $2`,
        [user.id, contact.id],
      );
      expect(rows).toEqual([{ reason: 'close_relative' }]);
    });
  });
});
