import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { WorkerModule } from '../src/worker.module';
import { addDays, addMonths } from '../src/common/dates';
import { daysAgo, daysAhead, today } from './factories';
import {
  holdMeeting,
  inDays,
  newContact,
  newWaitingUser,
  seedProposal,
  meetAroundTheClock,
} from './support/introduction-fixtures';
import { as, createMunicipality, createTestApp, dataSourceOf, tokenFor } from './support/test-app';

const MISSING_ID = '6b0f0a9e-3f41-4c55-9a53-000000000000';

describe('introductions: from proposal to assignment', () => {
  let app: INestApplication;
  let worker: INestApplicationContext;
  let municipalityId: string;
  let coordinator: ReturnType<typeof as>;
  let caseworker: ReturnType<typeof as>;
  let foreign: ReturnType<typeof as>;
  let contactClient: ReturnType<typeof as>;

  beforeAll(async () => {
    app = await createTestApp();
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error'] });
    municipalityId = (await createMunicipality(app)).id;
    await meetAroundTheClock(app, municipalityId); // meeting hours have their own suite
    coordinator = as(app, await tokenFor(app, 'coordinator', municipalityId));
    caseworker = as(app, await tokenFor(app, 'caseworker', municipalityId));
    foreign = as(app, await tokenFor(app, 'coordinator', (await createMunicipality(app)).id));
    // Inactive, so the matching runs of this file never propose them.
    const someContact = await newContact(coordinator, { active: false });
    contactClient = as(app, await tokenFor(app, 'contact', municipalityId, someContact.id));
  });
  afterAll(async () => {
    await worker.close();
    await app.close();
  });

  const sql = <T = Record<string, unknown>>(query: string, params: unknown[] = []): Promise<T[]> =>
    dataSourceOf(app).query(query, params);

  async function runMatching(): Promise<string> {
    const started = await coordinator.post('/matching-runs').expect(202);
    for (let attempt = 0; attempt < 150; attempt++) {
      const run = (await coordinator.get(`/matching-runs/${started.body.id}`).expect(200)).body;
      if (run.status === 'completed') return run.id as string;
      if (run.status === 'failed') throw new Error(`run failed: ${run.failureReason}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error('the run did not finish');
  }
  const openProposalOf = async (runId: string, serviceUserId: string) =>
    (await coordinator.get(`/proposals?runId=${runId}&serviceUserId=${serviceUserId}`).expect(200)).body
      .items[0] as { id: string; contactId: string; status: string } | undefined;
  const waitingEntry = async (serviceUserId: string) => {
    const list = await coordinator.get('/waiting-list?pageSize=100').expect(200);
    return (list.body.items as { serviceUserId: string }[]).find((i) => i.serviceUserId === serviceUserId) as
      Record<string, unknown> | undefined;
  };
  const handPick = async (serviceUserId: string, contactId: string) =>
    (await coordinator.post('/introductions').send({ serviceUserId, contactId }).expect(201)).body as {
      id: string;
      status: string;
    };

  it('walks the whole path: run → proposal → accept → book → outcome → assignment → end → waiting → run again', async () => {
    const contact = await newContact(coordinator, { maxUsers: 1, firstName: 'Kari', lastName: 'Kontakt' });
    const user = await newWaitingUser(app, municipalityId, 40);

    const firstRun = await runMatching();
    const proposal = await openProposalOf(firstRun, user.id);
    expect(proposal).toMatchObject({ contactId: contact.id, status: 'open' });
    expect(await waitingEntry(user.id)).toMatchObject({
      state: 'proposed',
      proposalId: proposal!.id,
      waitingSince: daysAgo(40),
      waitingDays: 40,
      band: '31+',
    });

    const accepted = await coordinator.post(`/proposals/${proposal!.id}/accept`).expect(201);
    expect(accepted.headers['cache-control']).toBe('no-store');
    expect(accepted.body).toMatchObject({
      status: 'awaiting_booking',
      proposalId: proposal!.id,
      serviceUser: { id: user.id },
      contact: { id: contact.id, firstName: 'Kari', lastName: 'Kontakt' },
      weeklyHours: 4,
      meeting: null,
      contract: null,
    });
    expect(accepted.body.history.map((e: { to: string }) => e.to)).toEqual(['accepted', 'awaiting_booking']);
    const introId = accepted.body.id as string;
    expect((await coordinator.get(`/proposals/${proposal!.id}`).expect(200)).body.status).toBe('accepted');
    expect(await waitingEntry(user.id)).toMatchObject({ state: 'awaiting_booking', introductionId: introId });

    // An accepted proposal cannot be accepted (or declined) again: 409 with the current state.
    const again = await coordinator.post(`/proposals/${proposal!.id}/accept`).expect(409);
    expect(again.body).toMatchObject({ code: 'illegal_transition', context: { currentState: 'accepted' } });

    const suggested = await caseworker.get(`/introductions/${introId}/suggested-times?count=3`).expect(200);
    expect(suggested.body.times).toHaveLength(3);
    for (const time of suggested.body.times as { startsAt: string; endsAt: string }[]) {
      // Both are free on Tuesdays 17:00–20:00 Oslo time: every suggestion is a Tuesday in that window.
      const local = new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Europe/Oslo',
        weekday: 'short',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }).format(new Date(time.startsAt));
      expect(local).toMatch(/^Tue (17|18):(00|30)$/);
      expect(Date.parse(time.endsAt) - Date.parse(time.startsAt)).toBe(3_600_000);
    }

    const booked = await caseworker
      .post(`/introductions/${introId}/booking`)
      .send({ startsAt: suggested.body.times[0].startsAt, location: 'Servicetorget' })
      .expect(201);
    expect(booked.body).toMatchObject({
      status: 'booked',
      meeting: { startsAt: suggested.body.times[0].startsAt, location: 'Servicetorget' },
    });
    expect(await waitingEntry(user.id)).toMatchObject({
      state: 'introduction_booked',
      meetingStartsAt: suggested.body.times[0].startsAt,
    });

    // While the introduction is on its way the user is not matched again, and the contact's only place is held:
    // another waiting user nearby is not proposed to this contact.
    const neighbour = await newWaitingUser(app, municipalityId, 5);
    const secondRun = await runMatching();
    expect(await openProposalOf(secondRun, user.id)).toBeUndefined();
    expect((await openProposalOf(secondRun, neighbour.id))?.contactId).not.toBe(contact.id);

    // The outcome is recorded after the meeting, not before.
    const early = await coordinator
      .post(`/introductions/${introId}/outcome`)
      .send({ continue: true, startsOn: today() });
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'introduction_not_held', context: { currentState: 'booked' } });

    await holdMeeting(app, introId);
    const started = await coordinator
      .post(`/introductions/${introId}/outcome`)
      .send({ continue: true, startsOn: today() })
      .expect(200);
    expect(started.body).toMatchObject({
      status: 'started',
      contract: {
        startsOn: today(),
        weeklyHours: 4,
        hoursGranted: 4,
        hoursPeriod: 'week',
        drivingKmGranted: 0,
        drivingPeriod: 'month',
      },
    });
    const assignmentId = started.body.contract.assignmentId as string;
    expect((await coordinator.get(`/assignments/${assignmentId}`).expect(200)).body).toMatchObject({
      active: true,
      contact: { id: contact.id },
      serviceUser: { id: user.id },
    });
    expect(await waitingEntry(user.id)).toBeUndefined();

    const twice = await coordinator
      .post(`/introductions/${introId}/outcome`)
      .send({ continue: true, startsOn: today() });
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({ code: 'illegal_transition', context: { currentState: 'started' } });

    // The assignment ran for a while and ended three days ago: the need arose again the day after.
    await sql(`UPDATE assignments SET starts_on = $2 WHERE id = $1`, [assignmentId, daysAgo(20)]);
    await coordinator
      .post(`/assignments/${assignmentId}/end`)
      .send({ endsOn: daysAgo(3), reason: 'contact_quit' })
      .expect(200);
    expect(await waitingEntry(user.id)).toMatchObject({
      waitingSince: daysAgo(2),
      waitingDays: 2,
      band: '0-15',
      state: 'no_proposal',
    });

    const history = await coordinator.get(`/service-users/${user.id}/case-history`).expect(200);
    expect(history.headers['cache-control']).toBe('no-store');
    expect(
      history.body.map(
        (e: { subjectType: string; from: string | null; to: string }) => `${e.subjectType}:${e.from}→${e.to}`,
      ),
    ).toEqual([
      'proposal:open→accepted',
      'introduction:null→awaiting_booking',
      'introduction:awaiting_booking→booked',
      'assignment:null→active',
      'introduction:booked→started',
      'assignment:active→ended',
    ]);
    expect(history.body.at(-1)).toMatchObject({ reasonCode: 'contact_quit', actor: expect.any(String) });

    // The neighbour has waited longer and would get the only contact; with one more contact both get someone.
    await newContact(coordinator);
    const thirdRun = await runMatching();
    expect(await openProposalOf(thirdRun, user.id)).toMatchObject({ status: 'open' });
  });

  it('books no contact twice at once: of two parallel bookings, one gets 201 and the other 409', async () => {
    const contact = await newContact(coordinator);
    const first = await handPick((await newWaitingUser(app, municipalityId)).id, contact.id);
    const second = await handPick((await newWaitingUser(app, municipalityId)).id, contact.id);
    const startsAt = inDays(9);
    const responses = await Promise.all([
      coordinator
        .post(`/introductions/${first.id}/booking`)
        .send({ startsAt, caseworker: 'saksbehandler-a' }),
      coordinator
        .post(`/introductions/${second.id}/booking`)
        .send({ startsAt: inDays(9, 16).replace(':00:00', ':30:00'), caseworker: 'saksbehandler-b' }),
    ]);
    expect(responses.map((r) => r.status).sort()).toEqual([201, 409]);
    const refused = responses.find((r) => r.status === 409)!;
    expect(refused.body).toMatchObject({ code: 'overlap', message: expect.stringMatching(/contact/) });
    const [{ booked }] = await sql<{ booked: number }>(
      `SELECT count(*)::int AS booked FROM introductions WHERE contact_id = $1 AND status = 'booked'`,
      [contact.id],
    );
    expect(booked).toBe(1);
  });

  it('books no saksbehandler twice at once, and never over their busy time', async () => {
    const a = await handPick(
      (await newWaitingUser(app, municipalityId)).id,
      (await newContact(coordinator)).id,
    );
    const b = await handPick(
      (await newWaitingUser(app, municipalityId)).id,
      (await newContact(coordinator)).id,
    );
    const startsAt = inDays(10);
    const responses = await Promise.all(
      [a, b].map((intro) =>
        coordinator
          .post(`/introductions/${intro.id}/booking`)
          .send({ startsAt, caseworker: 'saksbehandler-c' }),
      ),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(responses.find((r) => r.status === 409)!.body.message).toMatch(/saksbehandler/);

    // The caseworker's own calendar: a busy time blocks bookings and suggestions; a meeting blocks busy times.
    const c = await handPick(
      (await newWaitingUser(app, municipalityId)).id,
      (await newContact(coordinator)).id,
    );
    const busy = await caseworker
      .post('/caseworkers/me/busy-times')
      .send({ startsAt: inDays(11, 8), endsAt: inDays(11, 20), note: 'kurs' })
      .expect(201);
    const onBusy = await caseworker.post(`/introductions/${c.id}/booking`).send({ startsAt: inDays(11, 16) });
    expect(onBusy.status).toBe(409);
    expect(onBusy.body.code).toBe('caseworker_busy');
    await caseworker
      .post('/caseworkers/me/busy-times')
      .send({ startsAt: inDays(11, 10), endsAt: inDays(11, 12) })
      .expect(409);
    await caseworker
      .post(`/introductions/${c.id}/booking`)
      .send({ startsAt: inDays(12, 16) })
      .expect(201);
    const overMeeting = await caseworker
      .post('/caseworkers/me/busy-times')
      .send({ startsAt: inDays(12, 15), endsAt: inDays(12, 18) })
      .expect(409);
    expect(overMeeting.body.code).toBe('caseworker_has_meeting');
    const calendar = await caseworker.get('/caseworkers/me/busy-times').expect(200);
    expect(calendar.body.map((e: { kind: string }) => e.kind)).toEqual(['busy', 'introduction']);
    await coordinator.delete(`/caseworkers/me/busy-times/${busy.body.id}`).expect(404); // not the coordinator's
    await caseworker.delete(`/caseworkers/me/busy-times/${busy.body.id}`).expect(204);
  });

  it('declines a proposal with a reason: the pair is excluded for good and the reason kept', async () => {
    const contact = await newContact(coordinator);
    const user = await newWaitingUser(app, municipalityId, 12);
    const proposalId = await seedProposal(app, municipalityId, user.id, contact.id);
    await coordinator.post(`/proposals/${proposalId}/decline`).send({ reason: 'nope' }).expect(400);
    const declined = await coordinator
      .post(`/proposals/${proposalId}/decline`)
      .send({ reason: 'distance', note: 'for langt å reise' })
      .expect(200);
    expect(declined.body).toMatchObject({ id: proposalId, status: 'declined', declineReason: 'distance' });
    expect(
      await sql(`SELECT reason, note FROM pair_exclusions WHERE service_user_id = $1`, [user.id]),
    ).toEqual([{ reason: 'declined', note: 'distance' }]);
    const accept = await coordinator.post(`/proposals/${proposalId}/accept`).expect(409);
    expect(accept.body).toMatchObject({
      code: 'illegal_transition',
      context: { currentState: 'declined', allowedActions: [] },
    });
    const byHand = await coordinator
      .post('/introductions')
      .send({ serviceUserId: user.id, contactId: contact.id });
    expect(byHand.status).toBe(409);
    expect(byHand.body.code).toBe('pair_excluded');
    const [event] = await coordinator
      .get(`/service-users/${user.id}/case-history`)
      .expect(200)
      .then((r) => r.body);
    expect(event).toMatchObject({
      subjectType: 'proposal',
      from: 'open',
      to: 'declined',
      reasonCode: 'distance',
    });
    expect(await waitingEntry(user.id)).toMatchObject({ waitingSince: daysAgo(12), state: 'no_proposal' });
  });

  it('one says no after the meeting: the pair is declined and the user waits again from the original date', async () => {
    const contact = await newContact(coordinator);
    const user = await newWaitingUser(app, municipalityId, 25);
    const intro = await handPick(user.id, contact.id);
    await coordinator
      .post(`/introductions/${intro.id}/booking`)
      .send({ startsAt: inDays(14) })
      .expect(201);
    await holdMeeting(app, intro.id);
    const missingReason = await coordinator
      .post(`/introductions/${intro.id}/outcome`)
      .send({ continue: false });
    expect(missingReason.status).toBe(400);
    expect(missingReason.body.details).toEqual([expect.objectContaining({ field: 'reason' })]);
    const declined = await coordinator
      .post(`/introductions/${intro.id}/outcome`)
      .send({ continue: false, reason: 'personality', declinedBy: 'user' })
      .expect(200);
    expect(declined.body).toMatchObject({
      status: 'declined',
      declineReason: 'personality',
      declinedBy: 'user',
    });
    expect(await waitingEntry(user.id)).toMatchObject({
      waitingSince: daysAgo(25),
      waitingDays: 25,
      state: 'no_proposal',
    });
    expect(
      await sql(`SELECT 1 FROM pair_exclusions WHERE service_user_id = $1 AND contact_id = $2`, [
        user.id,
        contact.id,
      ]),
    ).toHaveLength(1);
    // The user may be introduced to someone else.
    await handPick(user.id, (await newContact(coordinator)).id);
  });

  it('cancels and moves a meeting; illegal steps answer 409 with the current state', async () => {
    const intro = await handPick(
      (await newWaitingUser(app, municipalityId)).id,
      (await newContact(coordinator)).id,
    );
    const notBooked = await coordinator.delete(`/introductions/${intro.id}/booking`).expect(409);
    expect(notBooked.body.context).toMatchObject({
      currentState: 'awaiting_booking',
      allowedActions: ['book', 'decline'],
    });
    const outcomeFirst = await coordinator
      .post(`/introductions/${intro.id}/outcome`)
      .send({ continue: true, startsOn: today() });
    expect(outcomeFirst.status).toBe(409);
    expect(outcomeFirst.body.context.currentState).toBe('awaiting_booking');
    await coordinator
      .post(`/introductions/${intro.id}/booking`)
      .send({ startsAt: inDays(15) })
      .expect(201);
    const moved = await coordinator
      .post(`/introductions/${intro.id}/booking`)
      .send({ startsAt: inDays(16) })
      .expect(201);
    expect(moved.body.meeting.startsAt).toBe(inDays(16));
    const cancelled = await coordinator.delete(`/introductions/${intro.id}/booking`).expect(200);
    expect(cancelled.body).toMatchObject({ status: 'awaiting_booking', meeting: null });
    expect(cancelled.body.history.map((e: { to: string }) => e.to)).toEqual([
      'awaiting_booking',
      'booked',
      'booked',
      'awaiting_booking',
    ]);
    await coordinator
      .post(`/introductions/${intro.id}/decline`)
      .send({ reason: 'contact_unavailable' })
      .expect(200);
    const afterDecline = await coordinator
      .post(`/introductions/${intro.id}/booking`)
      .send({ startsAt: inDays(17) });
    expect(afterDecline.status).toBe(409);
    expect(afterDecline.body.context).toMatchObject({ currentState: 'declined', allowedActions: [] });
  });

  it('applies the hard rules to a contact picked by hand', async () => {
    const ineligible = await newContact(coordinator, {
      policeCertificateIssuedOn: null,
      policeCertificatePresentedOn: null,
    });
    const notEligible = await coordinator
      .post('/introductions')
      .send({ serviceUserId: (await newWaitingUser(app, municipalityId)).id, contactId: ineligible.id });
    expect(notEligible.status).toBe(409);
    expect(notEligible.body.code).toBe('contact_not_eligible');

    // A contact with one place, held by an introduction on its way, is full.
    const single = await newContact(coordinator, { maxUsers: 1 });
    const holder = await newWaitingUser(app, municipalityId);
    await handPick(holder.id, single.id);
    const full = await coordinator
      .post('/introductions')
      .send({ serviceUserId: (await newWaitingUser(app, municipalityId)).id, contactId: single.id });
    expect(full.status).toBe(409);
    expect(full.body.code).toBe('capacity_users_full');

    const pending = await coordinator
      .post('/introductions')
      .send({ serviceUserId: holder.id, contactId: (await newContact(coordinator)).id });
    expect(pending.status).toBe(409);
    expect(pending.body).toMatchObject({
      code: 'introduction_pending',
      context: { currentState: 'awaiting_booking' },
    });

    const groupUser = await newWaitingUser(app, municipalityId, 10, { serviceForm: 'group' });
    const group = await coordinator
      .post('/introductions')
      .send({ serviceUserId: groupUser.id, contactId: (await newContact(coordinator)).id });
    expect(group.body.code).toBe('decision_not_individual');
  });

  it('starts the assignment only while the politiattest is still valid on the start date', async () => {
    // Issued 36 months less 5 days ago: valid for 5 more days.
    const issuedOn = addDays(addMonths(today(), -36), 5);
    const presentedOn = addDays(issuedOn, 10);
    const contact = await newContact(coordinator, {
      policeCertificateIssuedOn: issuedOn,
      policeCertificatePresentedOn: presentedOn,
      confidentialitySignedOn: presentedOn,
    });
    const intro = await handPick((await newWaitingUser(app, municipalityId)).id, contact.id);
    await coordinator
      .post(`/introductions/${intro.id}/booking`)
      .send({ startsAt: inDays(1) })
      .expect(201);
    await holdMeeting(app, intro.id);
    const late = await coordinator
      .post(`/introductions/${intro.id}/outcome`)
      .send({ continue: true, startsOn: daysAhead(30) });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('contact_not_eligible');
    expect((await coordinator.get(`/introductions/${intro.id}`).expect(200)).body.status).toBe('booked');
    // Still valid today, but far older than 3 months on the day the oppdragsavtale is signed (rule 1).
    const old = await coordinator
      .post(`/introductions/${intro.id}/outcome`)
      .send({ continue: true, startsOn: today() })
      .expect(409);
    expect(old.body.context.reasons.map((r: { code: string }) => r.code)).toEqual([
      'police_certificate_too_old_at_signing',
    ]);
    // A new politiattest is presented: the assignment starts.
    await coordinator
      .patch(`/contacts/${contact.id}`)
      .send({ policeCertificateIssuedOn: daysAgo(10), policeCertificatePresentedOn: daysAgo(5) })
      .expect(200);
    await coordinator
      .post(`/introductions/${intro.id}/outcome`)
      .send({ continue: true, startsOn: today() })
      .expect(200);
  });

  it('keeps the current contact when the vedtak is renewed', async () => {
    const contact = await newContact(coordinator);
    const user = await newWaitingUser(app, municipalityId, 100, { validTo: daysAhead(10) });
    const intro = await handPick(user.id, contact.id);
    await coordinator
      .post(`/introductions/${intro.id}/booking`)
      .send({ startsAt: inDays(2) })
      .expect(201);
    await holdMeeting(app, intro.id);
    const started = await coordinator
      .post(`/introductions/${intro.id}/outcome`)
      .send({ continue: true, startsOn: today() })
      .expect(200);
    await coordinator
      .post(`/service-users/${user.id}/decisions`)
      .send({
        serviceForm: 'individual',
        hoursGranted: 5,
        hoursPeriod: 'week',
        decidedOn: today(),
        validFrom: daysAhead(11),
        validTo: daysAhead(400),
      })
      .expect(201);
    expect(
      (await coordinator.get(`/assignments/${started.body.contract.assignmentId}`).expect(200)).body.active,
    ).toBe(true);
    expect(await waitingEntry(user.id)).toBeUndefined();
    const another = await coordinator
      .post('/introductions')
      .send({ serviceUserId: user.id, contactId: (await newContact(coordinator)).id });
    expect(another.body.code).toBe('user_has_contact');
    const run = await runMatching();
    expect(await openProposalOf(run, user.id)).toBeUndefined();
  });

  describe('bad input, other municipalities and contacts', () => {
    let introId: string;
    let proposalId: string;
    beforeAll(async () => {
      const contact = await newContact(coordinator);
      introId = (await handPick((await newWaitingUser(app, municipalityId)).id, contact.id)).id;
      proposalId = await seedProposal(
        app,
        municipalityId,
        (await newWaitingUser(app, municipalityId)).id,
        contact.id,
      );
    });

    it.each([
      ['startsAt', { startsAt: 'tomorrow' }],
      ['startsAt', { startsAt: '2030-01-01T10:00:00' }],
      ['startsAt', { startsAt: '2020-01-01T10:00:00Z' }],
      ['durationMinutes', { startsAt: inDays(20), durationMinutes: 5 }],
      ['caseworker', { startsAt: inDays(20), caseworker: 'a b' }],
      ['status', { startsAt: inDays(20), status: 'started' }],
    ])('refuses a booking with a bad %s (400 naming it)', async (field, body) => {
      const response = await coordinator.post(`/introductions/${introId}/booking`).send(body).expect(400);
      expect(response.body.details.map((d: { field: string }) => d.field)).toContain(field);
    });

    it('refuses an outcome without a start date, and unknown fields', async () => {
      const missing = await coordinator
        .post(`/introductions/${introId}/outcome`)
        .send({ continue: true })
        .expect(400);
      expect(missing.body.details[0].field).toBe('startsOn');
      await coordinator
        .post('/introductions')
        .send({ serviceUserId: MISSING_ID, contactId: MISSING_ID, municipalityId })
        .expect(400);
    });

    it('answers 404 for missing ids and for another municipality’s records', async () => {
      await coordinator.get(`/introductions/${MISSING_ID}`).expect(404);
      await coordinator.get('/introductions/not-a-uuid').expect(404);
      await foreign.get(`/introductions/${introId}`).expect(404);
      await foreign
        .post(`/introductions/${introId}/booking`)
        .send({ startsAt: inDays(20) })
        .expect(404);
      await foreign.post(`/introductions/${introId}/decline`).send({ reason: 'other' }).expect(404);
      await foreign.post(`/proposals/${proposalId}/accept`).expect(404);
      await foreign.get(`/introductions/${introId}/suggested-times`).expect(404);
      const list = await foreign.get('/introductions').expect(200);
      expect(list.body.total).toBe(0);
      await coordinator
        .post('/introductions')
        .send({ serviceUserId: MISSING_ID, contactId: MISSING_ID })
        .expect(404);
    });

    it('answers 403 to a støttekontakt on every route here', async () => {
      await contactClient.get('/introductions').expect(403);
      await contactClient.get(`/introductions/${introId}`).expect(403);
      await contactClient.post(`/proposals/${proposalId}/accept`).expect(403);
      await contactClient
        .post(`/introductions/${introId}/booking`)
        .send({ startsAt: inDays(20) })
        .expect(403);
      await contactClient
        .post(`/introductions/${introId}/outcome`)
        .send({ continue: true, startsOn: today() })
        .expect(403);
      await contactClient.get('/caseworkers/me/busy-times').expect(403);
      await contactClient.get('/waiting-list').expect(403);
    });

    it('lets a caseworker book but not decide who gets whom', async () => {
      await caseworker.post(`/proposals/${proposalId}/accept`).expect(403);
      await caseworker
        .post(`/introductions/${introId}/outcome`)
        .send({ continue: true, startsOn: today() })
        .expect(403);
      const list = await caseworker.get(`/introductions?status=awaiting_booking&pageSize=100`).expect(200);
      expect(list.body.items.map((i: { id: string }) => i.id)).toContain(introId);
    });
  });
});
