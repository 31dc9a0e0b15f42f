import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QueueModule } from '../jobs/queue.module';
import { QueueName } from '../jobs/jobs';
import { NotificationRelayScheduler } from './notification-relay.scheduler';
import { NotificationOutbox } from './notification-outbox';
import { NotificationSettingsController } from './notification-settings.controller';
import { NotificationSettingsService } from './notification-settings.service';
import { Recipients } from './recipients';

/** The outbox (written by every context that notifies) and each person's choice of channel. */
@Module({
  imports: [QueueModule, BullModule.registerQueue({ name: QueueName.Notifications })],
  controllers: [NotificationSettingsController],
  providers: [NotificationOutbox, Recipients, NotificationSettingsService, NotificationRelayScheduler],
  exports: [NotificationOutbox, Recipients],
})
export class NotificationsModule {}
