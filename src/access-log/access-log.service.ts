import { HttpException, HttpStatus, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Principal } from '../common/auth/principal';
import { notFound } from '../common/errors/api-error';
import { Page, pageOf, PageQuery } from '../common/http/pagination';
import { preparedStatement, queryPrepared } from '../database/prepared-statement';
import { AccessContext } from './access-context';
import { ChainVerification, verifyAccessLogChain } from './access-log-verifier';

export type AccessOutcome = 'allowed' | 'denied';

export interface AccessEvent {
  principal: Principal;
  subjectType: string;
  subjectIds: (string | null)[];
  action: string;
  route: string;
  requestId: string;
  clientRequestId: string | null;
  outcome: AccessOutcome;
}

export interface AccessLogEntry {
  occurredAt: string;
  actor: string;
  role: string;
  /** The støttekontakt behind `actor`, where one read. */
  contactId: string | null;
  subjectType: string;
  subjectId: string | null;
  action: string;
  route: string;
  requestId: string;
  outcome: AccessOutcome;
}

/** A read of service users' data, as AccessLogService.read() logs it. */
export interface LoggedRead<T> {
  /** What the caller does, e.g. 'read', 'list', 'lookup'. */
  action: string;
  /** The service users the result is about: one 'allowed' row each. */
  subjectsOf: (result: T) => (string | null)[];
  /** The service user a refusal is about, when the request names one. */
  refusedSubject?: string;
}

/** The answers that refuse the caller a record: 404 for one they may not see (as for one that does not exist). */
const isRefusal = (error: unknown): boolean =>
  error instanceof HttpException && [HttpStatus.NOT_FOUND, HttpStatus.FORBIDDEN].includes(error.getStatus());

const INSERT_ROWS = preparedStatement(
  'access-log.insert',
  `INSERT INTO access_log (municipality_id, actor, role, subject_type, subject_id, action, route, request_id,
                          outcome, client_request_id, actor_contact_id)
   SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::uuid[], $6::text[], $7::text[],
                        $8::text[], $9::access_outcome[], $10::text[], $11::uuid[])`,
);

interface Waiting {
  event: AccessEvent;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Writes and reads the append-only access log (Normen): one row per subject read or refused.
 *
 * Group commit: the events waiting are written by one INSERT (one round trip and one WAL flush instead of one per
 * request), and each caller's promise settles only when its rows are committed, so a read that cannot be logged is
 * still not served. One INSERT is in flight at a time: the events that arrive meanwhile wait for the next, so under
 * load the batches grow instead of the inserts queueing on the database's lock of the municipality's chain head
 * (each insert holds it until it commits). If a batch fails, its events are retried one by one, so one bad event
 * fails only its own request.
 */
@Injectable()
export class AccessLogService {
  private readonly logger = new Logger(AccessLogService.name);
  private waiting: Waiting[] = [];
  private flushing = false;
  private flushScheduled = false;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Runs a read of service users' data and logs it: one 'allowed' row per subject of the result, committed
   * before the result is returned (a read that cannot be logged is not served), or one 'denied' row when the
   * caller is refused the record. Called by the controllers rather than bound as a Nest interceptor: the
   * interceptor chain (rxjs and async-context bindings) cost about a fifth of a logged read (npm run bench:api).
   */
  async read<T>(access: AccessContext, read: LoggedRead<T>, load: () => Promise<T>): Promise<T> {
    const event = {
      principal: access.principal,
      subjectType: 'service_user',
      action: read.action,
      route: access.route,
      requestId: access.requestId,
      clientRequestId: access.clientRequestId,
    };
    let result: T;
    try {
      result = await load();
    } catch (error) {
      if (isRefusal(error)) {
        await this.record({ ...event, subjectIds: [read.refusedSubject ?? null], outcome: 'denied' }).catch(
          (logError: unknown) => this.logger.error({ err: logError }, 'could not write a denied access row'),
        );
      }
      throw error;
    }
    await this.record({ ...event, subjectIds: read.subjectsOf(result), outcome: 'allowed' });
    return result;
  }

  record(event: AccessEvent): Promise<void> {
    if (event.subjectIds.length === 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.waiting.push({ event, resolve, reject });
      this.scheduleFlush();
    });
  }

  /** The next flush, after this turn of the event loop (so its events join one batch) and after the one in flight. */
  private scheduleFlush(): void {
    if (this.flushing || this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      void this.flush();
    });
  }

  /**
   * A caller whose role may not use the route at all (403 before any handler runs): one 'denied' row, about the
   * service user the route names when it names one. Never fails the refusal it records.
   */
  async refusedByRole(access: AccessContext, serviceUserId: string | null): Promise<void> {
    await this.record({
      principal: access.principal,
      subjectType: serviceUserId ? 'service_user' : 'route',
      subjectIds: [serviceUserId],
      action: 'refused_by_role',
      route: access.route,
      requestId: access.requestId,
      clientRequestId: access.clientRequestId,
      outcome: 'denied',
    }).catch((error: unknown) => this.logger.error({ err: error }, 'could not write a denied access row'));
  }

  private async flush(): Promise<void> {
    if (this.flushing || this.waiting.length === 0) return;
    this.flushing = true;
    const batch = this.waiting;
    this.waiting = [];
    try {
      await this.insert(batch.map((w) => w.event));
      batch.forEach((w) => w.resolve());
    } catch (error) {
      if (batch.length === 1) {
        batch[0].reject(error);
      } else {
        for (const w of batch) {
          await this.insert([w.event]).then(
            () => w.resolve(),
            (own: unknown) => w.reject(own),
          );
        }
      }
    } finally {
      this.flushing = false;
      if (this.waiting.length > 0) this.scheduleFlush();
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
      column((r) => r.clientRequestId),
      column((r) => (r.principal.role === 'contact' ? r.principal.contactId : null)),
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
      `SELECT occurred_at AS "occurredAt", actor, role, actor_contact_id AS "contactId", subject_type AS "subjectType", subject_id AS "subjectId",
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

  verifyChain(municipalityId: string): Promise<ChainVerification> {
    return verifyAccessLogChain((sql, parameters) => this.dataSource.query(sql, parameters), municipalityId);
  }
}
