import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { DataSource, In } from 'typeorm';
import { Principal } from '../common/auth/principal';
import { Clock } from '../common/clock';
import { conflict, notFound } from '../common/errors/api-error';
import { isUniqueViolationOf } from '../common/errors/postgres-errors';
import { Page, pageOf, PageQuery } from '../common/http/pagination';
import { JobName, JobOf, QueueName } from '../jobs/jobs';
import { MatchingRun } from './matching-run.entity';

/** A queued run not picked up after this long is enqueued again (the run row is the outbox). */
const RELAY_AFTER_MS = 15_000;
const ENQUEUE_TIMEOUT_MS = 2_000;

@Injectable()
export class MatchingRunsService implements OnModuleInit {
  private readonly logger = new Logger(MatchingRunsService.name);
  private recovered: () => void = () => undefined;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QueueName.Matching) private readonly queue: Queue<JobOf<typeof JobName.MatchingRun>>,
    private readonly clock: Clock,
  ) {}

  /** Redis outages are expected and handled (the relay); log them once per outage instead of on every retry. */
  onModuleInit(): void {
    let down = false;
    this.queue.on('error', (error) => {
      if (!down)
        this.logger.warn({ err: error }, 'Redis unreachable for the matching queue; runs stay queued');
      down = true;
    });
    // Any successful enqueue means Redis is back: the next outage is logged again.
    this.recovered = () => (down = false);
  }

  /**
   * On demand: the run row is committed first, then its job is enqueued; if Redis is down the relay does it later.
   * One manual run at a time per municipality (the database's `matching_runs_one_pending_manual`): a second request
   * while one is queued or running answers 409 with that run's id, to follow instead.
   */
  async requestRun(principal: Principal): Promise<MatchingRun> {
    const runs = this.dataSource.getRepository(MatchingRun);
    const run = await runs
      .save(
        runs.create({
          municipalityId: principal.municipalityId,
          trigger: 'manual',
          runDate: this.clock.today(),
          status: 'queued',
          progress: 0,
          attempts: 0,
          requestedBy: principal.subject,
        }),
      )
      .catch(async (error: unknown) => {
        if (!isUniqueViolationOf(error, 'matching_runs_one_pending_manual')) throw error;
        const pending = await runs.findOne({
          where: {
            municipalityId: principal.municipalityId,
            trigger: 'manual',
            status: In(['queued', 'running']),
          },
        });
        throw conflict(
          'run_already_pending',
          'A matching run is already queued or running; follow that one',
          {
            runId: pending?.id ?? null,
          },
        );
      });
    await this.enqueue(run);
    return run;
  }

  /**
   * The nightly run for every municipality. The unique (municipality, date) row decides which instance wins,
   * so several API instances firing the same cron create one run per municipality and night.
   */
  async requestNightlyRuns(): Promise<number> {
    const created: MatchingRun[] = await this.dataSource.query(
      `INSERT INTO matching_runs (municipality_id, trigger, run_date, requested_by)
       SELECT id, 'nightly', $1::date, 'nightly-schedule' FROM municipalities
       ON CONFLICT (municipality_id, run_date) WHERE trigger = 'nightly' DO NOTHING
       RETURNING id, municipality_id AS "municipalityId"`,
      [this.clock.today()],
    );
    for (const run of created) await this.enqueue(run);
    return created.length;
  }

  /** Enqueues runs whose job never reached Redis (Redis was down, or the process died between commit and add). */
  async relayPendingRuns(olderThanMs = RELAY_AFTER_MS): Promise<number> {
    const pending: MatchingRun[] = await this.dataSource.query(
      `SELECT id, municipality_id AS "municipalityId" FROM matching_runs
        WHERE status = 'queued' AND created_at < now() - make_interval(secs => $1)
        ORDER BY created_at LIMIT 100`,
      [olderThanMs / 1000],
    );
    let relayed = 0;
    for (const run of pending) if (await this.enqueue(run)) relayed++;
    return relayed;
  }

  async get(principal: Principal, id: string): Promise<MatchingRun> {
    const run = await this.dataSource
      .getRepository(MatchingRun)
      .findOneBy({ id, municipalityId: principal.municipalityId });
    if (!run) throw notFound('Matching run');
    return run;
  }

  async list(principal: Principal, query: PageQuery): Promise<Page<MatchingRun>> {
    const [runs, total] = await this.dataSource.getRepository(MatchingRun).findAndCount({
      where: { municipalityId: principal.municipalityId },
      order: { createdAt: 'DESC' },
      skip: query.offset,
      take: query.pageSize,
    });
    return pageOf(runs, total, query);
  }

  /** jobId = run id: BullMQ keeps one job per id, so relaying an already queued run adds nothing. */
  private async enqueue(run: Pick<MatchingRun, 'id' | 'municipalityId'>): Promise<boolean> {
    try {
      // With Redis down, ioredis queues the command instead of failing; don't let the HTTP request wait for it.
      await Promise.race([
        this.queue.add(
          JobName.MatchingRun,
          { runId: run.id, municipalityId: run.municipalityId },
          { jobId: run.id },
        ),
        new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error('Redis did not answer in time')), ENQUEUE_TIMEOUT_MS).unref(),
        ),
      ]);
      this.recovered();
      return true;
    } catch (error) {
      this.logger.warn(
        { runId: run.id, err: error },
        'could not enqueue the matching run; the relay will retry',
      );
      return false;
    }
  }
}
