import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Principal } from '../common/auth/principal';
import { Clock } from '../common/clock';
import { conflict, notFound } from '../common/errors/api-error';
import { RecruitmentPlan } from './recruitment-plan';

export interface RecruitmentRates {
  newDecisionsPer30Days: number;
  assignmentsStartedPer30Days: number;
}

const rate = (countPerYear: number) => Math.round(((countPerYear * 30) / 365) * 10) / 10;

/** Reads the recruitment plan the worker stored with a run, and today's rates for its forecast. */
@Injectable()
export class RecruitmentService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async planOf(
    principal: Principal,
    runId: string,
  ): Promise<{ runDate: string; plan: RecruitmentPlan; rates: RecruitmentRates }> {
    const [run]: { status: string; run_date: string; recruitment: RecruitmentPlan | null }[] =
      await this.dataSource.query(
        `SELECT status, run_date::text AS run_date, recruitment FROM matching_runs
          WHERE id = $1 AND municipality_id = $2`,
        [runId, principal.municipalityId],
      );
    if (!run) throw notFound('Matching run');
    if (run.status !== 'completed')
      throw conflict('run_not_completed', 'The run has not completed; its recruitment plan comes with it', {
        status: run.status,
      });
    if (!run.recruitment)
      throw conflict('recruitment_not_computed', 'This run finished before recruitment plans were computed');
    // Today's rates, from the last year of history: new vedtak, and assignments started.
    const [counts]: { decisions: string; starts: string }[] = await this.dataSource.query(
      `SELECT (SELECT count(*) FROM decisions
                WHERE municipality_id = $1 AND decided_on > $2::date - 365 AND decided_on <= $2::date) AS decisions,
              (SELECT count(*) FROM assignments
                WHERE municipality_id = $1 AND starts_on > $2::date - 365 AND starts_on <= $2::date) AS starts`,
      [principal.municipalityId, this.clock.today()],
    );
    return {
      runDate: run.run_date,
      plan: run.recruitment,
      rates: {
        newDecisionsPer30Days: rate(Number(counts.decisions)),
        assignmentsStartedPer30Days: rate(Number(counts.starts)),
      },
    };
  }
}
