import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { addDays, addMonths, todayInOslo } from '../src/common/dates';
import { JobName, QueueName } from '../src/jobs/jobs';
import { lapseScanJobId, LapseScansService } from '../src/lapses/lapse-scans.service';
import { LapsesService } from '../src/lapses/lapses.service';
import { WorkerModule } from '../src/worker.module';
import { hoursFixtures } from './support/hours-fixtures';
import { as, createMunicipality, createTestApp, dataSourceOf, tokenFor } from './support/test-app';

describe('lapses: the daily scan of politiattester and vedtak', () => {
  let app: INestApplication;
  let municipalityId: string;
  let coordinator: ReturnType<typeof as>;
  let fx: ReturnType<typeof hoursFixtures>;
  const today = todayInOslo(new Date());
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    app = await createTestApp();
    municipalityId = (await createMunicipality(app)).id;
    coordinator = as(app, await tokenFor(app, 'coordinator', municipalityId));
    fx = hoursFixtures(app, municipalityId, coordinator);

    const certificate = async (name: string, validUntil: string) => {
      const contact = await fx.newContact({ firstName: name });
      // Valid 36 months (the default): issued 36 months before the day after the last valid day.
      const issued = addMonths(addDays(validUntil, 1), -36);
      await fx.sql(
        `UPDATE contacts SET police_certificate_issued_on = $2, police_certificate_presented_on = $2 WHERE id = $1`,
        [contact.id, issued],
      );
      return contact.id;
    };
    ids.lapsingContact = await certificate('Snart', addDays(today, 10));
    ids.lapsedContact = await certificate('Utløpt', addDays(today, -1));
    ids.fineContact = await certificate('Gyldig', addDays(today, 200));

    const lapsing = await fx.userWithDecision({ validFrom: '2026-01-01', validTo: addDays(today, 20) });
    const lapsed = await fx.userWithDecision({ validFrom: '2026-01-01', validTo: addDays(today, -3) });
    const renewed = await fx.userWithDecision({ validFrom: '2026-01-01', validTo: addDays(today, -3) });
    await fx.sql(
      `INSERT INTO decisions (municipality_id, service_user_id, service_form, hours_granted, hours_period, decided_on,
                              valid_from, valid_to, waiting_since, created_by)
       VALUES ($1, $2, 'individual', 4, 'week', $3, $4, $5, $4, 'test')`,
      [municipalityId, renewed.id, addDays(today, -10), addDays(today, -2), addDays(today, 700)],
    );
    const longAgo = await fx.userWithDecision({ validFrom: '2024-01-01', validTo: '2024-12-31' });
    Object.assign(ids, {
      lapsingDecision: lapsing.decisionId,
      lapsedDecision: lapsed.decisionId,
      renewedDecision: renewed.decisionId,
      longAgoDecision: longAgo.decisionId,
    });
  });
  afterAll(() => app.close());

  it('finds what lapses within 30 days or has lapsed, and lists it for coordinators', async () => {
    await app.get(LapsesService).scan(municipalityId, today);
    const list = await coordinator.get('/lapses').expect(200);
    expect(list.headers['cache-control']).toBe('no-store');
    expect(list.body.scannedOn).toBe(today);
    const found = Object.fromEntries(
      list.body.items.map((i: { subjectId: string; status: string; kind: string }) => [
        i.subjectId,
        `${i.kind}:${i.status}`,
      ]),
    );
    expect(found).toEqual({
      [ids.lapsingContact]: 'police_certificate:lapsing',
      [ids.lapsedContact]: 'police_certificate:lapsed',
      [ids.lapsingDecision]: 'decision:lapsing',
      [ids.lapsedDecision]: 'decision:lapsed',
    });
    const lapsed = await coordinator.get('/lapses?status=lapsed&kind=police_certificate').expect(200);
    expect(lapsed.body.items).toEqual([
      expect.objectContaining({
        contactId: ids.lapsedContact,
        firstName: 'Utløpt',
        validUntil: addDays(today, -1),
        openAssignments: 0,
      }),
    ]);
  });

  it('is idempotent: a second scan of the same day leaves the same rows', async () => {
    await app.get(LapsesService).scan(municipalityId, today);
    const first = (await coordinator.get('/lapses').expect(200)).body;
    await app.get(LapsesService).scan(municipalityId, today);
    expect((await coordinator.get('/lapses').expect(200)).body).toEqual(first);
  });

  it('runs as a BullMQ job in the worker, through one outbox row per day', async () => {
    const worker: INestApplicationContext = await NestFactory.createApplicationContext(WorkerModule, {
      logger: ['error'],
    });
    try {
      const date = addDays(today, 1);
      const scans = app.get(LapseScansService);
      const db = dataSourceOf(app);
      expect(await Promise.all([scans.request(date), scans.request(date)])).toEqual([true, true]);
      // The day's row is marked completed after the scan's own transaction, so wait for the row, not the scan.
      const scanRows = () =>
        db.query(`SELECT status, attempts FROM lapse_scans WHERE scan_date = $1`, [date]);
      let rows = await scanRows();
      for (let attempt = 0; attempt < 100 && rows[0]?.status !== 'completed'; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        rows = await scanRows();
      }
      expect(rows).toEqual([{ status: 'completed', attempts: 1 }]);
      expect((await coordinator.get('/lapses').expect(200)).body.scannedOn).toBe(date);
      // A finished day is never relayed again, nor requested twice.
      await scans.relayPending(0);
      expect(await scans.request(date)).toBe(true);
      expect(await db.query(`SELECT attempts FROM lapse_scans WHERE scan_date = $1`, [date])).toEqual([
        { attempts: 1 },
      ]);
    } finally {
      await worker.close();
    }
  });

  it('ends a scan whose every attempt failed as failed, with the reason, instead of running for ever', async () => {
    const worker: INestApplicationContext = await NestFactory.createApplicationContext(WorkerModule, {
      logger: false,
    });
    try {
      // The fault: this worker's scan throws (the database and Redis stay real); two quick attempts.
      jest.spyOn(worker.get(LapsesService), 'scanAll').mockRejectedValue(new Error('scan broke'));
      const date = addDays(today, 2);
      const queue = app.get<Queue>(getQueueToken(QueueName.Lapses));
      await queue.add(
        JobName.LapseScan,
        { scanDate: date },
        { jobId: lapseScanJobId(date), attempts: 2, backoff: { type: 'fixed', delay: 50 } },
      );
      const db = dataSourceOf(app);
      const scanRows = () =>
        db.query(
          `SELECT status, attempts, error, finished_at IS NOT NULL AS finished FROM lapse_scans
                   WHERE scan_date = $1`,
          [date],
        );
      let rows = await scanRows();
      for (let attempt = 0; attempt < 100 && rows[0]?.status !== 'failed'; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        rows = await scanRows();
      }
      expect(rows).toEqual([{ status: 'failed', attempts: 2, error: 'scan broke', finished: true }]);
      // The relay leaves a failed day alone: only queued rows are relayed.
      await app.get(LapseScansService).relayPending(0);
      expect((await scanRows())[0].status).toBe('failed');
    } finally {
      await worker.close();
    }
  });

  it('lets coordinators rescan now, and keeps contacts out', async () => {
    const rescanned = await coordinator.post('/lapses/scan').expect(200);
    expect(rescanned.body.scannedOn).toBe(today);
    const contact = await fx.newContact();
    await contact.client.get('/lapses').expect(403);
    await contact.client.post('/lapses/scan').expect(403);
    const caseworker = as(app, await tokenFor(app, 'caseworker', municipalityId));
    await caseworker.post('/lapses/scan').expect(403);
    const foreign = as(app, await tokenFor(app, 'coordinator', (await createMunicipality(app)).id));
    expect((await foreign.get('/lapses').expect(200)).body.items).toEqual([]);
  });

  it('blocks new sessions after a lapse, and new assignments for a contact whose politiattest lapsed', async () => {
    const user = await fx.userWithDecision();
    const refused = await coordinator
      .post('/assignments')
      .send({
        startWithoutIntroductionReason: 'continues from before',
        contactId: ids.lapsedContact,
        serviceUserId: user.id,
        startsOn: today,
      })
      .expect(409);
    expect(refused.body.code).toBe('contact_not_eligible');
  });
});
