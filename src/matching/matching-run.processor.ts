import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { Job } from 'bullmq';
import { validateEnvironment } from '../config/environment';
import { JobName, JobOf, QueueName } from '../jobs/jobs';
import { MatchingRunExecutor } from './matching-run.executor';
import { MatchingRunsService } from './matching-runs.service';
import { MatchingSummary } from './matching-summary';

/** Worker options are fixed when the class is decorated, so they come from the same validated environment. */
function matchingWorkerOptions() {
  const environment = validateEnvironment(process.env, { verifiesTokens: false });
  return {
    concurrency: 1,
    lockDuration: environment.MATCHING_JOB_LOCK_MS,
    stalledInterval: environment.STALLED_CHECK_INTERVAL_MS,
    maxStalledCount: 2,
  };
}

type MatchingJob =
  | Job<JobOf<typeof JobName.MatchingRun>, MatchingSummary | null, typeof JobName.MatchingRun>
  | Job<JobOf<typeof JobName.NightlyMatching>, { created: number }, typeof JobName.NightlyMatching>;

/**
 * Processes matching runs in the worker process. The engine is CPU-bound and synchronous, so the lock is long
 * enough for a national-size run; one run at a time per worker. The nightly tick (one job per night from the
 * 'nightly-matching' job scheduler) creates the night's runs; the database's unique (municipality, night) row
 * keeps a repeated tick from creating a second.
 */
@Processor(QueueName.Matching, matchingWorkerOptions())
export class MatchingRunProcessor extends WorkerHost {
  private readonly logger = new Logger(MatchingRunProcessor.name);

  constructor(
    private readonly executor: MatchingRunExecutor,
    private readonly runs: MatchingRunsService,
  ) {
    super();
  }

  async process(job: MatchingJob): Promise<MatchingSummary | null | { created: number }> {
    if (job.name === JobName.NightlyMatching) {
      const created = await this.runs.requestNightlyRuns();
      this.logger.log({ created }, 'nightly matching runs requested');
      return { created };
    }
    if (job.name !== JobName.MatchingRun) throw new Error(`No handler for job ${(job as Job).name}`);
    const { runId } = job.data;
    this.logger.log({ runId, attempt: job.attemptsMade + 1 }, 'matching run started');
    const summary = await this.executor.execute(runId, async (percent) => {
      await job.updateProgress(percent);
      await this.executor.recordProgress(runId, percent);
    });
    this.logger.log({ runId, proposed: summary?.proposed }, 'matching run finished');
    return summary;
  }

  @OnWorkerEvent('failed')
  async onFailed(job: MatchingJob | undefined, error: Error): Promise<void> {
    if (!job) return;
    if (job.name !== JobName.MatchingRun) {
      this.logger.error({ job: job.name, attempt: job.attemptsMade, err: error }, 'nightly tick failed');
      return;
    }
    this.logger.error(
      { runId: job.data.runId, attempt: job.attemptsMade, err: error },
      'matching run failed',
    );
    if (job.attemptsMade >= (job.opts.attempts ?? 1)) {
      await this.executor.markFailed(job.data.runId, error.message);
    }
  }
}
