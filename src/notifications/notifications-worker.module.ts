import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QueueModule } from '../jobs/queue.module';
import { QueueName } from '../jobs/jobs';
import { SigningTokens } from '../signing/signing-tokens';
import { Mailer } from './mailer';
import { NotificationOutbox } from './notification-outbox';
import { NotificationProcessor } from './notification.processor';
import { NotificationSender } from './notification.sender';
import { Recipients } from './recipients';
import { smsGatewayOf } from './sms-config';
import { SmsGateway } from './sms-gateway';
import { AppConfig } from '../config/app-config.service';

/** The worker side: sends the outbox by e-mail or SMS. Exports the outbox for events raised in the worker. */
@Module({
  imports: [QueueModule, BullModule.registerQueue({ name: QueueName.Notifications })],
  providers: [
    Mailer,
    {
      provide: SmsGateway,
      inject: [AppConfig],
      useFactory: smsGatewayOf,
    },
    NotificationSender,
    NotificationProcessor,
    SigningTokens,
    NotificationOutbox,
    Recipients,
  ],
  exports: [NotificationOutbox, Recipients],
})
export class NotificationsWorkerModule {}
