import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { conflict } from '../common/errors/api-error';
import { CREATED_AT_SORTABLE_SQL } from '../decisions/decision-in-force';
import {
  daysInForce,
  DecisionDates,
  grantedInRanges,
  hoursToMinutes,
  minutesToHours,
  periodQuota,
  PeriodQuotaFigures,
  QuotaPeriod,
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
    // A vedtak that starts or ends inside the period, or is taken over by a renewal, grants it pro rata.
    const siblings = await this.userDecisions(em, decision.service_user_id, [hoursPeriod, kmPeriod]);
    const self = siblings.find((d) => d.id === decision.id) ?? {
      id: decision.id,
      validFrom: decision.valid_from,
      validTo: decision.valid_to,
      decidedOn: decision.valid_from,
      createdAt: '',
    };
    const inForce = (period: QuotaPeriod) => daysInForce(self, siblings, period.start, period.end);
    return {
      hours: {
        period: hoursPeriod,
        figures: periodQuota({
          granted: grantedInRanges(
            hoursToMinutes(Number(decision.hours_granted)),
            decision.hours_period,
            inForce(hoursPeriod),
          ),
          approvedOverrun: extraMinutes,
          used: usedMinutes,
          requested: minutes,
        }),
      },
      km: {
        period: kmPeriod,
        figures: periodQuota({
          granted: grantedInRanges(
            decision.driving_km_granted * 10,
            decision.driving_period,
            inForce(kmPeriod),
          ),
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

  /** The user's vedtak that overlap the periods, with what decides which is in force on a day. */
  private async userDecisions(
    em: EntityManager,
    serviceUserId: string,
    periods: QuotaPeriod[],
  ): Promise<DecisionDates[]> {
    const from = periods.map((p) => p.start).sort()[0];
    const to = periods
      .map((p) => p.end)
      .sort()
      .reverse()[0];
    const rows = await em.query<
      { id: string; valid_from: string; valid_to: string; decided_on: string; created_at: string }[]
    >(
      `SELECT d.id, d.valid_from::text AS valid_from, d.valid_to::text AS valid_to, d.decided_on::text AS decided_on,
              ${CREATED_AT_SORTABLE_SQL} AS created_at
         FROM decisions d WHERE d.service_user_id = $1 AND d.valid_from <= $3::date AND d.valid_to >= $2::date`,
      [serviceUserId, from, to],
    );
    return rows.map((r) => ({
      id: r.id,
      validFrom: r.valid_from,
      validTo: r.valid_to,
      decidedOn: r.decided_on,
      createdAt: r.created_at,
    }));
  }

  private async scalar(em: EntityManager, sql: string, params: unknown[]): Promise<number> {
    const [row] = await em.query<Record<string, number>[]>(sql, params);
    return Number(Object.values(row)[0] ?? 0);
  }
}
