import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { Job } from 'bullmq';
import { JobName, JobOf, QueueName } from '../jobs/jobs';
import { LapseScansService } from './lapse-scans.service';
import { LapsesService } from './lapses.service';

type LapseJob =
  | Job<JobOf<typeof JobName.LapseScan>, unknown, typeof JobName.LapseScan>
  | Job<JobOf<typeof JobName.DailyLapseScan>, unknown, typeof JobName.DailyLapseScan>;

/**
 * Runs the lapse scans in the worker. The morning tick (one job a day from the 'daily-lapse-scan' job scheduler)
 * writes the day's outbox row and queues its scan; the scan is idempotent: a rerun for the same date rewrites
 * the same rows.
 */
@Processor(QueueName.Lapses, { concurrency: 1 })
export class LapseScanProcessor extends WorkerHost {
  private readonly logger = new Logger(LapseScanProcessor.name);

  constructor(
    private readonly lapses: LapsesService,
    private readonly scans: LapseScansService,
  ) {
    super();
  }

  async process(job: LapseJob): Promise<{ municipalities: number; findings: number } | { queued: boolean }> {
    if (job.name === JobName.DailyLapseScan) return { queued: await this.scans.request() };
    if (job.name !== JobName.LapseScan) throw new Error(`No handler for job ${(job as Job).name}`);
    const { scanDate } = job.data;
    this.logger.log({ scanDate, attempt: job.attemptsMade + 1 }, 'lapse scan started');
    await this.scans.markRunning(scanDate);
    const result = await this.lapses.scanAll(scanDate);
    await this.scans.markCompleted(scanDate);
    return result;
  }

  @OnWorkerEvent('failed')
  async onFailed(job: LapseJob | undefined, error: Error): Promise<void> {
    if (!job) return;
    this.logger.error({ job: job.name, attempt: job.attemptsMade, err: error }, 'lapse job failed');
    if (job.name === JobName.LapseScan && job.attemptsMade >= (job.opts.attempts ?? 1)) {
      await this.scans.markFailed(job.data.scanDate, error.message);
    }
  }
}
