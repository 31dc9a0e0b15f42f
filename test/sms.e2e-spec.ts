import { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import request from 'supertest';
import type { hoursFixtures } from './support/hours-fixtures';
import { MailStack, startMailStack } from './support/mail-stack';
import type { as } from './support/test-app';

interface ArrivedSms {
  headers: IncomingHttpHeaders;
  body: { to: string; from: string; message: string; reference: string };
}

/**
 * An SMS gateway of the test's own: a real HTTP server on a free port that keeps what arrives and answers with
 * the next status of `answers` (then 202), as a municipality's provider would.
 */
async function startSmsGateway() {
  const arrived: ArrivedSms[] = [];
  const answers: number[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      arrived.push({ headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
      res.statusCode = answers.shift() ?? 202;
      res.setHeader('Content-Type', 'application/json');
      res.end('{"status":"queued"}');
    });
  }).listen(0, '127.0.0.1');
  await once(server, 'listening');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/sms`;
  return {
    url,
    arrived,
    answers,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * SMS through the same outbox as e-mail (issue 16 "Notifications"): the real worker sends to a real HTTP gateway
 * this file starts, and the test reads what arrived there. A message holds a link or a code, never a name or
 * anything about health (TRUST 36).
 */
describe('SMS through the outbox', () => {
  let app: INestApplication;
  let stack: MailStack;
  let gateway: Awaited<ReturnType<typeof startSmsGateway>>;
  let coordinator: ReturnType<typeof as>;
  let fx: ReturnType<typeof hoursFixtures>;
  let YEAR: number;
  const TOKEN = randomBytes(24).toString('base64url');

  beforeAll(async () => {
    gateway = await startSmsGateway();
    // Read when the configuration module loads, so set before the stack imports the app.
    Object.assign(process.env, {
      SMS_GATEWAY_URL: gateway.url,
      SMS_GATEWAY_TOKEN: TOKEN,
      SMS_SENDER: 'Testkommune',
    });
    stack = await startMailStack('http://sms.test');
    ({ app } = stack);
    const { as, createMunicipality, tokenFor } = await import('./support/test-app');
    const { hoursFixtures, YEAR: fixtureYear } = await import('./support/hours-fixtures');
    YEAR = fixtureYear;
    const municipalityId = (await createMunicipality(app)).id;
    coordinator = as(app, await tokenFor(app, 'coordinator', municipalityId));
    fx = hoursFixtures(app, municipalityId, coordinator);
  }, 180_000);
  afterAll(async () => {
    await stack?.close();
    await gateway?.close();
    for (const key of ['SMS_GATEWAY_URL', 'SMS_GATEWAY_TOKEN', 'SMS_SENDER']) delete process.env[key];
  });

  /** A month with one session whose user chose SMS, with their (and a guardian's) number on record. */
  async function month(phone: string, guardian?: { name: string; phone: string }) {
    const { contact, user, assignmentId } = await fx.individual();
    await fx.sql(
      `UPDATE service_users SET phone = $2, guardian_name = $3, guardian_phone = $4 WHERE id = $1`,
      [user.id, phone, guardian?.name ?? null, guardian?.phone ?? null],
    );
    await coordinator
      .put(`/service-users/${user.id}/notification-settings`)
      .send({ notifyBy: 'sms' })
      .expect(200);
    const session = await contact.client
      .post('/sessions')
      .send(fx.session(assignmentId, { date: `${YEAR}-08-04`, start: '10:00', end: '12:00' }))
      .expect(201);
    const [names] = await fx.sql<{ first_name: string; last_name: string }>(
      `SELECT first_name, last_name FROM service_users WHERE id = $1`,
      [user.id],
    );
    return { contact, user, names, sheetId: session.body.timesheetId as string };
  }

  /** The SMS to `to` that arrives after `already` of them, within 15 s. */
  async function smsTo(to: string, already = 0): Promise<ArrivedSms> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const mine = gateway.arrived.filter((sms) => sms.body.to === to);
      if (mine.length > already) return mine[mine.length - 1];
      if (Date.now() > deadline) throw new Error(`no SMS arrived for ${to}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  const outboxOf = (ref: string) =>
    fx.sql<{
      id: string;
      kind: string;
      channel: string;
      status: string;
      attempts: number;
      last_error: string;
    }>(
      `SELECT id, kind, channel::text, status::text, attempts, last_error FROM notification_outbox
        WHERE recipient_ref = $1 ORDER BY created_at`,
      [ref],
    );

  /** The recipient's first outbox row once it has reached `status`, within 20 s. */
  async function settled(ref: string, status: 'sent' | 'failed') {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const [row] = await outboxOf(ref);
      if (row?.status === status) return row;
      if (Date.now() > deadline) throw new Error(`the notification to ${ref} never became ${status}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  it('sends the signing link by SMS to the user who chose it, with the link and no name; the link signs', async () => {
    const { contact, user, names, sheetId } = await month('912 34 567');
    const sent = await contact.client.post(`/timesheets/${sheetId}/signing-request`).send({}).expect(201);
    expect(sent.body.sentTo).toBe('*** ** *67');
    const sms = await smsTo('+4791234567');
    expect(sms.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(sms.headers['content-type']).toMatch(/^application\/json/);
    // The row is marked sent once the gateway has answered, a moment after the SMS arrived there.
    const row = await settled(user.id, 'sent');
    expect(row).toMatchObject({ kind: 'timesheet_to_sign', channel: 'sms', status: 'sent' });
    expect(sms.headers['idempotency-key']).toBe(row.id);
    expect(sms.body).toMatchObject({ to: '+4791234567', from: 'Testkommune', reference: row.id });
    expect(sms.body.message).toMatch(
      /^Timelisten for .* er klar\. Se over timene og svar her: http:\/\/sms\.test\/signer\/[A-Za-z0-9_-]{43} /,
    );
    expect(sms.body.message.length).toBeLessThanOrEqual(300);
    for (const word of [names.first_name, names.last_name]) expect(sms.body.message).not.toContain(word);
    expect(sms.body.message).not.toMatch(/\d{11}/);
    expect(stack.smtp.received.some((mail) => mail.text.includes(sheetId))).toBe(false);

    const token = /\/signer\/([A-Za-z0-9_-]{43})/.exec(sms.body.message)![1];
    await request(app.getHttpServer()).post(`/signing/${token}`).send({ decision: 'confirm' }).expect(200);
    const sheet = await fx.sql<{ status: string; signature_method: string }>(
      `SELECT status::text, signature_method::text FROM timesheets WHERE id = $1`,
      [sheetId],
    );
    expect(sheet).toEqual([{ status: 'signed', signature_method: 'link' }]);
  });

  it('sends the one-time code by SMS to the guardian’s number, and tells a coordinator who chose SMS of the signature', async () => {
    await coordinator
      .put('/notification-settings/me')
      .send({ notifyBy: 'sms', phone: '+47 400 00 001' })
      .expect(200);
    const { contact, sheetId } = await month('912 34 000', { name: 'Verge Vik', phone: '004798765432' });
    const coordinatorSms = gateway.arrived.filter((s) => s.body.to === '+4740000001').length;
    const asked = await contact.client.post(`/timesheets/${sheetId}/signing-code`).send({}).expect(201);
    expect(asked.body).toMatchObject({ signer: 'guardian', sentTo: '*** ** *32' });
    const sms = await smsTo('+4798765432');
    const code = /^Engangskode for timelisten: (\d{6})\. /.exec(sms.body.message)?.[1];
    expect(code).toBeDefined();
    expect(sms.body.message).not.toContain('Verge');
    expect(gateway.arrived.some((s) => s.body.to === '+4791234000')).toBe(false);
    await contact.client.post(`/timesheets/${sheetId}/signing-code/confirm`).send({ code }).expect(200);
    const told = await smsTo('+4740000001', coordinatorSms);
    expect(told.body.message).toBe(`En timeliste er signert: http://sms.test/timelister/${sheetId}`);
  });

  it('retries when the gateway fails for a while and sends once; a refused number fails at once, not retried', async () => {
    const { contact, user, sheetId } = await month('+47 913 00 000');
    gateway.answers.push(503, 503);
    await contact.client.post(`/timesheets/${sheetId}/signing-request`).send({}).expect(201);
    await settled(user.id, 'sent');
    const tries = gateway.arrived.filter((s) => s.body.to === '+4791300000');
    expect(tries).toHaveLength(3);
    expect(new Set(tries.map((s) => s.headers['idempotency-key'])).size).toBe(1);
    // Each try makes the link afresh (so that it exists only in the message): only the one delivered works.
    const tokens = tries.map((s) => /\/signer\/([A-Za-z0-9_-]{43})/.exec(s.body.message)![1]);
    expect(new Set(tokens).size).toBe(3);
    expect((await request(app.getHttpServer()).get(`/signing/${tokens[0]}`)).status).not.toBe(200);
    await request(app.getHttpServer()).get(`/signing/${tokens[2]}`).expect(200);

    const refused = await month('+47 914 00 000');
    gateway.answers.push(400);
    await refused.contact.client.post(`/timesheets/${refused.sheetId}/signing-request`).send({}).expect(201);
    const failed = await settled(refused.user.id, 'failed');
    expect(failed.last_error).toBe('the SMS gateway answered 400');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(gateway.arrived.filter((s) => s.body.to === '+4791400000')).toHaveLength(1);
  });

  it('lets a person choose SMS only with a number on record', async () => {
    const withoutPhone = await fx.newContact({ phone: null });
    const refused = await withoutPhone.client
      .put('/notification-settings/me')
      .send({ notifyBy: 'sms' })
      .expect(409);
    expect(refused.body.code).toBe('no_phone_on_record');
    const withPhone = await fx.newContact({ phone: '+47 915 00 000' });
    expect(
      (await withPhone.client.put('/notification-settings/me').send({ notifyBy: 'sms' }).expect(200)).body,
    ).toMatchObject({ notifyBy: 'sms', phone: '+47 915 00 000' });
    await withPhone.client
      .put('/notification-settings/me')
      .send({ notifyBy: 'sms', phone: '+47 999 99 999' })
      .expect(400);
    await coordinator.put('/notification-settings/me').send({ notifyBy: 'sms' }).expect(409);
    const { user } = await fx.individual();
    await fx.sql(`UPDATE service_users SET phone = NULL, guardian_phone = NULL WHERE id = $1`, [user.id]);
    const noNumber = await coordinator
      .put(`/service-users/${user.id}/notification-settings`)
      .send({ notifyBy: 'sms' })
      .expect(409);
    expect(noNumber.body.code).toBe('no_phone_on_record');
    // The choice is back on e-mail for the coordinator, so other tests' coordinators are told as before.
    await coordinator.put('/notification-settings/me').send({ notifyBy: 'none' }).expect(200);
  });
});
