import { Logger } from '@nestjs/common';
import { Queue } from 'bullmq';

/** The schedules' time zone: the municipalities' office hours. */
export const SCHEDULE_TIME_ZONE = 'Europe/Oslo';

/** With Redis down, ioredis queues commands instead of failing; a start must not wait for it. */
const REDIS_TIMEOUT_MS = 2_000;

export interface JobSchedule {
  /** Fixed per deployment: every API replica upserts the same id, so BullMQ keeps one scheduler. */
  id: string;
  /** A cron pattern in Europe/Oslo time. */
  pattern: string;
  /** The job each tick adds (payload-free: the worker reads the date from its clock). */
  jobName: string;
}

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`Redis did not answer in time (${what})`)), REDIS_TIMEOUT_MS).unref(),
    ),
  ]);
}

/**
 * Registers a cron once per deployment (BullMQ job scheduler, the way twenty registers its crons) instead of a
 * timer in every replica. The next job's id is `repeat:<id>:<tick time>`, so however many replicas upsert the
 * same schedule, each tick adds one job. `onlyIfMissing` is the relay's check: Redis restarted without its data
 * loses the scheduler, and the next relay puts it back without disturbing a scheduler that is there.
 */
export async function ensureJobScheduler(
  queue: Queue,
  schedule: JobSchedule,
  logger: Logger,
  { onlyIfMissing = false } = {},
): Promise<boolean> {
  try {
    if (onlyIfMissing && (await withTimeout(queue.getJobScheduler(schedule.id), schedule.id))) return false;
    await withTimeout(
      queue.upsertJobScheduler(
        schedule.id,
        { pattern: schedule.pattern, tz: SCHEDULE_TIME_ZONE },
        { name: schedule.jobName, data: {} },
      ),
      schedule.id,
    );
    logger.log({ scheduler: schedule.id, pattern: schedule.pattern }, 'job scheduler registered');
    return true;
  } catch (error) {
    logger.warn(
      { err: error, scheduler: schedule.id },
      'job scheduler not registered yet; the relay retries',
    );
    return false;
  }
}
