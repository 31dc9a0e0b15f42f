import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { addDays, addMonths } from '../src/common/dates';
import { policeCertificateValidUntil } from '../src/contacts/eligibility';
import type { LapsesService } from '../src/lapses/lapses.service';
import type { MatchingRunExecutor } from '../src/matching/matching-run.executor';
import { contactBody, today } from './factories';
import { MailStack, startMailStack } from './support/mail-stack';
import type { as } from './support/test-app';

const NATIONAL_ID = /\b\d{11}\b/;

/**
 * The notifications raised by the daily lapse scan and the night's matching run (issue 16), written to the outbox
 * in the transaction that finds them and sent by the real worker to a real SMTP server that this file starts.
 */
describe('notifications: a politiattest lapsing in 30 days, and the night’s proposals', () => {
  let app: INestApplication;
  let worker: INestApplicationContext;
  let stack: MailStack;
  let smtp: MailStack['smtp'];
  let helpers: typeof import('./support/test-app');
  let lapses: LapsesService;
  let executor: MatchingRunExecutor;

  beforeAll(async () => {
    stack = await startMailStack('http://notify.test');
    ({ app, worker, smtp } = stack);
    helpers = await import('./support/test-app');
    const { LapsesService } = await import('../src/lapses/lapses.service');
    const { MatchingRunExecutor } = await import('../src/matching/matching-run.executor');
    lapses = app.get(LapsesService);
    executor = worker.get(MatchingRunExecutor);
  }, 180_000);
  afterAll(() => stack.close());

  /** A municipality whose coordinator wants e-mail at `email`. */
  async function municipalityWithCoordinator(email: string) {
    const municipalityId = (await helpers.createMunicipality(app)).id;
    const coordinator: ReturnType<typeof as> = helpers.as(
      app,
      await helpers.tokenFor(app, 'coordinator', municipalityId),
    );
    await coordinator.put('/notification-settings/me').send({ notifyBy: 'email', email }).expect(200);
    return { municipalityId, coordinator };
  }

  const outboxRows = (municipalityId: string, kind: string) =>
    helpers.dataSourceOf(app).query<{ recipient_kind: string; address: string; status: string }[]>(
      `SELECT recipient_kind, address, status FROM notification_outbox
          WHERE municipality_id = $1 AND kind = $2 ORDER BY recipient_kind, address`,
      [municipalityId, kind],
    );

  it('tells the contact and the coordinator once when a politiattest has 30 days left', async () => {
    const coordinatorEmail = 'koordinator.attest@kommune.test';
    const { municipalityId, coordinator } = await municipalityWithCoordinator(coordinatorEmail);
    const db = helpers.dataSourceOf(app);
    const [{ months }] = await db.query<{ months: number }[]>(
      `SELECT police_certificate_validity_months AS months FROM municipalities WHERE id = $1`,
      [municipalityId],
    );
    // An issue date whose certificate is valid until about two weeks from now.
    const target = addDays(today(), 14);
    let issuedOn = addMonths(target, -months);
    while (policeCertificateValidUntil(issuedOn, { policeCertificateValidityMonths: months }) < target)
      issuedOn = addDays(issuedOn, 1);
    const validUntil = policeCertificateValidUntil(issuedOn, { policeCertificateValidityMonths: months });

    const lapsing = (
      await coordinator
        .post('/contacts')
        .send(contactBody({ firstName: 'Ingeborg', email: 'attest.snart@example.test' }))
        .expect(201)
    ).body as { id: string };
    await db.query(
      `UPDATE contacts SET police_certificate_issued_on = $2, police_certificate_presented_on = $2,
              confidentiality_signed_on = $2 WHERE id = $1`,
      [lapsing.id, issuedOn],
    );
    await coordinator
      .post('/contacts')
      .send(contactBody({ firstName: 'Gyldig', email: 'attest.gyldig@example.test' }))
      .expect(201);

    await lapses.scan(municipalityId, today());
    const toContact = await smtp.waitFor('attest.snart@example.test', /Politiattest/);
    const toCoordinator = await smtp.waitFor(coordinatorEmail, /Politiattest/);
    for (const mail of [toContact, toCoordinator]) {
      expect(mail.subject).toBe('Politiattest må fornyes');
      expect(mail.text).toContain('http://notify.test/');
      expect(mail.text).not.toMatch(NATIONAL_ID);
      expect(mail.text).not.toContain('Ingeborg');
    }
    const day = Number(validUntil.slice(8, 10));
    expect(toContact.text).toContain(`gjelder bare til ${day}.`);

    // Tomorrow's scan (or a rerun) finds the same certificate: nothing new is written or sent.
    await lapses.scan(municipalityId, today());
    const rows = await outboxRows(municipalityId, 'police_certificate_lapsing');
    expect(rows.map((r) => [r.recipient_kind, r.address])).toEqual([
      ['contact', 'attest.snart@example.test'],
      ['staff', coordinatorEmail],
    ]);
    expect(smtp.received.filter((m) => m.to.includes('attest.gyldig@example.test'))).toEqual([]);
  });

  it('tells the coordinators when the night’s run has proposals to review, never for a run started by hand', async () => {
    const coordinatorEmail = 'koordinator.natt@kommune.test';
    const { municipalityId, coordinator } = await municipalityWithCoordinator(coordinatorEmail);
    const { newContact, newWaitingUser } = await import('./support/introduction-fixtures');
    await newContact(coordinator, { maxUsers: 3 });
    await newWaitingUser(app, municipalityId);
    const db = helpers.dataSourceOf(app);

    const [manual] = await db.query<{ id: string }[]>(
      `INSERT INTO matching_runs (municipality_id, trigger, run_date, requested_by)
       VALUES ($1, 'manual', $2, 'test') RETURNING id`,
      [municipalityId, today()],
    );
    expect((await executor.execute(manual.id, async () => {}))?.proposed).toBe(1);
    expect(await outboxRows(municipalityId, 'matching_run_finished')).toEqual([]);

    const [nightly] = await db.query<{ id: string }[]>(
      `INSERT INTO matching_runs (municipality_id, trigger, run_date, requested_by)
       VALUES ($1, 'nightly', $2, 'nightly-schedule') RETURNING id`,
      [municipalityId, today()],
    );
    expect((await executor.execute(nightly.id, async () => {}))?.proposed).toBe(1);
    const mail = await smtp.waitFor(coordinatorEmail, /forslag/);
    expect(mail.subject).toBe('Nye forslag til støttekontakter');
    expect(mail.text).toContain('ferdig med 1 forslag');
    expect(mail.text).toContain(`http://notify.test/forslag?runId=${nightly.id}`);
    expect(mail.text).not.toMatch(NATIONAL_ID);
    // Delivered again (BullMQ delivers at least once): the run is done, so nothing more is written.
    expect(await executor.execute(nightly.id, async () => {})).toBeNull();
    const rows = await outboxRows(municipalityId, 'matching_run_finished');
    expect(rows.map((r) => [r.recipient_kind, r.address])).toEqual([['staff', coordinatorEmail]]);
  });
});
