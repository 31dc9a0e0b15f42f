import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Principal } from '../common/auth/principal';
import { Clock } from '../common/clock';
import { CaseState, WaitingListQuery, WaitingListResponse } from './dto/waiting-list.dto';
import { WAITING_BANDS, WaitingBand } from './waiting-band';
import { WAITING_USERS_SQL, WaitingUserRow } from './waiting-list.queries';

/** The waiting list (DOMAIN rule 9): those who have waited longest first, so nobody is passed over. */
@Injectable()
export class WaitingListService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async list(principal: Principal, query: WaitingListQuery): Promise<WaitingListResponse> {
    const today = this.clock.today();
    const base = [principal.municipalityId, today];
    const conditions: string[] = [];
    const params: unknown[] = [...base];
    if (query.band) {
      params.push(query.band);
      conditions.push(`x.band = $${params.length}`);
    }
    if (query.state) {
      params.push(query.state);
      conditions.push(`x.state = $${params.length}`);
    }
    const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
    const counts: { band: WaitingBand; total: number }[] = await this.dataSource.query(
      `SELECT x.band, count(*)::int AS total FROM (${WAITING_USERS_SQL}) x GROUP BY x.band`,
      base,
    );
    const [{ total }]: { total: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM (${WAITING_USERS_SQL}) x ${where}`,
      params,
    );
    const rows: WaitingUserRow[] = await this.dataSource.query(
      `SELECT * FROM (${WAITING_USERS_SQL}) x ${where}
        ORDER BY x.waiting_since, x.service_user_id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, query.pageSize, query.offset],
    );
    const bands = Object.fromEntries(WAITING_BANDS.map((band) => [band, 0])) as Record<WaitingBand, number>;
    for (const row of counts) bands[row.band] = row.total;
    return {
      items: rows.map((row) => ({
        serviceUserId: row.service_user_id,
        firstName: row.first_name,
        lastName: row.last_name,
        decisionId: row.decision_id,
        serviceForm: row.service_form,
        waitingSince: row.waiting_since,
        waitingDays: row.waiting_days,
        band: row.band as WaitingBand,
        state: row.state as CaseState,
        proposalId: row.state === 'proposed' ? row.proposal_id : null,
        introductionId: row.introduction_id,
        meetingStartsAt: row.meeting_starts_at?.toISOString() ?? null,
      })),
      total,
      page: query.page,
      pageSize: query.pageSize,
      bands,
    };
  }
}
