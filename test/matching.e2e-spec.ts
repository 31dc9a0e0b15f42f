import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { todayInOslo } from '../src/common/dates';
import { MatchingRunExecutor } from '../src/matching/matching-run.executor';
import { MatchingRunsService } from '../src/matching/matching-runs.service';
import { WorkerModule } from '../src/worker.module';
import { DEMO_MUNICIPALITY_ID } from '../scripts/demo/demo-ids';
import { seedDemoMunicipality } from '../scripts/demo/seed-database';
import { as, createTestApp, dataSourceOf, tokenFor } from './support/test-app';

interface RunBody {
  id: string;
  status: string;
  progress: number;
  summary: Record<string, unknown> | null;
}

describe('matching runs over the demo municipality', () => {
  let app: INestApplication;
  let worker: INestApplicationContext;
  let db: DataSource;
  let coordinator: ReturnType<typeof as>;

  beforeAll(async () => {
    app = await createTestApp();
    db = dataSourceOf(app);
    await seedDemoMunicipality(db, todayInOslo(new Date()));
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error'] });
    coordinator = as(app, await tokenFor(app, 'coordinator', DEMO_MUNICIPALITY_ID));
  });
  afterAll(async () => {
    await worker.close();
    await app.close();
  });

  async function waitForRun(id: string): Promise<RunBody> {
    for (let attempt = 0; attempt < 150; attempt++) {
      const run = (await coordinator.get(`/matching-runs/${id}`).expect(200)).body as RunBody;
      if (run.status === 'completed' || run.status === 'failed') return run;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`run ${id} did not finish`);
  }

  const openProposalCount = async () =>
    Number(
      (
        await db.query(`SELECT count(*) FROM proposals WHERE municipality_id = $1 AND status = 'open'`, [
          DEMO_MUNICIPALITY_ID,
        ])
      )[0].count,
    );

  it('runs on demand: 202 with the run id, then a summary and proposals with their reasons', async () => {
    const started = await coordinator.post('/matching-runs').expect(202);
    expect(started.body).toMatchObject({ status: 'queued', trigger: 'manual' });

    const run = await waitForRun(started.body.id);
    expect(run.status).toBe('completed');
    expect(run.progress).toBe(100);
    expect(run.summary).toMatchObject({
      usersWaiting: expect.any(Number),
      proposed: expect.any(Number),
      unmatched: expect.any(Number),
      unmatchedByReason: expect.any(Object),
    });
    const summary = run.summary as {
      usersWaiting: number;
      proposed: number;
      unmatched: number;
      meanDistanceKm: number;
    };
    expect(summary.proposed).toBeGreaterThan(50);
    expect(summary.proposed + summary.unmatched).toBe(summary.usersWaiting);
    expect(summary.meanDistanceKm).toBeLessThanOrEqual(15);

    const proposals = await coordinator.get(`/proposals?runId=${run.id}&pageSize=100`).expect(200);
    expect(proposals.body.total).toBe(summary.proposed);
    for (const proposal of proposals.body.items) {
      expect(proposal.reason).toMatch(/km/);
      expect(proposal.components).toMatchObject({ total: proposal.score, distanceKm: expect.any(Number) });
    }
  });

  it('never proposes an ineligible contact, nor more users to a contact than their free capacity', async () => {
    const violations = await db.query(
      `SELECT p.id FROM proposals p JOIN contacts c ON c.id = p.contact_id
        WHERE p.municipality_id = $1 AND p.status = 'open'
          AND (c.police_certificate_issued_on IS NULL OR c.police_certificate_presented_on IS NULL
               OR c.confidentiality_signed_on IS NULL)`,
      [DEMO_MUNICIPALITY_ID],
    );
    expect(violations).toEqual([]);
    const overfull = await db.query(
      `SELECT c.id FROM contacts c
         JOIN (SELECT contact_id, count(*) AS proposed FROM proposals WHERE status = 'open' GROUP BY contact_id) p
           ON p.contact_id = c.id
         LEFT JOIN (SELECT contact_id, count(*) AS open FROM assignments WHERE ends_on IS NULL GROUP BY contact_id) a
           ON a.contact_id = c.id
        WHERE c.municipality_id = $1 AND p.proposed + coalesce(a.open, 0) > c.max_users`,
      [DEMO_MUNICIPALITY_ID],
    );
    expect(overfull).toEqual([]);
  });

  it('lists proposals by user and by contact', async () => {
    const [one] = await db.query(
      `SELECT service_user_id, contact_id FROM proposals WHERE status = 'open' LIMIT 1`,
    );
    const byUser = await coordinator.get(`/proposals?serviceUserId=${one.service_user_id}`).expect(200);
    expect(
      byUser.body.items.every((p: { serviceUserId: string }) => p.serviceUserId === one.service_user_id),
    ).toBe(true);
    const byContact = await coordinator.get(`/proposals?contactId=${one.contact_id}`).expect(200);
    expect(byContact.body.items.every((p: { contactId: string }) => p.contactId === one.contact_id)).toBe(
      true,
    );
  });

  it('a new run supersedes the open proposals of the last one, but never one a coordinator acted on', async () => {
    const [[acted]] = await db.query(
      `UPDATE proposals SET status = 'declined', status_changed_at = now(), status_changed_by = 'test'
        WHERE id = (SELECT id FROM proposals WHERE status = 'open' ORDER BY id LIMIT 1)
        RETURNING id, service_user_id, contact_id`,
    );
    const before = await openProposalCount();
    const second = await waitForRun((await coordinator.post('/matching-runs').expect(202)).body.id);
    expect(second.status).toBe('completed');
    const stillOpenFromOlder = await db.query(
      `SELECT count(*) FROM proposals WHERE status = 'open' AND run_id <> $1 AND municipality_id = $2`,
      [second.id, DEMO_MUNICIPALITY_ID],
    );
    expect(Number(stillOpenFromOlder[0].count)).toBe(0);
    const [declined] = await db.query(`SELECT status FROM proposals WHERE id = $1`, [acted.id]);
    expect(declined.status).toBe('declined');
    // The declined pair is never proposed again.
    const again = await db.query(
      `SELECT 1 FROM proposals WHERE run_id = $1 AND service_user_id = $2 AND contact_id = $3`,
      [second.id, acted.service_user_id, acted.contact_id],
    );
    expect(again).toEqual([]);
    expect(await openProposalCount()).toBeGreaterThan(before / 2);
  });

  it('is idempotent: running a finished run again, or a duplicated job, writes nothing more', async () => {
    const [latest] = await db.query(
      `SELECT id FROM matching_runs WHERE municipality_id = $1 AND status = 'completed' ORDER BY created_at DESC LIMIT 1`,
      [DEMO_MUNICIPALITY_ID],
    );
    const count = async () =>
      Number((await db.query(`SELECT count(*) FROM proposals WHERE run_id = $1`, [latest.id]))[0].count);
    const before = await count();
    const result = await worker.get(MatchingRunExecutor).execute(latest.id, async () => undefined);
    expect(result).toBeNull();
    expect(await count()).toBe(before);
  });

  it('a run interrupted after it was claimed is completed by the retry, once', async () => {
    const runs = app.get(MatchingRunsService);
    const [claimed] = await db.query(
      `INSERT INTO matching_runs (municipality_id, trigger, run_date, status, attempts, requested_by)
       VALUES ($1, 'manual', $2, 'running', 1, 'test') RETURNING id`,
      [DEMO_MUNICIPALITY_ID, todayInOslo(new Date())],
    );
    // As if the worker died mid-run: the run is 'running' and has no proposals; the retry picks it up.
    const summary = await worker.get(MatchingRunExecutor).execute(claimed.id, async () => undefined);
    expect(summary?.proposed).toBeGreaterThan(0);
    const [row] = await db.query(`SELECT status, attempts FROM matching_runs WHERE id = $1`, [claimed.id]);
    expect(row).toMatchObject({ status: 'completed', attempts: 2 });
    // A finished run is never relayed again: only 'queued' runs are.
    const relayed = await db.query(`SELECT status FROM matching_runs WHERE id = $1`, [claimed.id]);
    await runs.relayPendingRuns(0);
    expect(await db.query(`SELECT status FROM matching_runs WHERE id = $1`, [claimed.id])).toEqual(relayed);
  });

  it('creates exactly one nightly run per municipality and date, however many instances fire', async () => {
    const runs = app.get(MatchingRunsService);
    const created = await Promise.all([
      runs.requestNightlyRuns(),
      runs.requestNightlyRuns(),
      runs.requestNightlyRuns(),
    ]);
    const [{ count }] = await db.query(
      `SELECT count(*) FROM matching_runs WHERE municipality_id = $1 AND trigger = 'nightly' AND run_date = $2`,
      [DEMO_MUNICIPALITY_ID, todayInOslo(new Date())],
    );
    expect(Number(count)).toBe(1);
    expect(created.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1);
  });

  it('uses the municipality’s own matching settings', async () => {
    const admin = as(app, await tokenFor(app, 'admin', DEMO_MUNICIPALITY_ID));
    await admin
      .patch('/municipality/settings')
      .send({ matching: { travelRadiusKm: 1 } })
      .expect(200);
    try {
      const run = await waitForRun((await coordinator.post('/matching-runs').expect(202)).body.id);
      const summary = run.summary as { meanDistanceKm: number | null; proposed: number };
      const [{ longest }] = await db.query(
        `SELECT max((components->>'distanceKm')::numeric) AS longest FROM proposals WHERE run_id = $1`,
        [run.id],
      );
      expect(summary.proposed).toBeGreaterThan(0);
      expect(Number(longest)).toBeLessThanOrEqual(1);
    } finally {
      await db.query(`UPDATE municipalities SET matching_settings = '{}' WHERE id = $1`, [
        DEMO_MUNICIPALITY_ID,
      ]);
    }
  });

  it('keeps one manual run at a time per municipality: a second request answers 409 with the pending run', async () => {
    const first = await coordinator.post('/matching-runs').expect(202);
    const answers = await Promise.all(Array.from({ length: 5 }, () => coordinator.post('/matching-runs')));
    expect(answers.map((a) => a.status)).toEqual([409, 409, 409, 409, 409]);
    expect(answers[0].body).toMatchObject({ code: 'run_already_pending', context: { runId: first.body.id } });
    const [{ count }] = await db.query(
      `SELECT count(*)::int AS count FROM matching_runs WHERE municipality_id = $1 AND created_at >= $2`,
      [DEMO_MUNICIPALITY_ID, first.body.createdAt],
    );
    expect(count).toBe(1);
    expect((await waitForRun(first.body.id)).status).toBe('completed');
    // Once it has finished, the next one may start.
    expect((await waitForRun((await coordinator.post('/matching-runs').expect(202)).body.id)).status).toBe(
      'completed',
    );
  });

  it('answers 404 for another municipality’s run, and 403 for a contact', async () => {
    const [run] = await db.query(`SELECT id FROM matching_runs LIMIT 1`);
    const other = as(app, await tokenFor(app, 'coordinator', '00000000-0000-4000-8000-000000000000'));
    await other.get(`/matching-runs/${run.id}`).expect(404);
    const contact = as(
      app,
      await tokenFor(app, 'contact', DEMO_MUNICIPALITY_ID, '5e7d0001-0000-4000-8000-000000000001'),
    );
    await contact.post('/matching-runs').expect(403);
    await contact.get('/proposals').expect(403);
  });

  describe('GET /proposals/{id}/alternatives', () => {
    interface Alternative {
      contact: { id: string; firstName: string };
      score: number;
      components: Record<string, number>;
      reason: string;
      isThisProposal: boolean;
      proposedToOthersInRun: number;
      freeUserSlots: number;
    }
    const openProposal = async () =>
      (
        await db.query(
          `SELECT p.id, p.run_id, p.service_user_id, p.contact_id, p.score FROM proposals p
            WHERE p.municipality_id = $1 AND p.status = 'open' ORDER BY p.score DESC, p.id LIMIT 1`,
          [DEMO_MUNICIPALITY_ID],
        )
      )[0] as { id: string; run_id: string; service_user_id: string; contact_id: string; score: number };

    it("ranks the user's candidates by the run's score, this proposal among them, and logs one read", async () => {
      const proposal = await openProposal();
      const answer = await coordinator.get(`/proposals/${proposal.id}/alternatives`).expect(200);
      const body = answer.body as {
        serviceUserId: string;
        runId: string;
        alternatives: Alternative[];
        candidateCount: number;
        noneReason: string | null;
      };
      expect(body).toMatchObject({
        serviceUserId: proposal.service_user_id,
        runId: proposal.run_id,
        noneReason: null,
      });
      expect(body.alternatives.length).toBeGreaterThan(1);
      expect(body.alternatives.length).toBeLessThanOrEqual(10);
      expect(body.candidateCount).toBeGreaterThanOrEqual(body.alternatives.length);
      const scores = body.alternatives.map((a) => a.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      const own = body.alternatives.filter((a) => a.isThisProposal);
      expect(own).toHaveLength(1);
      expect(own[0].contact.id).toBe(proposal.contact_id);
      expect(own[0].score).toBe(proposal.score);
      for (const alternative of body.alternatives) {
        expect(alternative.components.total).toBe(alternative.score);
        expect(alternative.reason.length).toBeGreaterThan(0);
        expect(alternative.freeUserSlots).toBeGreaterThan(0);
      }
      // Never an ineligible contact, nor one the user must not get.
      const ids = body.alternatives.map((a) => a.contact.id);
      const [{ ineligible }] = await db.query(
        `SELECT count(*)::int AS ineligible FROM contacts
          WHERE id = ANY($1::uuid[]) AND (NOT active OR confidentiality_signed_on IS NULL OR police_certificate_issued_on IS NULL)`,
        [ids],
      );
      expect(ineligible).toBe(0);
      // How many others this run proposed each contact to, counted from the proposals themselves.
      for (const alternative of body.alternatives) {
        const [{ n }] = await db.query(
          `SELECT count(*)::int AS n FROM proposals WHERE run_id = $1 AND contact_id = $2 AND service_user_id <> $3`,
          [proposal.run_id, alternative.contact.id, proposal.service_user_id],
        );
        expect(alternative.proposedToOthersInRun).toBe(n);
      }
      const logged = await db.query(`SELECT subject_id, action FROM access_log WHERE request_id = $1`, [
        answer.headers['x-request-id'],
      ]);
      expect(logged).toEqual([{ subject_id: proposal.service_user_id, action: 'proposal-alternatives' }]);
    });

    it('leaves out a contact the user must not get (a close relative)', async () => {
      const proposal = await openProposal();
      const before = (await coordinator.get(`/proposals/${proposal.id}/alternatives`).expect(200)).body as {
        alternatives: Alternative[];
      };
      const other = before.alternatives.find((a) => !a.isThisProposal) as Alternative;
      await coordinator
        .post(`/contacts/${other.contact.id}/close-relatives`)
        .send({ serviceUserId: proposal.service_user_id, relation: 'tante' })
        .expect(201);
      const after = (await coordinator.get(`/proposals/${proposal.id}/alternatives`).expect(200)).body as {
        alternatives: Alternative[];
      };
      expect(after.alternatives.map((a) => a.contact.id)).not.toContain(other.contact.id);
    });

    it('has none once the proposal is accepted (user_not_waiting); 404 across municipalities, 403 for a contact', async () => {
      const proposal = await openProposal();
      const other = as(app, await tokenFor(app, 'coordinator', '00000000-0000-4000-8000-000000000000'));
      await other.get(`/proposals/${proposal.id}/alternatives`).expect(404);
      const contact = as(
        app,
        await tokenFor(app, 'contact', DEMO_MUNICIPALITY_ID, '5e7d0001-0000-4000-8000-000000000001'),
      );
      await contact.get(`/proposals/${proposal.id}/alternatives`).expect(403);
      await coordinator.post(`/proposals/${proposal.id}/accept`).send({}).expect(201);
      const after = await coordinator.get(`/proposals/${proposal.id}/alternatives`).expect(200);
      expect(after.body).toMatchObject({
        alternatives: [],
        candidateCount: 0,
        noneReason: 'user_not_waiting',
      });
    });
  });
});
