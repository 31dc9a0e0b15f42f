import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { Job } from 'bullmq';
import { JobName, JobOf, QueueName } from '../jobs/jobs';
import { LapsesService } from './lapses.service';

/** Runs the daily lapse scan in the worker. Idempotent: a rerun for the same date rewrites the same rows. */
@Processor(QueueName.Lapses, { concurrency: 1 })
export class LapseScanProcessor extends WorkerHost {
  private readonly logger = new Logger(LapseScanProcessor.name);

  constructor(private readonly lapses: LapsesService) {
    super();
  }

  async process(
    job: Job<JobOf<typeof JobName.LapseScan>>,
  ): Promise<{ municipalities: number; findings: number }> {
    if (job.name !== JobName.LapseScan) throw new Error(`No handler for job ${job.name}`);
    this.logger.log({ scanDate: job.data.scanDate, attempt: job.attemptsMade + 1 }, 'lapse scan started');
    return this.lapses.scanAll(job.data.scanDate);
  }
}
