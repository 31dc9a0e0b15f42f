import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Job, Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { migrate } from '../src/database/migrate';
import { JobName, QueueName } from '../src/jobs/jobs';
import { PrivatePostgres, startPrivatePostgres } from './support/private-services';
import { applicationRoleUrl } from './support/test-env';

type TestApp = typeof import('./support/test-app');

/**
 * Crons are registered once per deployment (issue 11): three API replicas started at once, on one database and
 * one queue prefix, leave one BullMQ job scheduler per cron, and a tick gives one job, which the worker turns
 * into one nightly run. On a PostgreSQL of its own, so the night's runs it creates touch no other suite's data.
 */
describe('job schedulers: one per deployment, however many API replicas', () => {
  let postgres: PrivatePostgres;
  let helpers: TestApp;
  let apps: INestApplication[] = [];
  let worker: INestApplicationContext | undefined;
  let db: DataSource;
  const queues: Queue[] = [];
  const prefix = `${process.env.QUEUE_PREFIX}-schedulers`;
  const saved = { ...process.env };

  const queue = (name: QueueName) => {
    const url = new URL(process.env.REDIS_URL!);
    const created = new Queue(name, {
      connection: { host: url.hostname, port: Number(url.port || 6379) },
      prefix,
    });
    queues.push(created);
    return created;
  };
  const eventually = async <T>(probe: () => Promise<T | undefined>, what: string): Promise<T> => {
    for (let i = 0; i < 200; i++) {
      const value = await probe();
      if (value !== undefined) return value;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`gave up waiting for ${what}`);
  };

  beforeAll(async () => {
    postgres = await startPrivatePostgres();
    await migrate(postgres.url);
    Object.assign(process.env, {
      DATABASE_OWNER_URL: postgres.url,
      DATABASE_URL: applicationRoleUrl(postgres.url),
      QUEUE_PREFIX: prefix,
      SCHEDULER_ENABLED: 'true',
      // Every second, so the test sees ticks; the production default is 02:00 Europe/Oslo.
      MATCHING_CRON: '* * * * * *',
    });
    helpers = await import('./support/test-app');
  }, 120_000);

  afterAll(async () => {
    await worker?.close();
    for (const app of apps) await app.close();
    for (const q of queues) {
      await q.obliterate({ force: true });
      await q.close();
    }
    postgres?.destroy();
    process.env = saved;
  }, 60_000);

  it('three replicas register one scheduler per cron, a tick makes one job, and the worker one run', async () => {
    apps = await Promise.all([helpers.createTestApp(), helpers.createTestApp(), helpers.createTestApp()]);
    db = helpers.dataSourceOf(apps[0]);
    const municipality = await helpers.createMunicipality(apps[0]);
    const matching = queue(QueueName.Matching);
    const lapses = queue(QueueName.Lapses);

    // Each replica upserts at start without waiting for it; give all three time to land.
    await eventually(
      async () => ((await matching.getJobSchedulers()).length > 0 ? true : undefined),
      'the matching scheduler',
    );
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await matching.getJobSchedulers()).toEqual([
      expect.objectContaining({ key: 'nightly-matching', pattern: '* * * * * *', tz: 'Europe/Oslo' }),
    ]);
    expect(await lapses.getJobSchedulers()).toEqual([
      expect.objectContaining({ key: 'daily-lapse-scan', pattern: '15 5 * * *', tz: 'Europe/Oslo' }),
    ]);

    // With no worker, the ticks that came due left one job, not one per replica.
    const ticks = async (q: Queue, name: string) =>
      (await q.getJobs(['delayed', 'wait', 'prioritized', 'active', 'completed'])).filter(
        (job: Job) => job.name === name,
      );
    expect(await ticks(matching, JobName.NightlyMatching)).toHaveLength(1);
    expect(await ticks(lapses, JobName.DailyLapseScan)).toHaveLength(1);

    // The worker takes the ticks: one job per second, each asking for the night's runs; one run is made.
    const started = Date.now();
    worker = await NestFactory.createApplicationContext((await import('../src/worker.module')).WorkerModule, {
      logger: ['error'],
    });
    const done = await eventually(async () => {
      const completed = (await matching.getJobs(['completed'])).filter(
        (j) => j.name === JobName.NightlyMatching,
      );
      return completed.length >= 3 ? completed : undefined;
    }, 'three ticks');
    const seconds = (Date.now() - started) / 1000;
    expect(done.length).toBeLessThanOrEqual(Math.ceil(seconds) + 1);
    expect(new Set(done.map((job) => job.id)).size).toBe(done.length);
    expect(done.reduce((sum, job) => sum + (job.returnvalue as { created: number }).created, 0)).toBe(1);
    const runs = await db.query(
      `SELECT count(*)::int AS count FROM matching_runs WHERE municipality_id = $1 AND trigger = 'nightly'`,
      [municipality.id],
    );
    expect(runs).toEqual([{ count: 1 }]);
  }, 60_000);
});
