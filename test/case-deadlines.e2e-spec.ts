import { INestApplication } from '@nestjs/common';
import { addDays, addMonths } from '../src/common/dates';
import { daysAgo } from './factories';
import { seedUserWithDecision } from './support/seed-rows';
import { as, createMunicipality, createTestApp, dataSourceOf, tokenFor } from './support/test-app';

const TODAY = daysAgo(0);

/** DOMAIN rule 10: the interim notice a month after receipt, and the 4-week complaint deadline. */
describe('case deadlines', () => {
  let app: INestApplication;
  let municipalityId: string;
  let caseworker: ReturnType<typeof as>;
  let contact: ReturnType<typeof as>;
  let foreign: ReturnType<typeof as>;

  beforeAll(async () => {
    app = await createTestApp();
    municipalityId = (await createMunicipality(app)).id;
    caseworker = as(app, await tokenFor(app, 'caseworker', municipalityId));
    foreign = as(app, await tokenFor(app, 'coordinator', (await createMunicipality(app)).id));
    const someContact = (
      await as(app, await tokenFor(app, 'coordinator', municipalityId))
        .post('/contacts')
        .send({ firstName: 'K', lastName: 'K', birthYear: 1980 })
    ).body as { id: string };
    contact = as(app, await tokenFor(app, 'contact', municipalityId, someContact.id));
  });
  afterAll(() => app.close());

  const logRows = async (serviceUserId: string, action: string) =>
    (
      await dataSourceOf(app).query(
        `SELECT 1 FROM access_log WHERE subject_id = $1 AND action = $2 AND outcome = 'allowed'`,
        [serviceUserId, action],
      )
    ).length;

  it('lists an application without a vedtak a calendar month after receipt until the interim notice is recorded', async () => {
    const overdue = await seedUserWithDecision(app, municipalityId, {}, { firstName: 'Siri' });
    const fresh = await seedUserWithDecision(app, municipalityId);
    const dueToday = await seedUserWithDecision(app, municipalityId);
    const receivedOverdue = addMonths(TODAY, -2);
    const old = await caseworker
      .post('/applications')
      .send({ serviceUserId: overdue.id, receivedOn: receivedOverdue })
      .expect(201);
    expect(old.body).toMatchObject({
      serviceUserId: overdue.id,
      receivedOn: receivedOverdue,
      decisionId: null,
      noticeDueOn: addMonths(receivedOverdue, 1),
      interimNotices: [],
    });
    await caseworker
      .post('/applications')
      .send({ serviceUserId: fresh.id, receivedOn: addDays(TODAY, -10) })
      .expect(201);
    // Received exactly one calendar month ago (when that day exists this month) is due today.
    const monthAgo = addMonths(TODAY, -1);
    await caseworker
      .post('/applications')
      .send({ serviceUserId: dueToday.id, receivedOn: monthAgo })
      .expect(201);

    const due = await caseworker.get('/applications/due-notices').expect(200);
    const mine = due.body.items.filter((i: { serviceUserId: string }) =>
      [overdue.id, fresh.id, dueToday.id].includes(i.serviceUserId),
    );
    const expectedToday = addMonths(monthAgo, 1) === TODAY;
    expect(
      mine.map((i: { serviceUserId: string; state: string }) => `${i.serviceUserId}:${i.state}`),
    ).toEqual([
      `${overdue.id}:overdue`,
      ...(expectedToday ? [`${dueToday.id}:due`] : [`${dueToday.id}:overdue`]),
    ]);
    expect(mine[0]).toMatchObject({ firstName: 'Siri', noticeDueOn: addMonths(receivedOverdue, 1) });
    expect(await logRows(overdue.id, 'list_due_notices')).toBe(1);

    const notice = {
      sentOn: TODAY,
      reason: 'Venter på opplysninger fra skolen',
      expectedDecisionBy: addDays(TODAY, 30),
    };
    await caseworker
      .post(`/applications/${old.body.id}/interim-notices`)
      .send({ ...notice, expectedDecisionBy: addDays(TODAY, -1) })
      .expect(400);
    const sent = await caseworker
      .post(`/applications/${old.body.id}/interim-notices`)
      .send(notice)
      .expect(201);
    expect(sent.body.interimNotices).toEqual([expect.objectContaining(notice)]);
    const after = await caseworker.get('/applications/due-notices').expect(200);
    expect(after.body.items.map((i: { serviceUserId: string }) => i.serviceUserId)).not.toContain(overdue.id);

    // A vedtak answers the other one: off the list too.
    const [{ id: applicationId }] = due.body.items
      .filter((i: { serviceUserId: string }) => i.serviceUserId === dueToday.id)
      .map((i: { applicationId: string }) => ({ id: i.applicationId }));
    await caseworker
      .post(`/applications/${applicationId}/decision`)
      .send({ decisionId: dueToday.decisionId })
      .expect(200);
    const last = await caseworker.get('/applications/due-notices').expect(200);
    expect(last.body.items.map((i: { serviceUserId: string }) => i.serviceUserId)).not.toContain(dueToday.id);
  });

  it('runs the complaint deadline 4 weeks from receipt of the vedtak, lists it while it runs, and records the klage and its outcome', async () => {
    const user = await seedUserWithDecision(app, municipalityId, {}, { firstName: 'Jonas' });
    const sentOn = addDays(TODAY, -5);
    const receivedOn = addDays(TODAY, -3);
    const delivered = await caseworker
      .put(`/decisions/${user.decisionId}/delivery`)
      .send({ sentOn, receivedOn })
      .expect(200);
    expect(delivered.body).toEqual({
      decisionId: user.decisionId,
      sentOn,
      receivedOn,
      complaintDeadline: addDays(receivedOn, 28),
    });
    const running = await caseworker.get('/complaint-deadlines').expect(200);
    expect(running.body.items).toContainEqual(
      expect.objectContaining({
        decisionId: user.decisionId,
        firstName: 'Jonas',
        deadline: addDays(receivedOn, 28),
        daysLeft: 25,
      }),
    );
    expect(await logRows(user.id, 'list_complaint_deadlines')).toBe(1);

    const complaint = await caseworker
      .post(`/decisions/${user.decisionId}/complaints`)
      .send({ receivedOn: TODAY, note: 'Ønsker flere timer' })
      .expect(201);
    expect(complaint.body).toMatchObject({ deadline: addDays(receivedOn, 28), inTime: true, outcome: null });
    const afterComplaint = await caseworker.get('/complaint-deadlines').expect(200);
    expect(afterComplaint.body.items.map((i: { decisionId: string }) => i.decisionId)).not.toContain(
      user.decisionId,
    );

    await caseworker
      .post(`/complaints/${complaint.body.id}/outcome`)
      .send({ outcome: 'maybe', decidedOn: TODAY })
      .expect(400);
    const forwarded = await caseworker
      .post(`/complaints/${complaint.body.id}/outcome`)
      .send({ outcome: 'sent_to_statsforvalteren', decidedOn: TODAY })
      .expect(200);
    expect(forwarded.body).toMatchObject({ outcome: 'sent_to_statsforvalteren', outcomeOn: TODAY });
  });

  it('flags a complaint lodged after the deadline, and drops a deadline that has passed', async () => {
    const user = await seedUserWithDecision(app, municipalityId);
    await caseworker
      .put(`/decisions/${user.decisionId}/delivery`)
      .send({ sentOn: addDays(TODAY, -40), receivedOn: null })
      .expect(200);
    const running = await caseworker.get('/complaint-deadlines').expect(200);
    expect(running.body.items.map((i: { decisionId: string }) => i.decisionId)).not.toContain(
      user.decisionId,
    );
    const late = await caseworker
      .post(`/decisions/${user.decisionId}/complaints`)
      .send({ receivedOn: TODAY })
      .expect(201);
    expect(late.body).toMatchObject({ deadline: addDays(TODAY, -12), inTime: false });
  });

  it('refuses bad dates, other municipalities and contacts', async () => {
    const user = await seedUserWithDecision(app, municipalityId);
    await caseworker
      .post('/applications')
      .send({ serviceUserId: user.id, receivedOn: addDays(TODAY, 1) })
      .expect(400);
    await caseworker
      .post('/applications')
      .send({ serviceUserId: user.id, receivedOn: '2026-02-30' })
      .expect(400);
    await caseworker
      .put(`/decisions/${user.decisionId}/delivery`)
      .send({ sentOn: TODAY, receivedOn: addDays(TODAY, -1) })
      .expect(400);
    await foreign.post('/applications').send({ serviceUserId: user.id, receivedOn: TODAY }).expect(404);
    await foreign.put(`/decisions/${user.decisionId}/delivery`).send({ sentOn: TODAY }).expect(404);
    await contact.get('/complaint-deadlines').expect(403);
    await contact.get('/applications/due-notices').expect(403);
    await contact.post('/applications').send({ serviceUserId: user.id, receivedOn: TODAY }).expect(403);
  });
});
