import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QueueModule } from '../jobs/queue.module';
import { NotificationsWorkerModule } from '../notifications/notifications-worker.module';
import { QueueName } from '../jobs/jobs';
import { LapseScanProcessor } from './lapse-scan.processor';
import { LapseScansService } from './lapse-scans.service';
import { LapsesService } from './lapses.service';

/** The worker side of lapses: the morning tick and the daily scan. */
@Module({
  imports: [QueueModule, BullModule.registerQueue({ name: QueueName.Lapses }), NotificationsWorkerModule],
  providers: [LapsesService, LapseScansService, LapseScanProcessor],
})
export class LapsesWorkerModule {}
