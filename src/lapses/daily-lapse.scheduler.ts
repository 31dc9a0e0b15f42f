import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { Queue } from 'bullmq';
import { AppConfig } from '../config/app-config.service';
import { ensureJobScheduler, JobSchedule } from '../jobs/job-schedulers';
import { JobName, QueueName } from '../jobs/jobs';
import { LAPSE_SCAN_CRON } from './lapse-rules';
import { LapseScansService } from './lapse-scans.service';

export const DAILY_LAPSE_SCAN_SCHEDULER_ID = 'daily-lapse-scan';

export const DAILY_LAPSE_SCAN_SCHEDULE: JobSchedule = {
  id: DAILY_LAPSE_SCAN_SCHEDULER_ID,
  pattern: LAPSE_SCAN_CRON,
  jobName: JobName.DailyLapseScan,
};

/**
 * Registers the morning tick of the lapse scan as one BullMQ job scheduler per deployment; the worker turns the
 * tick into the day's `lapse_scans` row and its job (LapseScanProcessor). The relay enqueues rows not picked up,
 * and puts the scheduler back when Redis lost it.
 */
@Injectable()
export class DailyLapseScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger(DailyLapseScheduler.name);

  constructor(
    @InjectQueue(QueueName.Lapses) private readonly queue: Queue,
    private readonly scans: LapseScansService,
    private readonly registry: SchedulerRegistry,
    private readonly config: AppConfig,
  ) {}

  /** Not awaited: a start with Redis down goes on, and the relay registers the schedule once Redis is back. */
  onApplicationBootstrap(): void {
    if (!this.config.get('SCHEDULER_ENABLED')) return;
    void this.register();
    const relay = setInterval(() => void this.relay(), 15_000);
    relay.unref();
    this.registry.addInterval('lapse-scan-relay', relay);
  }

  register(): Promise<boolean> {
    return ensureJobScheduler(this.queue, DAILY_LAPSE_SCAN_SCHEDULE, this.logger);
  }

  async relay(): Promise<void> {
    try {
      await ensureJobScheduler(this.queue, DAILY_LAPSE_SCAN_SCHEDULE, this.logger, { onlyIfMissing: true });
      const relayed = await this.scans.relayPending();
      if (relayed > 0) this.logger.warn({ relayed }, 'queued lapse scans enqueued again');
    } catch (error) {
      this.logger.warn({ err: error }, 'lapse scan relay failed; will retry');
    }
  }
}
