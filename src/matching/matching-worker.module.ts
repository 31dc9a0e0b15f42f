import { Module } from '@nestjs/common';
import { QueueModule } from '../jobs/queue.module';
import { MunicipalitiesModule } from '../municipalities/municipalities.module';
import { NotificationsWorkerModule } from '../notifications/notifications-worker.module';
import { GroupFormationStep } from './group-formation.step';
import { GroupInstanceLoader } from './group-instance.loader';
import { MatchingInstanceLoader } from './matching-instance.loader';
import { MatchingRunExecutor } from './matching-run.executor';
import { MatchingRunProcessor } from './matching-run.processor';
import { MatchingRunsService } from './matching-runs.service';

/** The worker side of matching: the nightly tick's runs; load the instance, run the engine, store the proposals. */
@Module({
  imports: [QueueModule, MunicipalitiesModule, NotificationsWorkerModule],
  providers: [
    MatchingInstanceLoader,
    MatchingRunExecutor,
    MatchingRunProcessor,
    MatchingRunsService,
    GroupInstanceLoader,
    GroupFormationStep,
  ],
  exports: [MatchingRunExecutor],
})
export class MatchingWorkerModule {}
