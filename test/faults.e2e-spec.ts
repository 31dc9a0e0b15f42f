import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { INestApplication } from '@nestjs/common';
import { Queue } from 'bullmq';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { migrate } from '../src/database/migrate';
import { seedLargeMunicipality } from '../scripts/demo/large-municipality';
import {
  PrivatePostgres,
  PrivateRedis,
  startPrivatePostgres,
  startPrivateRedis,
} from './support/private-services';
import { forgetStarted, rememberStarted } from './support/started-processes';
import { applicationRoleUrl } from './support/test-env';

type TestApp = typeof import('./support/test-app');

/**
 * Faults (TRUST 25, 27–30) on a PostgreSQL and a Redis of this suite's own, so stopping them disturbs no other
 * suite: PostgreSQL stopped, Redis restarted, a worker killed with SIGKILL mid-run, and SIGTERM mid-run.
 */
describe('faults', () => {
  let postgres: PrivatePostgres;
  let redis: PrivateRedis;
  let app: INestApplication;
  let helpers: TestApp;
  let db: DataSource;
  let municipalityId: string;
  let token: string;
  const workers: ChildProcess[] = [];

  beforeAll(async () => {
    // One after the other, so afterAll stops the first when the second fails to start.
    postgres = await startPrivatePostgres();
    redis = await startPrivateRedis();
    await migrate(postgres.url);
    Object.assign(process.env, {
      DATABASE_OWNER_URL: postgres.url,
      DATABASE_URL: applicationRoleUrl(postgres.url),
      REDIS_URL: redis.url,
      MATCHING_JOB_LOCK_MS: '4000',
      STALLED_CHECK_INTERVAL_MS: '1000',
    });
    helpers = await import('./support/test-app');
    app = await helpers.createTestApp();
    db = helpers.dataSourceOf(app);
    municipalityId = (await helpers.createMunicipality(app)).id;
    token = await helpers.tokenFor(app, 'coordinator', municipalityId);
  }, 120_000);

  afterAll(async () => {
    // Each step on its own: one that fails must not leave the next server running.
    for (const worker of workers) if (worker.exitCode === null) worker.kill('SIGKILL');
    const steps = [() => app?.close(), () => redis?.stop(), () => postgres?.destroy()];
    const failures: unknown[] = [];
    for (const step of steps)
      await Promise.resolve()
        .then(step)
        .catch((e: unknown) => failures.push(e));
    if (failures.length > 0) throw failures[0];
  }, 60_000);

  const get = (url: string) => request(app.getHttpServer()).get(url).set('Authorization', `Bearer ${token}`);
  const eventually = async <T>(
    probe: () => Promise<T | undefined>,
    what: string,
    attempts = 300,
  ): Promise<T> => {
    for (let i = 0; i < attempts; i++) {
      const value = await probe().catch(() => undefined);
      if (value !== undefined) return value;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`gave up waiting for ${what}`);
  };
  const startWorker = (): ChildProcess => {
    const worker = spawn(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', join('src', 'worker.ts')],
      {
        cwd: join(__dirname, '..'),
        env: { ...process.env, LOG_FILE: '' },
        stdio: 'ignore',
      },
    );
    const started = { kind: 'pid', pid: worker.pid!, command: 'worker.ts' } as const;
    rememberStarted(started);
    worker.once('exit', () => forgetStarted(started));
    workers.push(worker);
    return worker;
  };
  const runStatus = async (runId: string) =>
    (
      (await db.query(`SELECT status, attempts, summary FROM matching_runs WHERE id = $1`, [runId])) as {
        status: string;
        attempts: number;
        summary: { proposed: number; totalScore: number } | null;
      }[]
    )[0];

  it('PostgreSQL stopped: the API answers 503, and recovers without a restart', async () => {
    await get('/contacts').expect(200);
    postgres.stop();
    try {
      const down = await get('/contacts');
      expect(down.status).toBe(503);
      expect(down.body).toMatchObject({ status: 503, code: 'database_unavailable' });
      const health = await request(app.getHttpServer()).get('/health');
      expect(health.status).toBe(503);
      expect(health.body.error.postgres.status).toBe('down');
    } finally {
      postgres.start();
    }
    await eventually(
      async () => ((await get('/contacts')).status === 200 ? true : undefined),
      'the API to recover',
    );
  });

  it('Redis down: a run is accepted and queued, readiness says not ready, and the job follows once Redis is back', async () => {
    await redis.stop();
    let runId: string;
    try {
      const accepted = await request(app.getHttpServer())
        .post('/matching-runs')
        .set('Authorization', `Bearer ${token}`)
        .expect(202);
      runId = accepted.body.id;
      const health = await request(app.getHttpServer()).get('/health');
      expect(health.status).toBe(503);
      expect(health.body.error.redis.status).toBe('down');
      expect((await runStatus(runId)).status).toBe('queued');
    } finally {
      await redis.start();
    }
    const { MatchingRunsService } = await import('../src/matching/matching-runs.service');
    await eventually(
      async () => ((await app.get(MatchingRunsService).relayPendingRuns(0)) >= 0 ? true : undefined),
      'the relay',
    );
    startWorker();
    const finished = await eventually(async () => {
      const run = await runStatus(runId);
      return run.status === 'completed' ? run : undefined;
    }, 'the relayed run to complete');
    expect(finished.attempts).toBe(1);
    await eventually(
      async () => ((await request(app.getHttpServer()).get('/health')).status === 200 ? true : undefined),
      'readiness',
    );
  }, 60_000);

  it('Redis restarted under a live worker: the worker resumes by itself, and the day’s lapse scan is not lost', async () => {
    const { LapseScansService } = await import('../src/lapses/lapse-scans.service');
    const { DailyLapseScheduler, DAILY_LAPSE_SCAN_SCHEDULER_ID } =
      await import('../src/lapses/daily-lapse.scheduler');
    const { addDays, todayInOslo } = await import('../src/common/dates');
    const scans = app.get(LapseScansService);
    const scanStatus = async (date: string) =>
      (
        (await db.query(`SELECT status FROM lapse_scans WHERE scan_date = $1`, [date])) as {
          status: string;
        }[]
      )[0]?.status;
    // A live worker, shown to be connected by a scan it runs.
    const worker = startWorker();
    const before = addDays(todayInOslo(new Date()), 40);
    expect(await scans.request(before)).toBe(true);
    await eventually(
      async () => ((await scanStatus(before)) === 'completed' ? true : undefined),
      'a first scan',
    );

    // Redis goes away at the scan's hour: the row is written, its job is not.
    await redis.stop();
    const date = addDays(before, 1);
    try {
      expect(await scans.request(date)).toBe(false);
      expect(await scanStatus(date)).toBe('queued');
    } finally {
      await redis.start(); // empty: no data survives, the schedulers neither
    }
    const url = new URL(redis.url);
    const lapses = new Queue('lapses', {
      connection: { host: url.hostname, port: Number(url.port) },
      prefix: process.env.QUEUE_PREFIX,
    });
    try {
      // The API's relay (a 15 s interval where SCHEDULER_ENABLED; called here) puts the scheduler back and
      // enqueues the day's row; the same worker, never restarted, runs it.
      await eventually(async () => {
        await app.get(DailyLapseScheduler).relay();
        await scans.relayPending(0);
        return (await scanStatus(date)) === 'completed' ? true : undefined;
      }, 'the relayed scan to run');
      expect(worker.exitCode).toBeNull();
      // Marked completed by the worker after it scanned every municipality, on its first and only attempt.
      expect(await db.query(`SELECT attempts FROM lapse_scans WHERE scan_date = $1`, [date])).toEqual([
        { attempts: 1 },
      ]);
      expect(await lapses.getJobScheduler(DAILY_LAPSE_SCAN_SCHEDULER_ID)).toMatchObject({
        pattern: '15 5 * * *',
        tz: 'Europe/Oslo',
      });
    } finally {
      await lapses.close();
    }
  }, 60_000);

  describe('a worker stopped in the middle of a large run', () => {
    let largeId: string;
    let largeToken: string;
    let queue: Queue;

    beforeAll(async () => {
      for (const worker of workers) if (worker.exitCode === null) worker.kill('SIGKILL');
      largeId = await seedLargeMunicipality(db, 12_000);
      largeToken = await helpers.tokenFor(app, 'coordinator', largeId);
      const url = new URL(redis.url);
      queue = new Queue('matching', {
        connection: { host: url.hostname, port: Number(url.port) },
        prefix: process.env.QUEUE_PREFIX,
      });
    }, 60_000);
    afterAll(() => queue.close());

    const startRun = async () =>
      (
        await request(app.getHttpServer())
          .post('/matching-runs')
          .set('Authorization', `Bearer ${largeToken}`)
          .expect(202)
      ).body.id as string;
    const waitFor = (runId: string, status: string) =>
      eventually(
        async () => {
          const run = await runStatus(runId);
          return run.status === status ? run : undefined;
        },
        `run ${status}`,
        900,
      );

    it('SIGKILL: the run is retried by another worker and ends as one clean run', async () => {
      const victim = startWorker();
      const runId = await startRun();
      await waitFor(runId, 'running');
      const exited = new Promise((resolve) => victim.once('exit', resolve));
      victim.kill('SIGKILL');
      await exited;
      expect(
        Number((await db.query(`SELECT count(*) FROM proposals WHERE run_id = $1`, [runId]))[0].count),
      ).toBe(0);

      startWorker();
      const retried = await waitFor(runId, 'completed');
      expect(retried.attempts).toBeGreaterThanOrEqual(2);
      const [{ count, users }] = await db.query(
        `SELECT count(*)::int AS count, count(DISTINCT service_user_id)::int AS users FROM proposals WHERE run_id = $1`,
        [runId],
      );
      expect(count).toBe(retried.summary!.proposed);
      expect(users).toBe(count);

      // The same data run once, cleanly: the same result.
      const clean = await waitFor(await startRun(), 'completed');
      expect(clean.summary!.proposed).toBe(retried.summary!.proposed);
      expect(clean.summary!.totalScore).toBe(retried.summary!.totalScore);
    }, 180_000);

    it('SIGTERM: the worker finishes its run before it exits, and no job stays active', async () => {
      // The previous run's row says completed a moment before BullMQ moves its job out of `active`; killing
      // its worker in between would leave that job for the stalled check, and this test would count it.
      await eventually(
        async () => ((await queue.getActiveCount()) === 0 ? true : undefined),
        'an idle queue',
      );
      for (const worker of workers) if (worker.exitCode === null) worker.kill('SIGKILL');
      const worker = startWorker();
      const runId = await startRun();
      await waitFor(runId, 'running');
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      worker.kill('SIGTERM');
      await exited;
      expect((await runStatus(runId)).status).toBe('completed');
      expect(await queue.getActiveCount()).toBe(0);
    }, 180_000);
  });
});
