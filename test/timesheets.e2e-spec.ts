import { INestApplication } from '@nestjs/common';
import { today } from './factories';
import { hoursFixtures, YEAR } from './support/hours-fixtures';
import { signTimesheet } from './support/signing';
import { as, createMunicipality, createTestApp, tokenFor } from './support/test-app';

const MISSING_ID = '6b0f0a9e-3f41-4c55-9a53-000000000000';
const FORBIDDEN_KEYS = /nationalId|national_id|decisionText|decision_text|wishes|"\d{11}"/;

describe('sessions, quotas and timesheets', () => {
  let app: INestApplication;
  let municipalityId: string;
  let coordinator: ReturnType<typeof as>;
  let fx: ReturnType<typeof hoursFixtures>;

  beforeAll(async () => {
    app = await createTestApp();
    municipalityId = (await createMunicipality(app)).id;
    coordinator = as(app, await tokenFor(app, 'coordinator', municipalityId));
    fx = hoursFixtures(app, municipalityId, coordinator);
  });
  afterAll(() => app.close());

  const sessionCount = async (assignmentId: string) =>
    Number(
      (
        await fx.sql<{ n: string }>(`SELECT count(*) AS n FROM sessions WHERE assignment_id = $1`, [
          assignmentId,
        ])
      )[0].n,
    );

  describe('logging', () => {
    it('logs a session on the contact’s own assignment, on the timesheet of its pay period (21st–20th)', async () => {
      const { contact, user, assignmentId } = await fx.individual();
      const response = await contact.client
        .post('/sessions')
        .send(fx.session(assignmentId, { date: `${YEAR}-03-10`, start: '17:00', end: '19:30', km: 12.5 }))
        .expect(201);
      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.body).toMatchObject({
        assignmentId,
        contactId: contact.id,
        date: `${YEAR}-03-10`,
        start: '17:00',
        end: '19:30',
        minutes: 150,
        hours: 2.5,
        km: 12.5,
        expensesOre: 0,
        presentServiceUserIds: [user.id],
        correctsSessionId: null,
        supersededAt: null,
        warnings: [],
      });
      expect(response.body.quotas).toEqual([
        {
          serviceUserId: user.id,
          decisionId: user.decisionId,
          hours: {
            periodStart: `${YEAR}-03-01`,
            periodEnd: `${YEAR}-03-31`,
            grantedHours: 10,
            approvedOverrunHours: 0,
            usedHours: 2.5,
            remainingHours: 7.5,
            usedPercent: 25,
            warning: false,
          },
          km: expect.objectContaining({ grantedKm: 100, usedKm: 12.5, remainingKm: 87.5, warning: false }),
          warning: false,
        },
      ]);
      expect(JSON.stringify(response.body)).not.toMatch(FORBIDDEN_KEYS);
      const sheet = await contact.client.get(`/timesheets/${response.body.timesheetId}`).expect(200);
      expect(sheet.body).toMatchObject({
        periodStart: `${YEAR}-02-21`,
        periodEnd: `${YEAR}-03-20`,
        status: 'open',
        signature: null,
        totals: { sessions: 1, minutes: 150, hours: 2.5, km: 12.5, expensesOre: 0 },
      });
      expect(JSON.stringify(sheet.body)).not.toMatch(FORBIDDEN_KEYS);
    });

    it('warns at 80 % of the hours, and shows the quota to the contact and the coordinator', async () => {
      const { contact, user, assignmentId } = await fx.individual({ hoursGranted: 5 });
      const first = await contact.client
        .post('/sessions')
        .send(fx.session(assignmentId, { date: `${YEAR}-04-02`, start: '10:00', end: '13:00' }))
        .expect(201);
      expect(first.body.warnings).toEqual([]);
      const second = await contact.client
        .post('/sessions')
        .send(fx.session(assignmentId, { date: `${YEAR}-04-03`, start: '10:00', end: '11:00' }))
        .expect(201);
      expect(second.body.warnings).toEqual(['hours_quota_80_percent']);
      expect(second.body.quotas[0].hours).toMatchObject({ usedHours: 4, usedPercent: 80, warning: true });
      const seen = await contact.client
        .get(`/quotas?assignmentId=${assignmentId}&date=${YEAR}-04-15`)
        .expect(200);
      expect(seen.body[0]).toMatchObject({ serviceUserId: user.id, warning: true, hours: { usedHours: 4 } });
      const staff = await coordinator
        .get(`/quotas?assignmentId=${assignmentId}&date=${YEAR}-04-15`)
        .expect(200);
      expect(staff.body).toEqual(seen.body);
    });

    it('grants a month pro rata when the vedtak starts inside it, and a renewal never grants a day twice', async () => {
      // 10 hours a month from 16 April: 15 of April's 30 days, 5 hours.
      const { contact, user, assignmentId } = await fx.individual(
        { validFrom: `${YEAR}-04-16`, hoursGranted: 10, hoursPeriod: 'month' },
        `${YEAR}-04-16`,
      );
      const april = await coordinator
        .get(`/quotas?assignmentId=${assignmentId}&date=${YEAR}-04-20`)
        .expect(200);
      expect(april.body[0].hours).toMatchObject({
        periodStart: `${YEAR}-04-01`,
        periodEnd: `${YEAR}-04-30`,
        grantedHours: 5,
      });
      const refused = await contact.client
        .post('/sessions')
        .send(fx.session(assignmentId, { date: `${YEAR}-04-20`, start: '10:00', end: '16:00', km: 0 }))
        .expect(409);
      expect(refused.body.code).toBe('quota_exceeded');
      expect(refused.body.context.excess[0]).toMatchObject({
        kind: 'hours',
        granted: 5,
        requested: 6,
        excess: 1,
      });

      // A renewal of 20 hours a month from 16 June: June's first 15 days are the old vedtak's, its last 15 the new one's.
      await fx.sql(
        `INSERT INTO decisions (municipality_id, service_user_id, service_form, hours_granted, hours_period,
                                decided_on, valid_from, valid_to, waiting_since, created_by)
         VALUES ($1, $2, 'individual', 20, 'month', $3, $3, $4, $3, 'test')`,
        [municipalityId, user.id, `${YEAR}-06-16`, `${YEAR + 1}-06-15`],
      );
      const before = await coordinator
        .get(`/quotas?assignmentId=${assignmentId}&date=${YEAR}-06-10`)
        .expect(200);
      const after = await coordinator
        .get(`/quotas?assignmentId=${assignmentId}&date=${YEAR}-06-20`)
        .expect(200);
      expect(before.body[0].hours.grantedHours).toBe(5);
      expect(after.body[0].hours.grantedHours).toBe(10);
      expect(after.body[0].decisionId).not.toBe(before.body[0].decisionId);
    });

    it('counts a group session for every member present and shares the km between them', async () => {
      const { contact, members, assignmentId } = await fx.group(3);
      const present = [members[0].id, members[1].id];
      const response = await contact.client
        .post('/sessions')
        .send(
          fx.session(assignmentId, {
            presentServiceUserIds: present,
            km: 10.1,
            start: '12:00',
            end: '14:00',
          }),
        )
        .expect(201);
      expect([...response.body.presentServiceUserIds].sort()).toEqual([...present].sort());
      expect(response.body.quotas).toHaveLength(2);
      for (const quota of response.body.quotas) expect(quota.hours.usedHours).toBe(2);
      expect(response.body.quotas.map((q: { km: { usedKm: number } }) => q.km.usedKm).sort()).toEqual([
        5, 5.1,
      ]);
      const quotas = await coordinator
        .get(`/quotas?assignmentId=${assignmentId}&date=${YEAR}-03-10`)
        .expect(200);
      const absent = quotas.body.find((q: { serviceUserId: string }) => q.serviceUserId === members[2].id);
      expect(absent.hours.usedHours).toBe(0);
    });
  });

  describe('refusals', () => {
    it.each([
      ['date', { date: '2099-01-01' }],
      ['end', { start: '19:00', end: '18:00' }],
      ['end', { end: '25:00' }],
      ['date', { date: `${YEAR}-02-30` }],
      ['km', { km: 1.25 }],
      ['km', { km: -1 }],
      ['activity', { activity: '' }],
      ['expensesOre', { expensesOre: 1.5 }],
      ['contactId', { contactId: MISSING_ID }],
      ['municipalityId', { municipalityId: MISSING_ID }],
      ['presentServiceUserIds', { presentServiceUserIds: [MISSING_ID] }],
    ])('refuses a bad %s with 400 naming it, and writes nothing (case %#)', async (field, override) => {
      const { contact, assignmentId } = await fx.individual();
      const response = await contact.client
        .post('/sessions')
        .send(fx.session(assignmentId, override))
        .expect(400);
      expect(response.body).toMatchObject({ status: 400, code: 'validation_failed' });
      expect(response.body.details.map((d: { field: string }) => d.field)).toContain(field);
      expect(await sessionCount(assignmentId)).toBe(0);
    });

    it('refuses a session today that has not ended yet', async () => {
      const { contact, assignmentId } = await fx.individual({}, `${YEAR}-02-01`);
      // Today in Oslo as the service sees it; tried again if midnight came between the request and the answer.
      let date: string;
      let status: number;
      do {
        date = today();
        status = (
          await contact.client
            .post('/sessions')
            .send(fx.session(assignmentId, { date, start: '00:00', end: '24:00' }))
        ).status;
      } while (status !== 400 && date !== today());
      expect(status).toBe(400);
    });

    it('answers 404 for another contact’s assignment, the same as for a missing one', async () => {
      const mine = await fx.individual();
      const theirs = await fx.individual();
      const foreign = await mine.contact.client
        .post('/sessions')
        .send(fx.session(theirs.assignmentId))
        .expect(404);
      const missing = await mine.contact.client.post('/sessions').send(fx.session(MISSING_ID)).expect(404);
      expect({ ...foreign.body, requestId: '' }).toEqual({ ...missing.body, requestId: '' });
      expect(await sessionCount(theirs.assignmentId)).toBe(0);
    });

    it('answers 403 to staff logging a session', async () => {
      const { assignmentId } = await fx.individual();
      await coordinator.post('/sessions').send(fx.session(assignmentId)).expect(403);
    });

    it('refuses a date outside the assignment’s period with 409', async () => {
      const { contact, assignmentId } = await fx.individual({}, `${YEAR}-03-01`);
      const response = await contact.client
        .post('/sessions')
        .send(fx.session(assignmentId, { date: `${YEAR}-02-27` }))
        .expect(409);
      expect(response.body).toMatchObject({
        code: 'outside_assignment_period',
        context: { startsOn: `${YEAR}-03-01` },
      });
      await coordinator
        .post(`/assignments/${assignmentId}/end`)
        .send({ endsOn: `${YEAR}-03-15`, reason: 'other' });
      const after = await contact.client
        .post('/sessions')
        .send(fx.session(assignmentId, { date: `${YEAR}-03-16` }));
      expect(after.status).toBe(409);
    });

    it('refuses a session overlapping another of the same contact (exclusion constraint, 409)', async () => {
      const contact = await fx.newContact();
      const assignments = [];
      for (let i = 0; i < 2; i++) {
        const user = await fx.userWithDecision();
        assignments.push(
          (
            await coordinator
              .post('/assignments')
              .send({
                startWithoutIntroductionReason: 'continues from before',
                contactId: contact.id,
                serviceUserId: user.id,
                startsOn: `${YEAR}-02-01`,
                weeklyHours: 1,
              })
              .expect(201)
          ).body.id as string,
        );
      }
      await contact.client
        .post('/sessions')
        .send(fx.session(assignments[0], { start: '17:00', end: '19:00' }))
        .expect(201);
      const clash = await contact.client
        .post('/sessions')
        .send(fx.session(assignments[1], { start: '18:30', end: '20:00' }))
        .expect(409);
      expect(clash.body).toMatchObject({
        code: 'overlap',
        message: 'The contact has another session at that time',
      });
      // Back to back is fine: the ranges are half-open.
      await contact.client
        .post('/sessions')
        .send(fx.session(assignments[1], { start: '19:00', end: '20:00' }))
        .expect(201);
    });

    it('refuses hours beyond the quota with 409 and the figures, until a coordinator approves an overrun', async () => {
      const { contact, user, assignmentId } = await fx.individual({ hoursGranted: 3 });
      await contact.client
        .post('/sessions')
        .send(fx.session(assignmentId, { start: '10:00', end: '12:30' }))
        .expect(201);
      const refused = await contact.client
        .post('/sessions')
        .send(fx.session(assignmentId, { date: `${YEAR}-03-11`, start: '10:00', end: '11:00' }))
        .expect(409);
      expect(refused.body).toMatchObject({
        code: 'quota_exceeded',
        context: {
          excess: [
            {
              serviceUserId: user.id,
              decisionId: user.decisionId,
              kind: 'hours',
              periodStart: `${YEAR}-03-01`,
              periodEnd: `${YEAR}-03-31`,
              granted: 3,
              approvedOverrun: 0,
              used: 2.5,
              requested: 1,
              excess: 0.5,
              unit: 'hours',
            },
          ],
        },
      });
      await contact.client.post('/quota-overruns').send({}).expect(403);
      await coordinator
        .post('/quota-overruns')
        .send({ decisionId: user.decisionId, kind: 'hours', date: `${YEAR}-03-11`, extra: 1 })
        .expect(400);
      const overrun = await coordinator
        .post('/quota-overruns')
        .send({
          decisionId: user.decisionId,
          kind: 'hours',
          date: `${YEAR}-03-11`,
          extra: 1,
          reason: 'Sommeravslutning',
        })
        .expect(201);
      expect(overrun.body).toMatchObject({
        periodStart: `${YEAR}-03-01`,
        periodEnd: `${YEAR}-03-31`,
        extra: 1,
      });
      const accepted = await contact.client
        .post('/sessions')
        .send(fx.session(assignmentId, { date: `${YEAR}-03-11`, start: '10:00', end: '11:00' }))
        .expect(201);
      expect(accepted.body.quotas[0].hours).toMatchObject({
        grantedHours: 3,
        approvedOverrunHours: 1,
        usedHours: 3.5,
      });
      // April is a new period.
      await contact.client
        .post('/sessions')
        .send(fx.session(assignmentId, { date: `${YEAR}-04-01`, start: '10:00', end: '12:00' }))
        .expect(201);
    });

    it('refuses km beyond the driving granted, and any km when none is granted', async () => {
      const { contact, assignmentId } = await fx.individual({ drivingKmGranted: 20 });
      await contact.client
        .post('/sessions')
        .send(fx.session(assignmentId, { km: 15 }))
        .expect(201);
      const refused = await contact.client
        .post('/sessions')
        .send(fx.session(assignmentId, { date: `${YEAR}-03-12`, km: 5.5 }))
        .expect(409);
      expect(refused.body.context.excess[0]).toMatchObject({
        kind: 'km',
        granted: 20,
        used: 15,
        requested: 5.5,
        excess: 0.5,
      });
      const none = await fx.individual({ drivingKmGranted: 0 });
      await none.contact.client
        .post('/sessions')
        .send(fx.session(none.assignmentId, { km: 1 }))
        .expect(409);
      await none.contact.client
        .post('/sessions')
        .send(fx.session(none.assignmentId, { km: 0 }))
        .expect(201);
    });

    it('refuses sessions after the vedtak lapsed, and while the politiattest has lapsed', async () => {
      const { contact, assignmentId } = await fx.individual({ validTo: `${YEAR}-03-31` });
      await contact.client
        .post('/sessions')
        .send(fx.session(assignmentId, { date: `${YEAR}-03-31` }))
        .expect(201);
      const lapsed = await contact.client
        .post('/sessions')
        .send(fx.session(assignmentId, { date: `${YEAR}-04-01` }))
        .expect(409);
      expect(lapsed.body).toMatchObject({ code: 'decision_expired', context: { validTo: `${YEAR}-03-31` } });

      const expired = await fx.individual({}, `${YEAR}-02-01`);
      // The politiattest (valid 36 months) now counts as issued long ago: lapsed before the session.
      await fx.sql(
        `UPDATE contacts SET police_certificate_issued_on = $2, police_certificate_presented_on = $3 WHERE id = $1`,
        [expired.contact.id, `${YEAR - 4}-06-01`, `${YEAR - 4}-06-10`],
      );
      const blocked = await expired.contact.client
        .post('/sessions')
        .send(fx.session(expired.assignmentId, { date: `${YEAR}-06-05` }))
        .expect(409);
      expect(blocked.body).toMatchObject({
        code: 'contact_not_eligible',
        context: { reasons: ['police_certificate_expired'] },
      });
    });

    it('refuses group sessions without the members present, or with someone not in the group', async () => {
      const { contact, assignmentId } = await fx.group(3);
      await contact.client.post('/sessions').send(fx.session(assignmentId)).expect(400);
      const outsider = await fx.userWithDecision();
      const response = await contact.client
        .post('/sessions')
        .send(fx.session(assignmentId, { presentServiceUserIds: [outsider.id] }))
        .expect(409);
      expect(response.body.code).toBe('not_group_members');
    });
  });

  describe('concurrency', () => {
    it('20 parallel sessions against a quota with 10 hours left never pass it', async () => {
      const { contact, user, assignmentId } = await fx.individual({ hoursGranted: 10 });
      const responses = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          contact.client.post('/sessions').send(
            fx.session(assignmentId, {
              date: `${YEAR}-05-${String(i + 1).padStart(2, '0')}`,
              start: '10:00',
              end: '11:00',
            }),
          ),
        ),
      );
      const statuses = responses.map((r) => r.status).sort();
      expect(statuses.filter((s) => s === 201)).toHaveLength(10);
      expect(statuses.filter((s) => s === 409)).toHaveLength(10);
      for (const r of responses.filter((r) => r.status === 409)) expect(r.body.code).toBe('quota_exceeded');
      const [{ used }] = await fx.sql<{ used: number }>(
        `SELECT sum(s.minutes)::int AS used FROM sessions s JOIN session_attendees sa ON sa.session_id = s.id
          WHERE sa.decision_id = $1 AND s.session_date BETWEEN '${YEAR}-05-01' AND '${YEAR}-05-31'`,
        [user.decisionId],
      );
      expect(used).toBe(600);
    });

    it('two identical sessions sent at once: one 201, one 409', async () => {
      const { contact, assignmentId } = await fx.individual();
      const body = fx.session(assignmentId, { date: `${YEAR}-06-10`, start: '12:00', end: '13:00' });
      const responses = await Promise.all([1, 2].map(() => contact.client.post('/sessions').send(body)));
      expect(responses.map((r) => r.status).sort()).toEqual([201, 409]);
      expect(responses.find((r) => r.status === 409)!.body.code).toBe('overlap');
    });
  });

  describe('timesheets', () => {
    it('is signed by the user by their own link, then approved; signed means frozen', async () => {
      const { contact, user, assignmentId } = await fx.individual();
      const first = await contact.client
        .post('/sessions')
        .send(fx.session(assignmentId, { date: `${YEAR}-07-01` }))
        .expect(201);
      const sheetId = first.body.timesheetId as string;
      await coordinator.post(`/timesheets/${sheetId}/approve`).expect(409);
      await coordinator.post(`/timesheets/${sheetId}/signing-request`).send({}).expect(403);
      const noAddress = await contact.client
        .post(`/timesheets/${sheetId}/signing-request`)
        .send({})
        .expect(409);
      expect(noAddress.body.code).toBe('no_signing_address');

      await signTimesheet(app, contact.client, sheetId);
      const signed = await contact.client.get(`/timesheets/${sheetId}`).expect(200);
      expect(signed.body).toMatchObject({
        status: 'signed',
        periodStart: `${YEAR}-06-21`,
        periodEnd: `${YEAR}-07-20`,
        signature: {
          signedBy: 'user',
          serviceUserId: user.id,
          // The støttekontakt is told the signer's first name and the surname's initial only.
          name: `${user.firstName} ${[...user.lastName][0]}.`,
          recordedBy: 'signing-link',
          method: 'link',
          contentHash: expect.stringMatching(/^[0-9a-f]{64}$/),
        },
        signing: { status: 'signed', signer: 'user', comment: null },
        approval: null,
      });
      const again = await contact.client.post(`/timesheets/${sheetId}/signing-request`).send({}).expect(409);
      expect(again.body.code).toBe('timesheet_already_signed');

      // Frozen: not deleted, not changed, not even by SQL.
      const deleted = await contact.client.delete(`/sessions/${first.body.id}`).expect(409);
      expect(deleted.body.code).toBe('timesheet_signed');
      await expect(
        fx.sql(`UPDATE sessions SET activity = 'x' WHERE id = $1`, [first.body.id]),
      ).rejects.toThrow(/never changes/);
      await expect(fx.sql(`DELETE FROM sessions WHERE id = $1`, [first.body.id])).rejects.toThrow(
        /signed timesheet/,
      );
      await expect(
        fx.sql(`UPDATE timesheets SET signer_name = 'x' WHERE id = $1`, [sheetId]),
      ).rejects.toThrow(/never changes/);

      // A late session of that period lands on the next open timesheet.
      const late = await contact.client
        .post('/sessions')
        .send(fx.session(assignmentId, { date: `${YEAR}-07-02` }))
        .expect(201);
      expect(late.body.timesheetId).not.toBe(sheetId);
      const next = await coordinator.get(`/timesheets/${late.body.timesheetId}`).expect(200);
      expect(next.body).toMatchObject({
        periodStart: `${YEAR}-07-21`,
        periodEnd: `${YEAR}-08-20`,
        status: 'open',
      });

      await contact.client.post(`/timesheets/${sheetId}/approve`).expect(403);
      const approved = await coordinator.post(`/timesheets/${sheetId}/approve`).expect(200);
      expect(approved.body).toMatchObject({
        status: 'approved',
        approval: { approvedBy: expect.stringMatching(/^coordinator-/) },
      });
      expect((await coordinator.post(`/timesheets/${sheetId}/approve`).expect(409)).body.code).toBe(
        'timesheet_already_approved',
      );
    });

    it('is signed by a guardian on record under the guardian’s name', async () => {
      const { contact, user, assignmentId } = await fx.individual();
      await fx.sql(
        `UPDATE service_users SET guardian_name = 'Mor Nordmann', guardian_email = 'mor@example.test' WHERE id = $1`,
        [user.id],
      );
      const logged = await contact.client.post('/sessions').send(fx.session(assignmentId)).expect(201);
      await signTimesheet(app, contact.client, logged.body.timesheetId);
      const signed = await coordinator.get(`/timesheets/${logged.body.timesheetId}`).expect(200);
      expect(signed.body.signature).toMatchObject({
        signedBy: 'guardian',
        name: 'Mor Nordmann',
        serviceUserId: user.id,
        method: 'link',
      });
    });

    it('is signed for a group by a member who was present', async () => {
      const { contact, members, assignmentId } = await fx.group(3);
      const logged = await contact.client
        .post('/sessions')
        .send(fx.session(assignmentId, { presentServiceUserIds: [members[0].id] }))
        .expect(201);
      const path = `/timesheets/${logged.body.timesheetId}/signing-request`;
      await contact.client.post(path).send({}).expect(400);
      const absent = await contact.client.post(path).send({ serviceUserId: members[1].id }).expect(409);
      expect(absent.body.code).toBe('signer_not_on_timesheet');
      await signTimesheet(app, contact.client, logged.body.timesheetId, { serviceUserId: members[0].id });
      const signed = await coordinator.get(`/timesheets/${logged.body.timesheetId}`).expect(200);
      expect(signed.body.signature).toMatchObject({ serviceUserId: members[0].id, method: 'link' });
    });

    it('corrects a signed session with a new entry that refers to the old, on the next timesheet', async () => {
      const { contact, assignmentId } = await fx.individual({ hoursGranted: 4 });
      const original = await contact.client
        .post('/sessions')
        .send(fx.session(assignmentId, { date: `${YEAR}-08-03`, start: '10:00', end: '13:00' }))
        .expect(201);
      const open = await contact.client
        .post(`/sessions/${original.body.id}/corrections`)
        .send(
          fx.session(assignmentId, {
            date: `${YEAR}-08-03`,
            start: '10:00',
            end: '12:00',
            reason: 'Feil sluttid',
          }),
        )
        .expect(400); // assignmentId is not part of a correction
      expect(open.body.details.map((d: { field: string }) => d.field)).toContain('assignmentId');
      const correction = {
        date: `${YEAR}-08-03`,
        start: '10:00',
        end: '12:00',
        activity: 'Tur',
        reason: 'Feil sluttid',
      };
      const notSigned = await contact.client
        .post(`/sessions/${original.body.id}/corrections`)
        .send(correction)
        .expect(409);
      expect(notSigned.body.code).toBe('timesheet_not_signed');
      await signTimesheet(app, contact.client, original.body.timesheetId);

      // 3 h used of 4: a correction to 4.5 h would pass the quota, counted without the session it replaces.
      const tooMuch = await contact.client
        .post(`/sessions/${original.body.id}/corrections`)
        .send({ ...correction, end: '14:30' })
        .expect(409);
      expect(tooMuch.body).toMatchObject({ code: 'quota_exceeded' });
      expect(tooMuch.body.context.excess[0]).toMatchObject({ used: 0, requested: 4.5, excess: 0.5 });

      const corrected = await contact.client
        .post(`/sessions/${original.body.id}/corrections`)
        .send(correction)
        .expect(201);
      expect(corrected.body).toMatchObject({
        correctsSessionId: original.body.id,
        correctionReason: 'Feil sluttid',
        minutes: 120,
      });
      expect(corrected.body.timesheetId).not.toBe(original.body.timesheetId);
      expect(corrected.body.quotas[0].hours.usedHours).toBe(2);
      const old = await contact.client.get(`/sessions/${original.body.id}`).expect(200);
      expect(old.body.supersededAt).not.toBeNull();
      expect(old.body.minutes).toBe(180);
      const next = await contact.client.get(`/timesheets/${corrected.body.timesheetId}`).expect(200);
      expect(next.body.totals).toMatchObject({ sessions: 1, minutes: -60 }); // pays the difference
      const twice = await contact.client
        .post(`/sessions/${original.body.id}/corrections`)
        .send(correction)
        .expect(409);
      expect(twice.body.code).toBe('session_already_corrected');
    });

    it('lets a contact delete a session while its timesheet is open', async () => {
      const { contact, assignmentId } = await fx.individual();
      const logged = await contact.client.post('/sessions').send(fx.session(assignmentId)).expect(201);
      await contact.client.delete(`/sessions/${logged.body.id}`).expect(204);
      await contact.client.get(`/sessions/${logged.body.id}`).expect(404);
    });

    it('shows a contact only their own sessions and timesheets; another’s is 404', async () => {
      const mine = await fx.individual();
      const theirs = await fx.individual();
      const own = await mine.contact.client.post('/sessions').send(fx.session(mine.assignmentId)).expect(201);
      const other = await theirs.contact.client
        .post('/sessions')
        .send(fx.session(theirs.assignmentId))
        .expect(201);
      const sessions = await mine.contact.client.get('/sessions?pageSize=100').expect(200);
      expect(sessions.body.items.map((s: { id: string }) => s.id)).toEqual([own.body.id]);
      expect(sessions.body.total).toBe(1);
      const sheets = await mine.contact.client.get('/timesheets').expect(200);
      expect(sheets.body.items.map((t: { id: string }) => t.id)).toEqual([own.body.timesheetId]);
      await mine.contact.client.get(`/sessions/${other.body.id}`).expect(404);
      await mine.contact.client.get(`/timesheets/${other.body.timesheetId}`).expect(404);
      await mine.contact.client
        .post(`/timesheets/${other.body.timesheetId}/signing-request`)
        .send({})
        .expect(404);
      await mine.contact.client.delete(`/sessions/${other.body.id}`).expect(404);
      await mine.contact.client.get(`/quotas?assignmentId=${theirs.assignmentId}`).expect(404);
      const staff = await coordinator.get(`/timesheets?assignmentId=${theirs.assignmentId}`).expect(200);
      expect(staff.body.total).toBe(1);
    });

    it('keeps municipalities apart', async () => {
      const { contact, assignmentId } = await fx.individual();
      const logged = await contact.client.post('/sessions').send(fx.session(assignmentId)).expect(201);
      const foreign = as(app, await tokenFor(app, 'coordinator', (await createMunicipality(app)).id));
      await foreign.get(`/timesheets/${logged.body.timesheetId}`).expect(404);
      await foreign.get(`/sessions/${logged.body.id}`).expect(404);
      await foreign.post(`/timesheets/${logged.body.timesheetId}/approve`).expect(404);
      expect((await foreign.get('/sessions').expect(200)).body.total).toBe(0);
    });

    it('lists quota warnings for coordinators and takes the pay period setting', async () => {
      const warnings = await coordinator.get('/quota-warnings').expect(200);
      expect(Array.isArray(warnings.body)).toBe(true);
      const admin = as(app, await tokenFor(app, 'admin', municipalityId));
      expect((await coordinator.get('/pay-settings').expect(200)).body).toEqual({ payPeriodStartDay: 21 });
      await coordinator.put('/pay-settings').send({ payPeriodStartDay: 1 }).expect(403);
      await admin.put('/pay-settings').send({ payPeriodStartDay: 29 }).expect(400);
      await admin.put('/pay-settings').send({ payPeriodStartDay: 1 }).expect(200);
      const { contact, assignmentId } = await fx.individual();
      const logged = await contact.client
        .post('/sessions')
        .send(fx.session(assignmentId, { date: `${YEAR}-09-15` }))
        .expect(201);
      const sheet = await contact.client.get(`/timesheets/${logged.body.timesheetId}`).expect(200);
      expect(sheet.body).toMatchObject({ periodStart: `${YEAR}-09-01`, periodEnd: `${YEAR}-09-30` });
      await admin.put('/pay-settings').send({ payPeriodStartDay: 21 }).expect(200);
    });
  });
});
