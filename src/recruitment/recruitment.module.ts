import { Module } from '@nestjs/common';
import { RecruitmentController } from './recruitment.controller';
import { RecruitmentService } from './recruitment.service';

/**
 * Recruitment (issue 17): the API reads the plan the worker computed with each matching run
 * (recruitment-plan.ts, called by the run's executor).
 */
@Module({ controllers: [RecruitmentController], providers: [RecruitmentService] })
export class RecruitmentModule {}
