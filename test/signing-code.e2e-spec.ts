import { INestApplication } from '@nestjs/common';
import type { hoursFixtures } from './support/hours-fixtures';
import { readFileSync } from 'node:fs';
import { MailStack, startMailStack } from './support/mail-stack';
import type { as } from './support/test-app';
import { TEST_LOG_FILE } from './support/test-env';

const CODE = /Koden din er: (\d{6})/;

/**
 * The user's signature by a one-time code on the contact's phone (issue 16, DOMAIN rule 5): the code goes from
 * the real worker over SMTP to the signer's own address at a real SMTP server this file starts, and is read
 * there; the contact's phone sends what the signer reads out. The same signing request as the link, so the
 * same single use, content hash and record of who, how and when.
 */
describe('signing by one-time code on the contact’s phone', () => {
  let app: INestApplication;
  let stack: MailStack;
  let smtp: MailStack['smtp'];
  let municipalityId: string;
  let coordinator: ReturnType<typeof as>;
  let fx: ReturnType<typeof hoursFixtures>;
  let YEAR: number;

  beforeAll(async () => {
    stack = await startMailStack('http://signing.test');
    ({ app, smtp } = stack);
    const { as, createMunicipality, tokenFor } = await import('./support/test-app');
    const { hoursFixtures, YEAR: fixtureYear } = await import('./support/hours-fixtures');
    YEAR = fixtureYear;
    municipalityId = (await createMunicipality(app)).id;
    coordinator = as(app, await tokenFor(app, 'coordinator', municipalityId));
    fx = hoursFixtures(app, municipalityId, coordinator);
  }, 180_000);
  afterAll(() => stack.close());

  /** A month with one session, its user (or guardian) reachable at `email`. */
  async function month(email: string, guardian?: string) {
    const { contact, user, assignmentId } = await fx.individual();
    await coordinator
      .put(`/service-users/${user.id}/notification-settings`)
      .send(guardian ? { notifyBy: 'email', guardianEmail: email } : { notifyBy: 'email', email })
      .expect(200);
    if (guardian)
      await fx.sql(`UPDATE service_users SET guardian_name = $2 WHERE id = $1`, [user.id, guardian]);
    const session = await contact.client
      .post('/sessions')
      .send(fx.session(assignmentId, { date: `${YEAR}-07-01`, start: '10:00', end: '12:00' }))
      .expect(201);
    return { contact, user, assignmentId, sheetId: session.body.timesheetId as string };
  }

  /** Asks for a code and reads it from the mail that arrived (the n-th to this address). */
  async function codeFor(contact: ReturnType<typeof as>, sheetId: string, email: string) {
    const codeMails = () =>
      smtp.received.filter((mail) => mail.to.includes(email) && /Engangskode/.test(mail.subject));
    const already = codeMails().length;
    const sent = await contact.post(`/timesheets/${sheetId}/signing-code`).send({}).expect(201);
    const deadline = Date.now() + 15_000;
    for (;;) {
      const mails = codeMails();
      if (mails.length > already) {
        const code = CODE.exec(mails[mails.length - 1].text)?.[1];
        expect(code).toBeDefined();
        return { sent, code: code!, mail: mails[mails.length - 1] };
      }
      if (Date.now() > deadline) throw new Error(`no code arrived for ${email}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  const wrongOf = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

  const snapshot = async (sheetId: string) =>
    fx.sql(
      `SELECT t.status, t.version, t.signature_method, r.status AS request_status, r.code_attempts
         FROM timesheets t LEFT JOIN signing_requests r ON r.timesheet_id = t.id WHERE t.id = $1
        ORDER BY r.created_at`,
      [sheetId],
    );

  it('sends the code to the user only, refuses and counts a wrong one, signs with the right one, once', async () => {
    const { contact, user, sheetId } = await month('kari.code@example.test');
    const { sent, code, mail } = await codeFor(contact.client, sheetId, 'kari.code@example.test');

    // The contact's answer says where it went, masked, and when it stops working; never the code.
    expect(sent.headers['cache-control']).toBe('no-store');
    expect(sent.body).toMatchObject({
      timesheetId: sheetId,
      signer: 'user',
      sentTo: 'k***@example.test',
      attempts: 5,
    });
    const minutesLeft = (Date.parse(sent.body.codeExpiresAt as string) - Date.now()) / 60_000;
    expect(minutesLeft).toBeGreaterThan(9);
    expect(minutesLeft).toBeLessThanOrEqual(10);
    expect(JSON.stringify(sent.body)).not.toContain(code);
    expect(mail.text).not.toContain(user.firstName);
    // Only a hash of it is kept: not in the request, not in the outbox.
    const stored = await fx.sql<{ row: string }>(
      `SELECT row_to_json(r)::text AS row FROM signing_requests r WHERE timesheet_id = $1
       UNION ALL SELECT row_to_json(o)::text FROM notification_outbox o WHERE recipient_ref = $2`,
      [sheetId, user.id],
    );
    for (const { row } of stored) expect(row).not.toContain(`"${code}"`);
    expect(readFileSync(TEST_LOG_FILE, 'utf8')).not.toContain(`"${code}"`);

    const wrong = await contact.client
      .post(`/timesheets/${sheetId}/signing-code/confirm`)
      .send({ code: wrongOf(code) })
      .expect(400);
    expect(wrong.body).toMatchObject({
      code: 'signing_code_wrong',
      details: [{ field: 'code' }],
      context: { attemptsLeft: 4 },
    });
    const malformed = await contact.client
      .post(`/timesheets/${sheetId}/signing-code/confirm`)
      .send({ code: '12 34' })
      .expect(400);
    expect(malformed.body.code).toBe('validation_failed');
    expect((await snapshot(sheetId))[0]).toMatchObject({ status: 'open', code_attempts: 1 });

    const signed = await contact.client
      .post(`/timesheets/${sheetId}/signing-code/confirm`)
      .send({ code })
      .expect(200);
    expect(signed.body.status).toBe('signed');

    // The coordinator sees who signed, how, to whom the code went, when and over what.
    const sheet = await coordinator.get(`/timesheets/${sheetId}`).expect(200);
    expect(sheet.body.signature).toMatchObject({
      signedBy: 'user',
      serviceUserId: user.id,
      name: `${user.firstName} ${user.lastName}`,
      method: 'one_time_code',
      codeSentTo: 'k***@example.test',
      recordedBy: 'one-time-code',
      contentHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(sheet.body.signing).toMatchObject({ status: 'signed' });

    // Reused: refused, nothing changes.
    const before = await snapshot(sheetId);
    const reused = await contact.client
      .post(`/timesheets/${sheetId}/signing-code/confirm`)
      .send({ code })
      .expect(410);
    expect(reused.body.code).toBe('signing_code_used');
    expect(await snapshot(sheetId)).toEqual(before);
    await contact.client.post(`/timesheets/${sheetId}/signing-code`).send({}).expect(409);

    await coordinator.post(`/timesheets/${sheetId}/approve`).expect(200);
  });

  it('voids the code after five wrong tries, and when it expires', async () => {
    const { contact, sheetId } = await month('ola.code@example.test');
    const { code } = await codeFor(contact.client, sheetId, 'ola.code@example.test');
    for (let left = 4; left >= 0; left--) {
      const wrong = await contact.client
        .post(`/timesheets/${sheetId}/signing-code/confirm`)
        .send({ code: wrongOf(code) })
        .expect(400);
      expect(wrong.body.context).toEqual({ attemptsLeft: left });
    }
    const usedUp = await contact.client
      .post(`/timesheets/${sheetId}/signing-code/confirm`)
      .send({ code })
      .expect(410);
    expect(usedUp.body.code).toBe('signing_code_used_up');

    // A new code works again; expired, it is refused and changes nothing.
    const second = await codeFor(contact.client, sheetId, 'ola.code@example.test');
    await fx.sql(
      `UPDATE signing_requests SET code_expires_at = now() - interval '1 second'
        WHERE timesheet_id = $1 AND status = 'pending'`,
      [sheetId],
    );
    const before = await snapshot(sheetId);
    const expired = await contact.client
      .post(`/timesheets/${sheetId}/signing-code/confirm`)
      .send({ code: second.code })
      .expect(410);
    expect(expired.body.code).toBe('signing_code_expired');
    expect(await snapshot(sheetId)).toEqual(before);

    // Three codes in fifteen minutes, then the contact must wait.
    await codeFor(contact.client, sheetId, 'ola.code@example.test');
    const tooMany = await contact.client.post(`/timesheets/${sheetId}/signing-code`).send({}).expect(429);
    expect(tooMany.body).toMatchObject({ code: 'signing_code_too_many' });
    expect(tooMany.body.context.retryAfterSeconds).toBeGreaterThan(0);
  });

  it('a changed timesheet voids the code; another contact cannot use it; a newer code replaces the older', async () => {
    const { contact, assignmentId, sheetId } = await month('per.code@example.test');
    const first = await codeFor(contact.client, sheetId, 'per.code@example.test');
    const second = await codeFor(contact.client, sheetId, 'per.code@example.test');
    if (first.code !== second.code) {
      const replaced = await contact.client
        .post(`/timesheets/${sheetId}/signing-code/confirm`)
        .send({ code: first.code })
        .expect(400);
      expect(replaced.body.code).toBe('signing_code_wrong');
    }

    // Another contact, on this timesheet: 404 as for one that does not exist; on their own: no code there.
    const other = await month('lise.code@example.test');
    const foreign = await other.contact.client
      .post(`/timesheets/${sheetId}/signing-code/confirm`)
      .send({ code: second.code })
      .expect(404);
    expect(foreign.body.code).toBe('not_found');
    const ownSheet = await other.contact.client
      .post(`/timesheets/${other.sheetId}/signing-code/confirm`)
      .send({ code: second.code })
      .expect(409);
    expect(ownSheet.body.code).toBe('signing_code_not_requested');
    await other.contact.client.post(`/timesheets/${sheetId}/signing-code`).send({}).expect(404);

    // A session added after the code was sent: the code is void, the timesheet stays open.
    await contact.client
      .post('/sessions')
      .send(fx.session(assignmentId, { date: `${YEAR}-07-08`, start: '17:00', end: '18:00' }))
      .expect(201);
    const changed = await contact.client
      .post(`/timesheets/${sheetId}/signing-code/confirm`)
      .send({ code: second.code })
      .expect(409);
    expect(changed.body.code).toBe('timesheet_changed');
    const again = await contact.client
      .post(`/timesheets/${sheetId}/signing-code/confirm`)
      .send({ code: second.code })
      .expect(409);
    expect(again.body.code).toBe('signing_code_not_requested');
    expect((await coordinator.get(`/timesheets/${sheetId}`).expect(200)).body).toMatchObject({
      status: 'open',
      signature: null,
    });
  });

  it('sends the code to the guardian on record, and the signature names the guardian', async () => {
    const { contact, sheetId } = await month('mor.code@example.test', 'Mor Kode');
    // A link sent first: the code signs the same request, and the link is then used.
    await contact.client.post(`/timesheets/${sheetId}/signing-request`).send({}).expect(201);
    const link = await smtp.waitFor('mor.code@example.test', /Timelisten/);
    const token = /\/signer\/([A-Za-z0-9_-]{43})/.exec(link.text)![1];
    const { sent, code } = await codeFor(contact.client, sheetId, 'mor.code@example.test');
    expect(sent.body).toMatchObject({ signer: 'guardian', sentTo: 'm***@example.test' });
    await contact.client.post(`/timesheets/${sheetId}/signing-code/confirm`).send({ code }).expect(200);
    const sheet = await coordinator.get(`/timesheets/${sheetId}`).expect(200);
    expect(sheet.body.signature).toMatchObject({
      signedBy: 'guardian',
      name: 'Mor Kode',
      method: 'one_time_code',
      codeSentTo: 'm***@example.test',
    });
    const { default: request } = await import('supertest');
    const used = await request(app.getHttpServer()).get(`/signing/${token}`).expect(410);
    expect(used.body.code).toBe('signing_link_used');
  });
});
