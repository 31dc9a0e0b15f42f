import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QueueModule } from '../jobs/queue.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { QueueName } from '../jobs/jobs';
import { DailyLapseScheduler } from './daily-lapse.scheduler';
import { LapsesController } from './lapses.controller';
import { LapseScansService } from './lapse-scans.service';
import { LapsesService } from './lapses.service';

/** The API side of lapses: the coordinators' list, a rescan on demand, and the daily scan's schedule and outbox relay. */
@Module({
  imports: [QueueModule, BullModule.registerQueue({ name: QueueName.Lapses }), NotificationsModule],
  controllers: [LapsesController],
  providers: [LapsesService, LapseScansService, DailyLapseScheduler],
  exports: [LapsesService, LapseScansService, DailyLapseScheduler],
})
export class LapsesModule {}
