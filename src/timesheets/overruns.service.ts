import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Principal } from '../common/auth/principal';
import { badRequest, notFound } from '../common/errors/api-error';
import { hoursToMinutes, minutesToHours, quotaPeriodContaining } from '../decisions/quota';
import { transactionWithRetry } from '../database/retry';
import { CreateOverrunRequest, OverrunListQuery, OverrunResponse } from './dto/overrun.dto';
import { kmToTenths, tenthsToKm } from './session-rules';

interface OverrunRow {
  id: string;
  decision_id: string;
  kind: 'hours' | 'km';
  period_start: string;
  period_end: string;
  extra: number;
  reason: string;
  approved_by: string;
  created_at: Date;
}

const SELECT = `SELECT id, decision_id, kind, period_start::text AS period_start, period_end::text AS period_end,
                       extra, reason, approved_by, created_at FROM quota_overruns`;

/**
 * Overruns a coordinator approves (DOMAIN rule 3: hours beyond the quota are never accepted silently): extra
 * hours or km for one quota period of one vedtak, with the reason. Taken under the decision's row lock, like
 * the sessions it lets through.
 */
@Injectable()
export class OverrunsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async approve(principal: Principal, body: CreateOverrunRequest): Promise<OverrunResponse> {
    const id = await transactionWithRetry(this.dataSource, async (em) => {
      const [decision] = await em.query<
        { hours_period: 'week' | 'month'; driving_period: 'week' | 'month' }[]
      >(
        `SELECT hours_period, driving_period FROM decisions WHERE id = $1 AND municipality_id = $2 FOR UPDATE`,
        [body.decisionId, principal.municipalityId],
      );
      if (!decision) throw notFound('Decision');
      let extra: number;
      try {
        extra = body.kind === 'hours' ? hoursToMinutes(body.extra) : kmToTenths(body.extra);
      } catch {
        throw badRequest('validation_failed', 'The request is invalid', [
          {
            field: 'extra',
            reason: body.kind === 'km' ? 'km have at most 1 decimal' : 'hours have at most 2 decimals',
          },
        ]);
      }
      const period = quotaPeriodContaining(
        body.date,
        body.kind === 'hours' ? decision.hours_period : decision.driving_period,
      );
      const [row] = await em.query<{ id: string }[]>(
        `INSERT INTO quota_overruns (municipality_id, decision_id, kind, period_start, period_end, extra, reason, approved_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [
          principal.municipalityId,
          body.decisionId,
          body.kind,
          period.start,
          period.end,
          extra,
          body.reason.trim(),
          principal.subject,
        ],
      );
      return row.id;
    });
    const [row] = await this.dataSource.query<OverrunRow[]>(`${SELECT} WHERE id = $1`, [id]);
    return this.view(row);
  }

  async list(principal: Principal, query: OverrunListQuery): Promise<OverrunResponse[]> {
    const rows = await this.dataSource.query<OverrunRow[]>(
      `${SELECT} WHERE municipality_id = $1 AND ($2::uuid IS NULL OR decision_id = $2)
       ORDER BY period_start DESC, created_at DESC LIMIT 500`,
      [principal.municipalityId, query.decisionId ?? null],
    );
    return rows.map((row) => this.view(row));
  }

  private view(row: OverrunRow): OverrunResponse {
    return {
      id: row.id,
      decisionId: row.decision_id,
      kind: row.kind,
      periodStart: row.period_start,
      periodEnd: row.period_end,
      extra: row.kind === 'hours' ? minutesToHours(row.extra) : tenthsToKm(row.extra),
      reason: row.reason,
      approvedBy: row.approved_by,
      createdAt: row.created_at,
    };
  }
}
