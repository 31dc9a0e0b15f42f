import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import { minuteOfDayInOslo } from '../common/dates';
import { JobName, JobOf, QueueName } from '../jobs/jobs';
import { lapseScanDue } from './lapse-rules';

/** A queued scan not picked up after this long is enqueued again (the row is the outbox). */
const RELAY_AFTER_MS = 15_000;
const ENQUEUE_TIMEOUT_MS = 2_000;

export const lapseScanJobId = (scanDate: string) => `lapse-scan-${scanDate}`;

/**
 * The daily lapse scan's outbox, as matching runs have theirs: one `lapse_scans` row per date is committed
 * first, its job is enqueued after, and the relay enqueues rows no worker took, so Redis down at the scan's hour
 * delays the day's scan and never loses it.
 */
@Injectable()
export class LapseScansService {
  private readonly logger = new Logger(LapseScansService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QueueName.Lapses) private readonly queue: Queue<JobOf<typeof JobName.LapseScan>>,
    private readonly clock: Clock,
  ) {}

  /** The day's scan: its row once (however many ticks or relays ask), then its job; true when the job is in Redis. */
  async request(scanDate = this.clock.today()): Promise<boolean> {
    await this.dataSource.query(
      `INSERT INTO lapse_scans (scan_date) VALUES ($1) ON CONFLICT (scan_date) DO NOTHING`,
      [scanDate],
    );
    const [row] = await this.dataSource.query<{ status: string }[]>(
      `SELECT status FROM lapse_scans WHERE scan_date = $1`,
      [scanDate],
    );
    return row.status === 'queued' ? this.enqueue(scanDate) : true;
  }

  /**
   * Enqueues queued scans whose job never reached Redis, and writes today's row when its hour has passed without
   * one (the tick itself was lost: Redis was down at the hour and came back without its data).
   */
  async relayPending(olderThanMs = RELAY_AFTER_MS): Promise<number> {
    const now = this.clock.now();
    if (lapseScanDue(minuteOfDayInOslo(now))) {
      await this.dataSource.query(
        `INSERT INTO lapse_scans (scan_date) VALUES ($1) ON CONFLICT (scan_date) DO NOTHING`,
        [this.clock.today()],
      );
    }
    const pending = await this.dataSource.query<{ scan_date: string }[]>(
      `SELECT scan_date::text AS scan_date FROM lapse_scans
        WHERE status = 'queued' AND created_at < now() - make_interval(secs => $1)
        ORDER BY scan_date LIMIT 10`,
      [olderThanMs / 1000],
    );
    let relayed = 0;
    for (const { scan_date } of pending) if (await this.enqueue(scan_date)) relayed++;
    return relayed;
  }

  /** The worker took the job: the row says so, so the relay leaves it alone. */
  async markRunning(scanDate: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO lapse_scans (scan_date, status, attempts, started_at) VALUES ($1, 'running', 1, now())
       ON CONFLICT (scan_date) DO UPDATE SET status = 'running', attempts = lapse_scans.attempts + 1,
                                             started_at = now(), finished_at = NULL, error = NULL`,
      [scanDate],
    );
  }

  async markCompleted(scanDate: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE lapse_scans SET status = 'completed', finished_at = now() WHERE scan_date = $1`,
      [scanDate],
    );
  }

  /**
   * Every attempt failed: the row ends `failed` with the reason, so nobody reads a dead scan as one at work. The
   * day's notices wait for the next morning's scan or a coordinator's rescan (POST /lapses/scan).
   */
  async markFailed(scanDate: string, reason: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE lapse_scans SET status = 'failed', finished_at = now(), error = left($2, 1000) WHERE scan_date = $1`,
      [scanDate, reason || 'unknown error'],
    );
  }

  /** jobId = one per date: BullMQ keeps one job per id, so relaying a scan already in Redis adds nothing. */
  private async enqueue(scanDate: string): Promise<boolean> {
    try {
      // With Redis down, ioredis queues the command instead of failing; the relay is the retry.
      await Promise.race([
        this.queue.add(JobName.LapseScan, { scanDate }, { jobId: lapseScanJobId(scanDate) }),
        new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error('Redis did not answer in time')), ENQUEUE_TIMEOUT_MS).unref(),
        ),
      ]);
      return true;
    } catch (error) {
      this.logger.warn({ scanDate, err: error }, 'could not enqueue the lapse scan; the relay will retry');
      return false;
    }
  }
}
