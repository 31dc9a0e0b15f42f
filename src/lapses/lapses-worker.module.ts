import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QueueModule } from '../jobs/queue.module';
import { NotificationsWorkerModule } from '../notifications/notifications-worker.module';
import { QueueName } from '../jobs/jobs';
import { LapseScanProcessor } from './lapse-scan.processor';
import { LapsesService } from './lapses.service';

/** The worker side of lapses: runs the daily scan. */
@Module({
  imports: [QueueModule, BullModule.registerQueue({ name: QueueName.Lapses }), NotificationsWorkerModule],
  providers: [LapsesService, LapseScanProcessor],
})
export class LapsesWorkerModule {}
