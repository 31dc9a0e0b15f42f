import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { NotificationKind } from '../src/notifications/messages';
import { NotificationOutbox } from '../src/notifications/notification-outbox';
import type { hoursFixtures } from './support/hours-fixtures';
import { MailStack, startMailStack } from './support/mail-stack';
import type { as } from './support/test-app';

const NATIONAL_ID = /\b\d{11}\b/;
const LINK = /http:\/\/signing\.test\/signer\/([A-Za-z0-9_-]{43})/;

/**
 * The user's own signature by a one-time link (DOMAIN rule 5, TRUST 34) and the notifications around it, sent
 * by the real worker over SMTP to a real SMTP server that this file starts (TRUST 36: a link, not the content).
 */
describe('signing by link, and notifications through the outbox', () => {
  let app: INestApplication;
  let stack: MailStack;
  let smtp: MailStack['smtp'];
  let municipalityId: string;
  let coordinator: ReturnType<typeof as>;
  let fx: ReturnType<typeof hoursFixtures>;
  const coordinatorEmail = 'koordinator@kommune.test';

  /** The fixtures' year (the one before the Clock's today), read once the modules are loaded. */
  let YEAR: number;

  beforeAll(async () => {
    stack = await startMailStack('http://signing.test');
    ({ app, smtp } = stack);
    const { as, createMunicipality, tokenFor } = await import('./support/test-app');
    const { hoursFixtures, YEAR: fixtureYear } = await import('./support/hours-fixtures');
    YEAR = fixtureYear;
    municipalityId = (await createMunicipality(app)).id;
    coordinator = as(app, await tokenFor(app, 'coordinator', municipalityId));
    await coordinator
      .put('/notification-settings/me')
      .send({ notifyBy: 'email', email: coordinatorEmail })
      .expect(200);
    fx = hoursFixtures(app, municipalityId, coordinator);
  }, 180_000);
  afterAll(() => stack.close());

  const publicApi = () => request(app.getHttpServer());

  /** A month with two sessions, sent to signing; the user's address is set by a coordinator. */
  async function sentMonth(email: string) {
    const { contact, user, assignmentId } = await fx.individual();
    await coordinator
      .put(`/service-users/${user.id}/notification-settings`)
      .send({ notifyBy: 'email', email })
      .expect(200);
    const first = await contact.client
      .post('/sessions')
      .send(
        fx.session(assignmentId, { date: `${YEAR}-07-01`, start: '10:00', end: '12:00', activity: 'Kino' }),
      )
      .expect(201);
    await contact.client
      .post('/sessions')
      .send(
        fx.session(assignmentId, { date: `${YEAR}-07-08`, start: '17:00', end: '18:30', activity: 'Tur' }),
      )
      .expect(201);
    const sheetId = first.body.timesheetId as string;
    const since = smtp.received.length;
    const sent = await contact.client.post(`/timesheets/${sheetId}/signing-request`).send({}).expect(201);
    expect(sent.body).toMatchObject({
      signer: 'user',
      status: 'pending',
      sentTo: `${email[0]}***@example.test`,
    });
    const mail = await smtp.waitFor(email, /Timelisten/, { since });
    const token = LINK.exec(mail.text)?.[1];
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    return { contact, user, assignmentId, sheetId, token: token!, mail, sessionId: first.body.id as string };
  }

  const snapshot = async (sheetId: string) => ({
    sheet: await fx.sql(`SELECT status, version, signed_at, signature_method FROM timesheets WHERE id = $1`, [
      sheetId,
    ]),
    requests: await fx.sql(
      `SELECT id, status, decided_at, comment FROM signing_requests WHERE timesheet_id = $1`,
      [sheetId],
    ),
    outbox: await fx.sql(`SELECT count(*)::int AS n FROM notification_outbox WHERE municipality_id = $1`, [
      municipalityId,
    ]),
  });

  it('e-mails the user a link that shows the lines and totals, then signs once; the coordinator is told', async () => {
    const { user, sheetId, token, mail } = await sentMonth('kari@example.test');
    // TRUST 36: a link and dates, never a name, a fødselsnummer or what the sessions were.
    expect(mail.text).not.toMatch(NATIONAL_ID);
    expect(mail.text).not.toContain(user.firstName);
    expect(mail.text).not.toContain(user.lastName);
    expect(mail.text).not.toMatch(/Kino|Tur/);
    expect(mail.messageId).toMatch(/@stottekontakt>?$/);

    const view = await publicApi().get(`/signing/${token}`).expect(200);
    expect(view.headers['cache-control']).toBe('no-store');
    expect(view.body).toMatchObject({
      signer: 'user',
      userFirstName: user.firstName,
      periodStart: `${YEAR}-06-21`,
      periodEnd: `${YEAR}-07-20`,
      totals: { sessions: 2, hours: 3.5 },
    });
    expect(view.body.lines.map((line: { activity: string }) => line.activity)).toEqual(['Kino', 'Tur']);
    expect(JSON.stringify(view.body)).not.toContain(user.lastName);
    expect(JSON.stringify(view.body)).not.toMatch(/nationalId|decision|wishes|"\d{11}"/);

    const signed = await publicApi().post(`/signing/${token}`).send({ decision: 'confirm' }).expect(200);
    expect(signed.body.status).toBe('signed');
    const sheet = await coordinator.get(`/timesheets/${sheetId}`).expect(200);
    expect(sheet.body.signature).toMatchObject({
      signedBy: 'user',
      serviceUserId: user.id,
      method: 'link',
      contentHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const told = await smtp.waitFor(coordinatorEmail, /signert/);
    expect(told.text).toContain(`http://signing.test/timelister/${sheetId}`);

    // Reused: refused, nothing changes.
    const before = await snapshot(sheetId);
    const reused = await publicApi()
      .post(`/signing/${token}`)
      .send({ decision: 'object', comment: 'x' })
      .expect(410);
    expect(reused.body.code).toBe('signing_link_used');
    expect((await publicApi().get(`/signing/${token}`).expect(410)).body.code).toBe('signing_link_used');
    expect(await snapshot(sheetId)).toEqual(before);

    await coordinator.post(`/timesheets/${sheetId}/approve`).expect(200);
    const [row] = await fx.sql<{ address: string; status: string; sent_at: Date; subject: string }>(
      `SELECT address, status, sent_at, subject FROM notification_outbox
        WHERE kind = 'timesheet_to_sign' AND recipient_ref = $1`,
      [user.id],
    );
    expect(row).toMatchObject({ address: 'kari@example.test', status: 'sent', subject: mail.subject });
    expect(row.sent_at).toBeInstanceOf(Date);
  });

  it('refuses a tampered link, and one for a timesheet changed since; neither changes anything', async () => {
    const { contact, assignmentId, sheetId, token } = await sentMonth('ola@example.test');
    const tampered = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
    const before = await snapshot(sheetId);
    expect((await publicApi().get(`/signing/${tampered}`).expect(404)).body.code).toBe(
      'signing_link_not_found',
    );
    expect(
      (await publicApi().post(`/signing/${tampered}`).send({ decision: 'confirm' }).expect(404)).body.code,
    ).toBe('signing_link_not_found');
    expect((await publicApi().get('/signing/short').expect(404)).body.code).toBe('signing_link_not_found');
    await publicApi().post(`/signing/${token}`).send({ decision: 'maybe' }).expect(400);
    await publicApi().post(`/signing/${token}`).send({ decision: 'object' }).expect(400); // a comment is needed
    expect(await snapshot(sheetId)).toEqual(before);

    // A session added after the link was sent voids it.
    await contact.client
      .post('/sessions')
      .send(fx.session(assignmentId, { date: `${YEAR}-07-10`, start: '10:00', end: '11:00' }))
      .expect(201);
    const changed = await publicApi().post(`/signing/${token}`).send({ decision: 'confirm' }).expect(409);
    expect(changed.body.code).toBe('timesheet_changed');
    expect((await publicApi().get(`/signing/${token}`).expect(409)).body.code).toBe('timesheet_changed');
    const after = await coordinator.get(`/timesheets/${sheetId}`).expect(200);
    expect(after.body).toMatchObject({ status: 'open', signature: null, signing: { status: 'pending' } });
    expect((await coordinator.post(`/timesheets/${sheetId}/approve`).expect(409)).body.code).toBe(
      'timesheet_not_signed',
    );

    // Sending again voids the old link.
    await contact.client.post(`/timesheets/${sheetId}/signing-request`).send({}).expect(201);
    expect((await publicApi().get(`/signing/${token}`).expect(410)).body.code).toBe('signing_link_replaced');
  });

  it('refuses an expired link and changes nothing', async () => {
    const { sheetId, token } = await sentMonth('per@example.test');
    await fx.sql(
      `UPDATE signing_requests SET expires_at = now() - interval '1 second' WHERE timesheet_id = $1`,
      [sheetId],
    );
    const before = await snapshot(sheetId);
    expect(
      (await publicApi().post(`/signing/${token}`).send({ decision: 'confirm' }).expect(410)).body.code,
    ).toBe('signing_link_expired');
    expect(await snapshot(sheetId)).toEqual(before);
  });

  it('an objection keeps the timesheet open, shows on it for staff, and reaches the coordinator', async () => {
    const { contact, sheetId, token } = await sentMonth('lise@example.test');
    await publicApi()
      .post(`/signing/${token}`)
      .send({ decision: 'object', comment: 'Vi var ikke på tur 8. juli.' })
      .expect(200);
    const sheet = await coordinator.get(`/timesheets/${sheetId}`).expect(200);
    expect(sheet.body).toMatchObject({
      status: 'open',
      signing: { status: 'objected', comment: 'Vi var ikke på tur 8. juli.' },
    });
    const forContact = await contact.client.get(`/timesheets/${sheetId}`).expect(200);
    expect(forContact.body.signing).toMatchObject({ status: 'objected', comment: null });
    const told = await smtp.waitFor(coordinatorEmail, /sagt fra om feil/);
    expect(told.text).not.toContain('Vi var ikke på tur');
    expect((await coordinator.post(`/timesheets/${sheetId}/approve`).expect(409)).body.code).toBe(
      'timesheet_not_signed',
    );
  });

  it('sends to the guardian on record; a recipient who chose none gets no mail and the contact is told', async () => {
    const { contact, user, assignmentId } = await fx.individual();
    await fx.sql(`UPDATE service_users SET guardian_name = 'Mor Hansen' WHERE id = $1`, [user.id]);
    await coordinator
      .put(`/service-users/${user.id}/notification-settings`)
      .send({ notifyBy: 'email', email: 'barn@example.test', guardianEmail: 'mor@example.test' })
      .expect(200);
    const logged = await contact.client.post('/sessions').send(fx.session(assignmentId)).expect(201);
    const sent = await contact.client
      .post(`/timesheets/${logged.body.timesheetId}/signing-request`)
      .send({})
      .expect(201);
    expect(sent.body.signer).toBe('guardian');
    const mail = await smtp.waitFor('mor@example.test', /Timelisten/);
    await publicApi()
      .post(`/signing/${LINK.exec(mail.text)![1]}`)
      .send({ decision: 'confirm' })
      .expect(200);
    const sheet = await coordinator.get(`/timesheets/${logged.body.timesheetId}`).expect(200);
    expect(sheet.body.signature).toMatchObject({ signedBy: 'guardian', name: 'Mor Hansen', method: 'link' });

    const other = await fx.individual();
    await coordinator
      .put(`/service-users/${other.user.id}/notification-settings`)
      .send({ notifyBy: 'none', email: 'ingen@example.test' })
      .expect(200);
    const session = await other.contact.client
      .post('/sessions')
      .send(fx.session(other.assignmentId))
      .expect(201);
    const refused = await other.contact.client
      .post(`/timesheets/${session.body.timesheetId}/signing-request`)
      .send({})
      .expect(409);
    expect(refused.body.code).toBe('no_signing_address');
  });

  it('retries a send the SMTP server refused, and sends each notification once', async () => {
    smtp.refuseNextTo('retry@example.test');
    const { sheetId } = await sentMonth('retry@example.test');
    const mails = smtp.received.filter((mail) => mail.to.includes('retry@example.test'));
    expect(mails).toHaveLength(1);
    // The row is marked sent just after the server took the mail.
    let row: { attempts: number; status: string } | undefined;
    for (let tries = 0; tries < 50 && row?.status !== 'sent'; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      [row] = await fx.sql<{ attempts: number; status: string }>(
        `SELECT o.attempts, o.status FROM notification_outbox o JOIN signing_requests r ON r.id = (o.payload->>'signingRequestId')::uuid
          WHERE r.timesheet_id = $1`,
        [sheetId],
      );
    }
    expect(row).toMatchObject({ status: 'sent', attempts: 2 });
  }, 30_000);

  it('tells the contact and the saksbehandler when an introduction is booked and when it is moved', async () => {
    const { newContact, newWaitingUser, inDays, meetAroundTheClock } =
      await import('./support/introduction-fixtures');
    await meetAroundTheClock(app, municipalityId);
    const { as, tokenFor } = await import('./support/test-app');
    const caseworker = as(app, await tokenFor(app, 'caseworker', municipalityId));
    await caseworker
      .put('/notification-settings/me')
      .send({ notifyBy: 'email', email: 'saksbehandler@kommune.test' })
      .expect(200);
    const contact = await newContact(coordinator);
    await fx.sql(`UPDATE contacts SET email = 'stottekontakt@example.test' WHERE id = $1`, [contact.id]);
    const user = await newWaitingUser(app, municipalityId);
    const intro = await coordinator
      .post('/introductions')
      .send({ serviceUserId: user.id, contactId: contact.id })
      .expect(201);
    await caseworker
      .post(`/introductions/${intro.body.id}/booking`)
      .send({ startsAt: inDays(10), location: 'Servicetorget' })
      .expect(201);
    for (const address of ['stottekontakt@example.test', 'saksbehandler@kommune.test']) {
      const mail = await smtp.waitFor(address, /Nytt møte/);
      expect(mail.text).toContain(`http://signing.test/introduksjoner/${intro.body.id}`);
      expect(mail.text).not.toContain(user.firstName);
      expect(mail.text).not.toMatch(NATIONAL_ID);
    }
    await caseworker
      .post(`/introductions/${intro.body.id}/booking`)
      .send({ startsAt: inDays(12), location: 'Servicetorget' })
      .expect(201);
    await smtp.waitFor('stottekontakt@example.test', /flyttet/);
    await smtp.waitFor('saksbehandler@kommune.test', /flyttet/);
  });

  it('writes nothing when the change that causes a notification rolls back', async () => {
    const before = await fx.sql(`SELECT count(*)::int AS n FROM notification_outbox`);
    await expect(
      app.get(DataSource).transaction(async (em) => {
        await app
          .get(NotificationOutbox)
          .write(
            em,
            municipalityId,
            NotificationKind.MatchingRunFinished,
            'rolled-back',
            [{ kind: 'staff', ref: 'x', address: 'rollback@example.test' }],
            { runId: '00000000-0000-4000-8000-000000000000', proposed: 1 },
          );
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await fx.sql(`SELECT count(*)::int AS n FROM notification_outbox`)).toEqual(before);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(smtp.received.some((mail) => mail.to.includes('rollback@example.test'))).toBe(false);
  });
});
