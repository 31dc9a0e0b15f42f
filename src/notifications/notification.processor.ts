import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { JobName, JobOf, QueueName } from '../jobs/jobs';
import { NotificationSender, SendOutcome } from './notification.sender';

/** Sends notifications in the worker; BullMQ retries a failed send with exponential backoff. */
@Processor(QueueName.Notifications, { concurrency: 4 })
export class NotificationProcessor extends WorkerHost {
  private readonly logger = new Logger(NotificationProcessor.name);

  constructor(private readonly sender: NotificationSender) {
    super();
  }

  async process(job: Job<JobOf<typeof JobName.SendNotification>>): Promise<SendOutcome> {
    if (job.name !== JobName.SendNotification) throw new Error(`No handler for job ${job.name}`);
    return this.sender.send(job.data.notificationId);
  }

  @OnWorkerEvent('failed')
  async onFailed(job: Job<JobOf<typeof JobName.SendNotification>> | undefined, error: Error): Promise<void> {
    if (!job) return;
    // An unrecoverable error (a number no SMS can reach, SMS switched off) is final at once: BullMQ stops there.
    const final = error instanceof UnrecoverableError || job.attemptsMade >= (job.opts.attempts ?? 1);
    this.logger.warn(
      { notificationId: job.data.notificationId, attempt: job.attemptsMade, final, err: error },
      'notification not sent',
    );
    await this.sender.recordFailure(job.data.notificationId, error.message, final);
  }
}
