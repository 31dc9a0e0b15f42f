import { Injectable, Logger } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config.service';
import { SigningTokens } from '../signing/signing-tokens';
import { Mailer } from './mailer';
import { linkPath, NotificationKind, NotificationPayloads, renderMessage, renderSms } from './messages';
import { SmsGateway, toE164 } from './sms-gateway';

interface OutboxRow {
  id: string;
  kind: NotificationKind;
  channel: 'email' | 'sms';
  address: string;
  payload: NotificationPayloads[NotificationKind];
  status: 'pending' | 'sent' | 'failed';
}

export type SendOutcome = 'sent' | 'already_sent' | 'dropped';

/**
 * Sends one outbox row, once, by its channel (e-mail over SMTP, or SMS through the gateway): a row marked sent is
 * never sent again, and a failure to deliver leaves it pending for BullMQ's retry with backoff. A signing link's token and a one-time code are made here, so they exist only in the
 * e-mail.
 */
@Injectable()
export class NotificationSender {
  private readonly logger = new Logger(NotificationSender.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly mailer: Mailer,
    private readonly sms: SmsGateway,
    private readonly signingTokens: SigningTokens,
    private readonly config: AppConfig,
  ) {}

  async send(id: string): Promise<SendOutcome> {
    // First the link is made and committed, so it works the moment the mail arrives; then the mail goes out,
    // then the row is marked sent. A job runs once per row (jobId); should a stalled job run again before the
    // row is marked, the newer link replaces the older one.
    const prepared = await this.dataSource.transaction(async (em) => {
      const [row] = await em.query<OutboxRow[]>(
        `SELECT id, kind, channel, address, payload, status FROM notification_outbox WHERE id = $1 FOR UPDATE`,
        [id],
      );
      if (!row || row.status === 'sent') return 'already_sent' as const;
      if (row.status === 'failed') return 'dropped' as const;
      if (row.channel === 'sms' && !this.sms.enabled) {
        // SMS was switched off after the row was written: nothing can send it, so it is not retried.
        await em.query(`UPDATE notification_outbox SET status = 'failed', last_error = $2 WHERE id = $1`, [
          id,
          'SMS is not configured (SMS_GATEWAY_URL)',
        ]);
        return 'dropped' as const;
      }
      const base = this.config.get('PUBLIC_BASE_URL').replace(/\/$/, '');
      let link = `${base}${linkPath(row.kind, row.payload)}`;
      if (row.kind === NotificationKind.TimesheetToSign) {
        const { signingRequestId } = row.payload as NotificationPayloads['timesheet_to_sign'];
        const token = await this.signingTokens.issue(em, signingRequestId);
        if (!token) {
          // Voided or answered before the mail went out: nothing to sign, so nothing is sent.
          await em.query(`UPDATE notification_outbox SET status = 'failed', last_error = $2 WHERE id = $1`, [
            id,
            'the signing request is no longer pending',
          ]);
          return 'dropped' as const;
        }
        link = `${base}/signer/${token}`;
      }
      let code: string | undefined;
      if (row.kind === NotificationKind.SigningCode) {
        const { signingRequestId, codeSeq } = row.payload as NotificationPayloads['signing_code'];
        code = (await this.signingTokens.issueCode(em, signingRequestId, codeSeq)) ?? undefined;
        if (!code) {
          await em.query(`UPDATE notification_outbox SET status = 'failed', last_error = $2 WHERE id = $1`, [
            id,
            'the one-time code is no longer wanted',
          ]);
          return 'dropped' as const;
        }
      }
      return {
        row,
        message: renderMessage(row.kind, row.payload, link, code),
        sms: row.channel === 'sms' ? renderSms(row.kind, row.payload, link, code) : null,
      };
    });
    if (typeof prepared === 'string') return prepared;
    const { row, message, sms } = prepared;
    const messageId = `<${row.id}@stottekontakt>`;
    if (sms !== null) {
      const to = toE164(row.address);
      if (!to) throw new UnrecoverableError('the phone number on record is not a number an SMS can go to');
      await this.sms.send({ to, text: sms, reference: row.id });
    } else {
      await this.mailer.send({ to: row.address, subject: message.subject, text: message.text, messageId });
    }
    await this.dataSource.query(
      `UPDATE notification_outbox
          SET status = 'sent', sent_at = now(), subject = $2, message_id = $3, attempts = attempts + 1,
              last_error = NULL
        WHERE id = $1 AND status = 'pending'`,
      [id, message.subject, messageId],
    );
    this.logger.log({ notificationId: id, kind: row.kind, channel: row.channel }, 'notification sent');
    return 'sent';
  }

  /** The failure of one attempt, kept on the row (the reason, never the message). */
  async recordFailure(id: string, reason: string, final: boolean): Promise<void> {
    await this.dataSource.query(
      `UPDATE notification_outbox
          SET attempts = attempts + 1, last_error = left($2, 500),
              status = CASE WHEN $3 THEN 'failed'::notification_status ELSE status END
        WHERE id = $1 AND status = 'pending'`,
      [id, reason, final],
    );
  }
}
