import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { Queue } from 'bullmq';
import { AppConfig } from '../config/app-config.service';
import { ensureJobScheduler, JobSchedule } from '../jobs/job-schedulers';
import { JobName, QueueName } from '../jobs/jobs';
import { MatchingRunsService } from './matching-runs.service';

export const NIGHTLY_MATCHING_SCHEDULER_ID = 'nightly-matching';

/**
 * Registers the nightly matching tick (default 02:00 Europe/Oslo, MATCHING_CRON) as one BullMQ job scheduler per
 * deployment; the worker turns each tick into the night's runs (MatchingRunProcessor). The relay enqueues queued
 * runs whose job did not reach Redis, and puts the scheduler back when Redis lost it.
 */
@Injectable()
export class NightlyMatchingScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger(NightlyMatchingScheduler.name);

  constructor(
    private readonly runs: MatchingRunsService,
    @InjectQueue(QueueName.Matching) private readonly queue: Queue,
    private readonly registry: SchedulerRegistry,
    private readonly config: AppConfig,
  ) {}

  get schedule(): JobSchedule {
    return {
      id: NIGHTLY_MATCHING_SCHEDULER_ID,
      pattern: this.config.get('MATCHING_CRON'),
      jobName: JobName.NightlyMatching,
    };
  }

  /** Not awaited: a start with Redis down goes on, and the relay registers the schedule once Redis is back. */
  onApplicationBootstrap(): void {
    if (!this.config.get('SCHEDULER_ENABLED')) return;
    void this.register();
    const relay = setInterval(() => void this.relay(), 15_000);
    relay.unref();
    this.registry.addInterval('matching-run-relay', relay);
  }

  /** Upserts the schedule (a changed MATCHING_CRON replaces the old pattern). */
  register(): Promise<boolean> {
    return ensureJobScheduler(this.queue, this.schedule, this.logger);
  }

  async relay(): Promise<void> {
    try {
      await ensureJobScheduler(this.queue, this.schedule, this.logger, { onlyIfMissing: true });
      const relayed = await this.runs.relayPendingRuns();
      if (relayed > 0) this.logger.warn({ relayed }, 'queued matching runs enqueued again');
    } catch (error) {
      this.logger.warn({ err: error }, 'matching run relay failed; will retry');
    }
  }
}
