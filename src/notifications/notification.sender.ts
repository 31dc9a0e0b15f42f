import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config.service';
import { SigningTokens } from '../signing/signing-tokens';
import { Mailer } from './mailer';
import { linkPath, NotificationKind, NotificationPayloads, renderMessage } from './messages';

interface OutboxRow {
  id: string;
  kind: NotificationKind;
  address: string;
  payload: NotificationPayloads[NotificationKind];
  status: 'pending' | 'sent' | 'failed';
}

export type SendOutcome = 'sent' | 'already_sent' | 'dropped';

/**
 * Sends one outbox row, once: a row marked sent is never sent again, and an SMTP failure leaves it pending for
 * BullMQ's retry with backoff. A signing link's token and a one-time code are made here, so they exist only in the
 * e-mail.
 */
@Injectable()
export class NotificationSender {
  private readonly logger = new Logger(NotificationSender.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly mailer: Mailer,
    private readonly signingTokens: SigningTokens,
    private readonly config: AppConfig,
  ) {}

  async send(id: string): Promise<SendOutcome> {
    // First the link is made and committed, so it works the moment the mail arrives; then the mail goes out,
    // then the row is marked sent. A job runs once per row (jobId); should a stalled job run again before the
    // row is marked, the newer link replaces the older one.
    const prepared = await this.dataSource.transaction(async (em) => {
      const [row] = await em.query<OutboxRow[]>(
        `SELECT id, kind, address, payload, status FROM notification_outbox WHERE id = $1 FOR UPDATE`,
        [id],
      );
      if (!row || row.status === 'sent') return 'already_sent' as const;
      if (row.status === 'failed') return 'dropped' as const;
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
      return { row, message: renderMessage(row.kind, row.payload, link, code) };
    });
    if (typeof prepared === 'string') return prepared;
    const { row, message } = prepared;
    const messageId = `<${row.id}@stottekontakt>`;
    await this.mailer.send({ to: row.address, subject: message.subject, text: message.text, messageId });
    await this.dataSource.query(
      `UPDATE notification_outbox
          SET status = 'sent', sent_at = now(), subject = $2, message_id = $3, attempts = attempts + 1,
              last_error = NULL
        WHERE id = $1 AND status = 'pending'`,
      [id, message.subject, messageId],
    );
    this.logger.log({ notificationId: id, kind: row.kind }, 'notification sent');
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
