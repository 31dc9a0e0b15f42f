import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Principal } from '../common/auth/principal';
import { notFound } from '../common/errors/api-error';
import { Page, pageOf, PageQuery } from '../common/http/pagination';

export type AccessOutcome = 'allowed' | 'denied';

export interface AccessEvent {
  principal: Principal;
  subjectType: string;
  subjectIds: (string | null)[];
  action: string;
  route: string;
  requestId: string;
  outcome: AccessOutcome;
}

export interface AccessLogEntry {
  occurredAt: string;
  actor: string;
  role: string;
  subjectType: string;
  subjectId: string | null;
  action: string;
  route: string;
  requestId: string;
  outcome: AccessOutcome;
}

/** Writes and reads the append-only access log (Normen): one row per subject read or refused. */
@Injectable()
export class AccessLogService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async record(event: AccessEvent): Promise<void> {
    if (event.subjectIds.length === 0) return;
    await this.dataSource.query(
      `INSERT INTO access_log (municipality_id, actor, role, subject_type, subject_id, action, route, request_id, outcome)
       SELECT $1, $2, $3, $4, subject_id, $5, $6, $7, $8 FROM unnest($9::uuid[]) AS subject_id`,
      [
        event.principal.municipalityId,
        event.principal.subject,
        event.principal.role,
        event.subjectType,
        event.action,
        event.route,
        event.requestId,
        event.outcome,
        event.subjectIds,
      ],
    );
  }

  async assertSubjectInMunicipality(municipalityId: string, serviceUserId: string): Promise<void> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM service_users WHERE id = $1 AND municipality_id = $2`,
      [serviceUserId, municipalityId],
    );
    if (rows.length === 0) throw notFound('Service user');
  }

  /** A user's own log, for their right of access (read by a coordinator on the user's behalf). */
  async forSubject(
    municipalityId: string,
    subjectId: string,
    query: PageQuery,
  ): Promise<Page<AccessLogEntry>> {
    const rows: (AccessLogEntry & { total: string })[] = await this.dataSource.query(
      `SELECT occurred_at AS "occurredAt", actor, role, subject_type AS "subjectType", subject_id AS "subjectId",
              action, route, request_id AS "requestId", outcome, count(*) OVER () AS total
         FROM access_log WHERE municipality_id = $1 AND subject_id = $2
        ORDER BY occurred_at DESC, id DESC OFFSET $3 LIMIT $4`,
      [municipalityId, subjectId, query.offset, query.pageSize],
    );
    const total = rows.length > 0 ? Number(rows[0].total) : 0;
    return pageOf(
      rows.map(({ total: _total, ...entry }) => ({
        ...entry,
        occurredAt: new Date(entry.occurredAt).toISOString(),
      })),
      total,
      query,
    );
  }
}
