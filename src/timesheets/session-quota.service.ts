import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { conflict } from '../common/errors/api-error';
import {
  hoursToMinutes,
  minutesToHours,
  periodQuota,
  PeriodQuotaFigures,
  quotaPeriodContaining,
} from '../decisions/quota';
import { HoursQuotaResponse, KmQuotaResponse, QuotaExcess, QuotaResponse } from './dto/quota.response';
import { APPROVED_OVERRUN_SQL, USED_KM_SQL, USED_MINUTES_SQL } from './session.queries';
import { tenthsToKm } from './session-rules';

/** The terms of a vedtak a quota needs; read with the decision's row lock held. */
export interface DecisionTerms {
  id: string;
  service_user_id: string;
  hours_granted: string;
  hours_period: 'week' | 'month';
  driving_km_granted: number;
  driving_period: 'week' | 'month';
  valid_from: string;
  valid_to: string;
}

/** What one session asks of one user's vedtak. */
export interface QuotaRequest {
  decision: DecisionTerms;
  minutes: number;
  kmTenths: number;
}

const SELECT_TERMS = `
  SELECT id, service_user_id, hours_granted, hours_period, driving_km_granted, driving_period,
         valid_from::text AS valid_from, valid_to::text AS valid_to
    FROM decisions`;

/**
 * Hours and km against the vedtak, per quota period (DOMAIN rule 3): never silently past the quota. The
 * decision rows are locked (FOR UPDATE, in id order so two group sessions cannot deadlock) for the rest of the
 * caller's transaction, so concurrent sessions count one after another and the sum never passes the quota.
 */
@Injectable()
export class SessionQuotaService {
  /** Locks the decisions' rows and returns their terms. */
  async lockDecisions(em: EntityManager, decisionIds: string[]): Promise<Map<string, DecisionTerms>> {
    const ids = [...new Set(decisionIds)].sort();
    const rows = await em.query<DecisionTerms[]>(
      `${SELECT_TERMS} WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`,
      [ids],
    );
    return new Map(rows.map((row) => [row.id, row]));
  }

  async terms(em: EntityManager, decisionId: string): Promise<DecisionTerms | undefined> {
    const [row] = await em.query<DecisionTerms[]>(`${SELECT_TERMS} WHERE id = $1`, [decisionId]);
    return row;
  }

  /**
   * Checks each request against its user's quota for the session's date and returns the quotas as they stand
   * with the session counted; throws 409 `quota_exceeded` with the figures when any would pass the quota.
   * Call with the decisions locked, after any session being replaced is marked superseded.
   */
  async check(em: EntityManager, date: string, requests: QuotaRequest[]): Promise<QuotaResponse[]> {
    const quotas: QuotaResponse[] = [];
    const excess: QuotaExcess[] = [];
    for (const request of requests) {
      const { hours, km } = await this.figures(em, request.decision, date, request.minutes, request.kmTenths);
      for (const [kind, item] of [
        ['hours', hours],
        ['km', km],
      ] as const) {
        if (item.figures.wouldExceed)
          excess.push(this.excessOf(request.decision, kind, item.period, item.figures));
      }
      quotas.push(this.view(request.decision, hours, km));
    }
    if (excess.length > 0) {
      throw conflict(
        'quota_exceeded',
        'The session would pass the quota of the vedtak; a coordinator may approve an overrun with a reason',
        { excess },
      );
    }
    return quotas;
  }

  /** The quota on `date` without a new session. */
  async status(em: EntityManager, decision: DecisionTerms, date: string): Promise<QuotaResponse> {
    const { hours, km } = await this.figures(em, decision, date, 0, 0);
    return this.view(decision, hours, km);
  }

  private async figures(
    em: EntityManager,
    decision: DecisionTerms,
    date: string,
    minutes: number,
    kmTenths: number,
  ) {
    const hoursPeriod = quotaPeriodContaining(date, decision.hours_period);
    const kmPeriod = quotaPeriodContaining(date, decision.driving_period);
    // One after another: the queries share the transaction's connection.
    const usedMinutes = await this.scalar(em, USED_MINUTES_SQL, [
      decision.id,
      hoursPeriod.start,
      hoursPeriod.end,
    ]);
    const usedKm = await this.scalar(em, USED_KM_SQL, [decision.id, kmPeriod.start, kmPeriod.end]);
    const extraMinutes = await this.scalar(em, APPROVED_OVERRUN_SQL, [
      decision.id,
      'hours',
      hoursPeriod.start,
    ]);
    const extraKm = await this.scalar(em, APPROVED_OVERRUN_SQL, [decision.id, 'km', kmPeriod.start]);
    return {
      hours: {
        period: hoursPeriod,
        figures: periodQuota({
          granted: hoursToMinutes(Number(decision.hours_granted)),
          approvedOverrun: extraMinutes,
          used: usedMinutes,
          requested: minutes,
        }),
      },
      km: {
        period: kmPeriod,
        figures: periodQuota({
          granted: decision.driving_km_granted * 10,
          approvedOverrun: extraKm,
          used: usedKm,
          requested: kmTenths,
        }),
      },
    };
  }

  private view(
    decision: DecisionTerms,
    hours: { period: { start: string; end: string }; figures: PeriodQuotaFigures },
    km: { period: { start: string; end: string }; figures: PeriodQuotaFigures },
  ): QuotaResponse {
    const hoursView = HoursQuotaResponse.from(hours.period, hours.figures);
    const kmView = KmQuotaResponse.from(km.period, km.figures);
    return {
      serviceUserId: decision.service_user_id,
      decisionId: decision.id,
      hours: hoursView,
      km: kmView,
      warning: hoursView.warning || kmView.warning,
    };
  }

  private excessOf(
    decision: DecisionTerms,
    kind: 'hours' | 'km',
    period: { start: string; end: string },
    f: PeriodQuotaFigures,
  ): QuotaExcess {
    const unit = kind === 'hours' ? minutesToHours : tenthsToKm;
    return {
      serviceUserId: decision.service_user_id,
      decisionId: decision.id,
      kind,
      periodStart: period.start,
      periodEnd: period.end,
      granted: unit(f.granted),
      approvedOverrun: unit(f.approvedOverrun),
      used: unit(f.used),
      requested: unit(f.requested),
      excess: unit(f.excess),
      unit: kind,
    };
  }

  private async scalar(em: EntityManager, sql: string, params: unknown[]): Promise<number> {
    const [row] = await em.query<Record<string, number>[]>(sql, params);
    return Number(Object.values(row)[0] ?? 0);
  }
}
