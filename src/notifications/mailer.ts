import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import { AppConfig } from '../config/app-config.service';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** Stable per outbox row, so a receiving server can tell a resent message from a new one. */
  messageId: string;
}

/** E-mail over SMTP (nodemailer), from SMTP_URL and MAIL_FROM. */
@Injectable()
export class Mailer implements OnModuleDestroy {
  private readonly transport: Transporter;

  constructor(private readonly config: AppConfig) {
    this.transport = createTransport(config.get('SMTP_URL'), { from: config.get('MAIL_FROM') });
  }

  async send(mail: OutgoingMail): Promise<void> {
    await this.transport.sendMail({
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      messageId: mail.messageId,
    });
  }

  onModuleDestroy(): void {
    this.transport.close();
  }
}
