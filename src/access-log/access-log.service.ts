import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Principal } from '../common/auth/principal';
import { notFound } from '../common/errors/api-error';
import { Page, pageOf, PageQuery } from '../common/http/pagination';
import { preparedStatement, queryPrepared } from '../database/prepared-statement';

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

const INSERT_ROWS = preparedStatement(
  'access-log.insert',
  `INSERT INTO access_log (municipality_id, actor, role, subject_type, subject_id, action, route, request_id, outcome)
   SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::uuid[], $6::text[], $7::text[],
                        $8::text[], $9::access_outcome[])`,
);

interface Waiting {
  event: AccessEvent;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Writes and reads the append-only access log (Normen): one row per subject read or refused.
 *
 * Group commit: the events recorded in one turn of the event loop are written by one INSERT (one round trip and
 * one WAL flush instead of one per request), and each caller's promise settles only when its rows are committed,
 * so a read that cannot be logged is still not served. If a batch fails, its events are retried one by one, so
 * one bad event fails only its own request.
 */
@Injectable()
export class AccessLogService {
  private waiting: Waiting[] = [];

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  record(event: AccessEvent): Promise<void> {
    if (event.subjectIds.length === 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      if (this.waiting.push({ event, resolve, reject }) === 1) setImmediate(() => void this.flush());
    });
  }

  private async flush(): Promise<void> {
    const batch = this.waiting;
    this.waiting = [];
    try {
      await this.insert(batch.map((w) => w.event));
      batch.forEach((w) => w.resolve());
    } catch (error) {
      if (batch.length === 1) return batch[0].reject(error);
      await Promise.all(
        batch.map((w) =>
          this.insert([w.event]).then(
            () => w.resolve(),
            (own: unknown) => w.reject(own),
          ),
        ),
      );
    }
  }

  private async insert(events: AccessEvent[]): Promise<void> {
    const rows = events.flatMap((e) => e.subjectIds.map((subjectId) => ({ ...e, subjectId })));
    const column = <T>(pick: (row: (typeof rows)[number]) => T): T[] => rows.map(pick);
    await queryPrepared(this.dataSource.manager, INSERT_ROWS, [
      column((r) => r.principal.municipalityId),
      column((r) => r.principal.subject),
      column((r) => r.principal.role),
      column((r) => r.subjectType),
      column((r) => r.subjectId),
      column((r) => r.action),
      column((r) => r.route),
      column((r) => r.requestId),
      column((r) => r.outcome),
    ]);
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
