import { Module } from '@nestjs/common';
import { CommonModule } from './common/common.module';
import { LoggerModule } from './common/logging/logger.module';
import { AppConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { MatchingWorkerModule } from './matching/matching-worker.module';
import { LapsesWorkerModule } from './lapses/lapses-worker.module';
import { NotificationsWorkerModule } from './notifications/notifications-worker.module';

/** The worker: BullMQ processors over the same modules as the API, and no HTTP. */
@Module({
  imports: [
    AppConfigModule,
    LoggerModule,
    CommonModule,
    DatabaseModule,
    MatchingWorkerModule,
    LapsesWorkerModule,
    NotificationsWorkerModule,
  ],
})
export class WorkerModule {}
