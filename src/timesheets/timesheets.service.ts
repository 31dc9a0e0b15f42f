import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { isStaff, Principal } from '../common/auth/principal';
import { Clock } from '../common/clock';
import { addDays } from '../common/dates';
import { conflict, notFound } from '../common/errors/api-error';
import { Page, pageOf } from '../common/http/pagination';
import { transactionWithRetry } from '../database/retry';
import { TimesheetListQuery } from './dto/session.query';
import { SessionResponse } from './dto/session.response';
import { TimesheetDetailResponse, TimesheetResponse } from './dto/timesheet.response';
import { payPeriodContaining } from './pay-period';
import { PaySettingsService } from './pay-settings.service';
import { timesheetContentHash } from './timesheet-content';
import { SELECT_SESSIONS, SELECT_TIMESHEETS, SessionRow, TimesheetRow } from './session.queries';

/** A priced line of a timesheet: a session (+1), or the session a correction replaces (−1). */
export interface LedgerEntry {
  timesheetId: string;
  date: string;
  sign: 1 | -1;
  minutes: number;
  kmTenths: number;
  /** Covered by the categories' rules (what is paid), not what was claimed. */
  expensesOre: number;
  expenses: { categoryId: string; categoryName: string; paidOre: number; coveredOre: number }[];
  passengers: { serviceUserId: string; kmTenths: number }[];
}

/** How far ahead a late entry may look for an open timesheet (a signed period is skipped, then the next…). */
const MAX_PERIODS_AHEAD = 24;

/**
 * timelister: one per assignment and pay period, opened by the first session in it. The user (or a guardian
 * on record) signs it by their own one-time link (src/signing/), a coordinator approves it (DOMAIN rule 5). Once
 * signed nothing in it changes (triggers in the database hold that too); a late session or a correction
 * lands on the next open timesheet of the assignment.
 */
@Injectable()
export class TimesheetsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly paySettings: PaySettingsService,
    private readonly clock: Clock,
  ) {}

  /**
   * The open timesheet a session dated `date` goes on, created when needed and share-locked for the rest of the
   * transaction (signing takes the row lock, so a session and a signature cannot cross).
   */
  async openTimesheetFor(
    em: EntityManager,
    assignment: { id: string; municipality_id: string; contact_id: string },
    date: string,
  ): Promise<string> {
    const { payPeriodStartDay } = await this.paySettings.get(assignment.municipality_id, em);
    let period = payPeriodContaining(date, payPeriodStartDay);
    for (let step = 0; step < MAX_PERIODS_AHEAD; step++) {
      await em.query(
        `INSERT INTO timesheets (municipality_id, assignment_id, contact_id, period_start, period_end)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (assignment_id, period_start) DO NOTHING`,
        [assignment.municipality_id, assignment.id, assignment.contact_id, period.start, period.end],
      );
      const [sheet] = await em.query<{ id: string; status: string }[]>(
        `SELECT id, status FROM timesheets WHERE assignment_id = $1 AND period_start = $2 FOR SHARE`,
        [assignment.id, period.start],
      );
      if (sheet.status === 'open') return sheet.id;
      period = payPeriodContaining(addDays(period.end, 1), payPeriodStartDay);
    }
    throw conflict('timesheet_signed', 'Every timesheet within reach is signed already');
  }

  async list(principal: Principal, query: TimesheetListQuery): Promise<Page<TimesheetResponse>> {
    const params: unknown[] = [principal.municipalityId];
    const conditions = ['t.municipality_id = $1'];
    const where = (sql: string, value: unknown) => {
      params.push(value);
      conditions.push(sql.replace('?', `$${params.length}`));
    };
    if (principal.role === 'contact') where('t.contact_id = ?', principal.contactId);
    if (query.contactId) where('t.contact_id = ?', query.contactId);
    if (query.assignmentId) where('t.assignment_id = ?', query.assignmentId);
    if (query.status) where('t.status = ?::timesheet_status', query.status);
    if (query.periodStart) where('t.period_start = ?::date', query.periodStart);
    const filter = conditions.join(' AND ');
    const [{ total }] = await this.dataSource.query<{ total: number }[]>(
      `SELECT count(*)::int AS total FROM timesheets t WHERE ${filter}`,
      params,
    );
    const rows = await this.dataSource.query<TimesheetRow[]>(
      `${SELECT_TIMESHEETS} WHERE ${filter} ORDER BY t.period_start DESC, c.last_name, t.id
       LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, query.pageSize, query.offset],
    );
    return pageOf(
      rows.map((row) => TimesheetResponse.from(row, isStaff(principal))),
      total,
      query,
    );
  }

  async get(principal: Principal, id: string): Promise<TimesheetDetailResponse> {
    const row = await this.find(principal, id);
    const sessions = await this.dataSource.query<SessionRow[]>(
      `${SELECT_SESSIONS} WHERE s.timesheet_id = $1 ORDER BY s.session_date, s.starts_at, s.created_at`,
      [id],
    );
    return {
      ...TimesheetResponse.from(row, isStaff(principal)),
      sessions: sessions.map(SessionResponse.from),
    };
  }

  /** A coordinator approves a signed timesheet; approved timesheets are paid and invoiced. */
  async approve(principal: Principal, id: string): Promise<TimesheetDetailResponse> {
    await transactionWithRetry(this.dataSource, async (em) => {
      const sheet = await this.lock(em, principal, id);
      if (sheet.status === 'open') throw conflict('timesheet_not_signed', 'The timesheet is not signed yet');
      if (sheet.status === 'approved')
        throw conflict('timesheet_already_approved', 'The timesheet is approved');
      // Only the user's own signature (by link or one-time code) counts, and only over the content as it is now.
      const [signature] = await em.query<{ method: string | null; hash: string | null }[]>(
        `SELECT signature_method AS method, signature_content_hash AS hash FROM timesheets WHERE id = $1`,
        [id],
      );
      if (
        !['link', 'one_time_code'].includes(signature.method ?? '') ||
        signature.hash !== (await timesheetContentHash(em, id))
      ) {
        throw conflict(
          'timesheet_signature_invalid',
          "The timesheet has no valid signature by the user's own link; send it to signing again",
        );
      }
      await em.query(
        `UPDATE timesheets SET status = 'approved', approved_by = $2, approved_at = now(), version = version + 1
          WHERE id = $1`,
        [id, principal.subject],
      );
    });
    return this.get(principal, id);
  }

  /**
   * The priced lines of the given timesheets: each session as logged, and for a correction also the session
   * it replaces, negated, so a timesheet pays the difference.
   */
  async ledger(timesheetIds: string[], em: EntityManager = this.dataSource.manager): Promise<LedgerEntry[]> {
    if (timesheetIds.length === 0) return [];
    const rows = await em.query<(SessionRow & { original: SessionRow | null })[]>(
      `SELECT x.*, (SELECT row_to_json(o) FROM (${SELECT_SESSIONS} WHERE s.id = x.corrects_session_id) o) AS original
         FROM (${SELECT_SESSIONS} WHERE s.timesheet_id = ANY($1::uuid[])) x
        ORDER BY x.date, x.start`,
      [timesheetIds],
    );
    const entry = (timesheetId: string, row: SessionRow, sign: 1 | -1): LedgerEntry => ({
      timesheetId,
      date: row.date,
      sign,
      minutes: row.minutes,
      kmTenths: row.km_tenths,
      expensesOre: row.expenses.reduce((sum, line) => sum + line.coveredOre, 0),
      expenses: row.expenses.map((line) => ({
        categoryId: line.categoryId,
        categoryName: line.categoryName,
        paidOre: line.amountOre,
        coveredOre: line.coveredOre,
      })),
      passengers: row.attendees
        .filter((a) => a.kmTenths > 0)
        .map((a) => ({ serviceUserId: a.serviceUserId, kmTenths: a.kmTenths })),
    });
    return rows.flatMap((row) => [
      entry(row.timesheet_id, row, 1),
      ...(row.original ? [entry(row.timesheet_id, row.original, -1)] : []),
    ]);
  }

  /** 404 for a missing timesheet, another municipality's, or (for a contact) someone else's. */
  async find(
    principal: Principal,
    id: string,
    em: EntityManager = this.dataSource.manager,
  ): Promise<TimesheetRow> {
    const [row] = await em.query<TimesheetRow[]>(
      `${SELECT_TIMESHEETS} WHERE t.id = $1 AND t.municipality_id = $2`,
      [id, principal.municipalityId],
    );
    if (!row || (principal.role === 'contact' && row.contact_id !== principal.contactId)) {
      throw notFound('Timesheet');
    }
    return row;
  }

  private async lock(em: EntityManager, principal: Principal, id: string) {
    const [sheet] = await em.query<
      { id: string; status: string; contact_id: string; service_user_id: string | null }[]
    >(
      `SELECT t.id, t.status, t.contact_id, a.service_user_id
         FROM timesheets t JOIN assignments a ON a.id = t.assignment_id
        WHERE t.id = $1 AND t.municipality_id = $2 FOR UPDATE OF t`,
      [id, principal.municipalityId],
    );
    if (!sheet || (principal.role === 'contact' && sheet.contact_id !== principal.contactId)) {
      throw notFound('Timesheet');
    }
    return sheet;
  }
}
