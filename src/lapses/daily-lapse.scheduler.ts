import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { Queue } from 'bullmq';
import { CronJob } from 'cron';
import { Clock } from '../common/clock';
import { AppConfig } from '../config/app-config.service';
import { JobName, JobOf, QueueName } from '../jobs/jobs';

/** Every morning before office hours, Europe/Oslo. */
export const LAPSE_SCAN_CRON = '15 5 * * *';

/**
 * Queues the daily lapse scan. Every API instance fires the cron; the fixed jobId (one per date) lets exactly
 * one job per day through, and the worker runs it.
 */
@Injectable()
export class DailyLapseScheduler implements OnModuleInit {
  private readonly logger = new Logger(DailyLapseScheduler.name);

  constructor(
    @InjectQueue(QueueName.Lapses) private readonly queue: Queue<JobOf<typeof JobName.LapseScan>>,
    private readonly registry: SchedulerRegistry,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    if (!this.config.get('SCHEDULER_ENABLED')) return;
    const daily = CronJob.from({
      cronTime: LAPSE_SCAN_CRON,
      timeZone: 'Europe/Oslo',
      onTick: () => void this.requestScan(),
    });
    this.registry.addCronJob('daily-lapse-scan', daily);
    daily.start();
  }

  async requestScan(scanDate = this.clock.today()): Promise<string | undefined> {
    try {
      const job = await this.queue.add(JobName.LapseScan, { scanDate }, { jobId: `lapse-scan-${scanDate}` });
      return job.id;
    } catch (error) {
      this.logger.error({ err: error, scanDate }, 'the lapse scan could not be queued');
      return undefined;
    }
  }
}
