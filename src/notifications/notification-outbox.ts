import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { DataSource, EntityManager } from 'typeorm';
import { JobName, JobOf, QueueName } from '../jobs/jobs';
import { NotificationKind, NotificationPayloads } from './messages';

/** Who a notification goes to, with the address resolved when the event is written. */
export interface Recipient {
  kind: 'contact' | 'service_user' | 'guardian' | 'staff';
  /** The contact's or user's id, or the staff login's subject. */
  ref: string;
  /** An e-mail address, or a phone number for SMS. */
  address: string;
  /** Default e-mail. */
  channel?: 'email' | 'sms';
}

/** A pending row not picked up after this long is enqueued again (the row is the outbox, as for matching runs). */
const RELAY_AFTER_MS = 15_000;
const ENQUEUE_TIMEOUT_MS = 2_000;

/**
 * The notification outbox: rows written in the caller's transaction (a rollback sends nothing), enqueued after
 * the commit with jobId = row id, and relayed again when Redis was down. The same pattern as matching runs.
 */
@Injectable()
export class NotificationOutbox {
  private readonly logger = new Logger(NotificationOutbox.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QueueName.Notifications)
    private readonly queue: Queue<JobOf<typeof JobName.SendNotification>>,
  ) {}

  /**
   * One row per recipient, inside `em`'s transaction. `eventKey` names the event (e.g. the signing request's id),
   * so writing the same event twice adds nothing: the idempotency key is unique. Returns the new rows' ids.
   */
  async write<K extends NotificationKind>(
    em: EntityManager,
    municipalityId: string,
    kind: K,
    eventKey: string,
    recipients: Recipient[],
    payload: NotificationPayloads[K],
  ): Promise<string[]> {
    const ids: string[] = [];
    const seen = new Set<string>();
    for (const recipient of recipients) {
      const key = `${kind}:${eventKey}:${recipient.kind}:${recipient.ref}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const rows = await em.query<{ id: string }[]>(
        `INSERT INTO notification_outbox
           (municipality_id, kind, idempotency_key, recipient_kind, recipient_ref, channel, address, payload)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
        [
          municipalityId,
          kind,
          key,
          recipient.kind,
          recipient.ref,
          recipient.channel ?? 'email',
          recipient.address,
          JSON.stringify(payload),
        ],
      );
      ids.push(...rows.map((row) => row.id));
    }
    return ids;
  }

  /** After the commit: enqueue the rows. A failure is logged; the relay enqueues them later. */
  async dispatch(ids: string[]): Promise<void> {
    for (const id of ids) await this.enqueue(id);
  }

  /** Enqueues pending rows whose job never reached Redis. */
  async relayPending(olderThanMs = RELAY_AFTER_MS): Promise<number> {
    const pending = await this.dataSource.query<{ id: string }[]>(
      `SELECT id FROM notification_outbox
        WHERE status = 'pending' AND created_at < now() - make_interval(secs => $1)
        ORDER BY created_at LIMIT 500`,
      [olderThanMs / 1000],
    );
    let relayed = 0;
    for (const row of pending) if (await this.enqueue(row.id)) relayed++;
    return relayed;
  }

  /** jobId = row id: BullMQ keeps one job per id, so relaying a queued row adds nothing. */
  private async enqueue(id: string): Promise<boolean> {
    try {
      await Promise.race([
        this.queue.add(JobName.SendNotification, { notificationId: id }, { jobId: id, attempts: 6 }),
        new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error('Redis did not answer in time')), ENQUEUE_TIMEOUT_MS).unref(),
        ),
      ]);
      return true;
    } catch (error) {
      this.logger.warn(
        { notificationId: id, err: error },
        'could not enqueue a notification; the relay will retry',
      );
      return false;
    }
  }
}
