import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QueueModule } from '../jobs/queue.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { QueueName } from '../jobs/jobs';
import { DailyLapseScheduler } from './daily-lapse.scheduler';
import { LapsesController } from './lapses.controller';
import { LapsesService } from './lapses.service';

/** The API side of lapses: the coordinators' list, a rescan on demand, and the daily cron that queues the scan. */
@Module({
  imports: [QueueModule, BullModule.registerQueue({ name: QueueName.Lapses }), NotificationsModule],
  controllers: [LapsesController],
  providers: [LapsesService, DailyLapseScheduler],
  exports: [LapsesService, DailyLapseScheduler],
})
export class LapsesModule {}
