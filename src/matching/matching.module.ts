import { Module } from '@nestjs/common';
import { QueueModule } from '../jobs/queue.module';
import { MunicipalitiesModule } from '../municipalities/municipalities.module';
import { MatchingInstanceLoader } from './matching-instance.loader';
import { ProposalAlternativesService } from './proposal-alternatives.service';
import { MatchingController } from './matching.controller';
import { MatchingRunsService } from './matching-runs.service';
import { NightlyMatchingScheduler } from './nightly-matching.scheduler';
import { ProposalsService } from './proposals.service';

/** The API side of matching: request runs (on demand and nightly), read runs, proposals and their alternatives. */
@Module({
  imports: [QueueModule, MunicipalitiesModule],
  controllers: [MatchingController],
  providers: [
    MatchingRunsService,
    ProposalsService,
    NightlyMatchingScheduler,
    MatchingInstanceLoader,
    ProposalAlternativesService,
  ],
  exports: [MatchingRunsService, ProposalsService],
})
export class MatchingModule {}
