import { Module } from '@nestjs/common';
import { QueueModule } from '../jobs/queue.module';
import { MatchingController } from './matching.controller';
import { MatchingRunsService } from './matching-runs.service';
import { NightlyMatchingScheduler } from './nightly-matching.scheduler';
import { ProposalsService } from './proposals.service';

/** The API side of matching: request runs (on demand and nightly), read runs and proposals. */
@Module({
  imports: [QueueModule],
  controllers: [MatchingController],
  providers: [MatchingRunsService, ProposalsService, NightlyMatchingScheduler],
  exports: [MatchingRunsService, ProposalsService],
})
export class MatchingModule {}
