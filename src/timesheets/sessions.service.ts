import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Principal } from '../common/auth/principal';
import { Clock } from '../common/clock';
import { AbsencesService } from '../contacts/absences.service';
import { ExpenseCategoriesService } from '../expenses/expense-categories.service';
import { badRequest, conflict, notFound } from '../common/errors/api-error';
import { Page, pageOf } from '../common/http/pagination';
import { transactionWithRetry } from '../database/retry';
import { ServiceUsersService } from '../service-users/service-users.service';
import { QuotaResponse } from './dto/quota.response';
import { SessionListQuery } from './dto/session.query';
import { CorrectSessionRequest, CreateSessionRequest, SessionFields } from './dto/session.request';
import { LoggedSessionResponse, SessionResponse } from './dto/session.response';
import { SELECT_SESSIONS, SessionRow } from './session.queries';
import { DecisionTerms, SessionQuotaService } from './session-quota.service';
import { kmToTenths, sessionMinutes, splitEvenly, withinAssignment } from './session-rules';
import { SessionGuards } from './session-guards';
import { fulfilPlans } from './planned-session.queries';
import { TimesheetsService } from './timesheets.service';

export interface AssignmentRef {
  id: string;
  municipality_id: string;
  contact_id: string;
  service_user_id: string | null;
  group_id: string | null;
  starts_on: string;
  ends_on: string | null;
}

/**
 * Sessions a støttekontakt logs on their own assignment (DOMAIN rules 1, 3, 4). Everything a session is checked
 * against — the assignment's period, the vedtak in force, the contact's politiattest, the quota — is read and
 * written in one transaction holding the decisions' row locks; overlaps are refused by the database's
 * exclusion constraint (23P01 → 409).
 */
@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly quotas: SessionQuotaService,
    private readonly timesheets: TimesheetsService,
    private readonly serviceUsers: ServiceUsersService,
    private readonly guards: SessionGuards,
    private readonly clock: Clock,
    private readonly absences: AbsencesService,
    private readonly expenses: ExpenseCategoriesService,
  ) {}

  /**
   * A session on the contact's own assignment. With a client key (Idempotency-Key) a repeat of the same request
   * — a phone's offline queue sending again — answers the session stored the first time and stores nothing.
   */
  async log(
    principal: Principal,
    body: CreateSessionRequest,
    clientKey?: string,
  ): Promise<LoggedSessionResponse> {
    this.guards.refuseFuture(body);
    const result = await transactionWithRetry(this.dataSource, async (em) => {
      const assignment = await this.ownAssignment(em, principal, body.assignmentId);
      if (clientKey) {
        // Two sends of one key at once wait for each other here; the second finds the first's session.
        await em.query(`SELECT pg_advisory_xact_lock(hashtext('sessions.client_key'), hashtext($1))`, [
          clientKey,
        ]);
        const [stored] = await em.query<{ id: string; assignment_id: string; session_date: string }[]>(
          `SELECT id, assignment_id, session_date::text AS session_date FROM sessions
            WHERE contact_id = $1 AND client_key = $2`,
          [assignment.contact_id, clientKey],
        );
        if (stored) return { replayOf: stored };
      }
      return this.insert(em, principal, assignment, body, null, clientKey ?? null);
    });
    if ('replayOf' in result) {
      const { id, assignment_id, session_date } = result.replayOf;
      return this.logged(principal, id, await this.quotasFor(principal, assignment_id, session_date));
    }
    return this.logged(principal, result.id, result.quotas);
  }

  /** A new session replacing one on a signed timesheet; the old one is kept, marked as replaced. */
  async correct(
    principal: Principal,
    id: string,
    body: CorrectSessionRequest,
  ): Promise<LoggedSessionResponse> {
    this.guards.refuseFuture(body);
    const result = await transactionWithRetry(this.dataSource, async (em) => {
      const original = await this.findOwn(em, principal, id);
      const [sheet] = await em.query<{ status: string }[]>(`SELECT status FROM timesheets WHERE id = $1`, [
        original.timesheet_id,
      ]);
      if (sheet.status === 'open') {
        throw conflict(
          'timesheet_not_signed',
          'The session is on a timesheet that is not signed yet: delete it and log it again',
        );
      }
      const assignment = await this.ownAssignment(em, principal, original.assignment_id);
      return this.insert(em, principal, assignment, body, { original, reason: body.reason });
    });
    return this.logged(principal, result.id, result.quotas);
  }

  /** Only while its timesheet is open; a signed one is corrected instead. */
  async remove(principal: Principal, id: string): Promise<void> {
    await transactionWithRetry(this.dataSource, async (em) => {
      const session = await this.findOwn(em, principal, id);
      const [sheet] = await em.query<{ status: string }[]>(
        `SELECT status FROM timesheets WHERE id = $1 FOR UPDATE`,
        [session.timesheet_id],
      );
      if (sheet.status !== 'open') {
        throw conflict('timesheet_signed', 'The session is on a signed timesheet; log a correction instead');
      }
      if (session.corrects_session_id) {
        throw conflict('correction_is_final', 'A correction is not deleted; correct it instead');
      }
      await em.query(`DELETE FROM sessions WHERE id = $1`, [id]);
    });
  }

  async list(principal: Principal, query: SessionListQuery): Promise<Page<SessionResponse>> {
    const params: unknown[] = [principal.municipalityId];
    const conditions = ['s.municipality_id = $1'];
    const where = (sql: string, value: unknown) => {
      params.push(value);
      conditions.push(sql.replace('?', `$${params.length}`));
    };
    if (principal.role === 'contact') where('s.contact_id = ?', principal.contactId);
    if (query.contactId) where('s.contact_id = ?', query.contactId);
    if (query.assignmentId) where('s.assignment_id = ?', query.assignmentId);
    if (query.timesheetId) where('s.timesheet_id = ?', query.timesheetId);
    if (query.from) where('s.session_date >= ?::date', query.from);
    if (query.to) where('s.session_date <= ?::date', query.to);
    const filter = conditions.join(' AND ');
    const [{ total }] = await this.dataSource.query<{ total: number }[]>(
      `SELECT count(*)::int AS total FROM sessions s WHERE ${filter}`,
      params,
    );
    const rows = await this.dataSource.query<SessionRow[]>(
      `${SELECT_SESSIONS} WHERE ${filter} ORDER BY s.session_date DESC, s.starts_at DESC, s.id
       LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, query.pageSize, query.offset],
    );
    return pageOf(rows.map(SessionResponse.from), total, query);
  }

  async get(principal: Principal, id: string): Promise<SessionResponse> {
    return SessionResponse.from(await this.findOwn(this.dataSource.manager, principal, id));
  }

  /** The quotas of an assignment's user(s) on a date: for a group, every current member with a vedtak. */
  async quotasFor(principal: Principal, assignmentId: string, date?: string): Promise<QuotaResponse[]> {
    const on = date ?? this.clock.today();
    const em = this.dataSource.manager;
    const assignment = await this.ownAssignment(em, principal, assignmentId);
    const userIds = assignment.group_id
      ? (
          await em.query<{ service_user_id: string }[]>(
            `SELECT service_user_id FROM group_members WHERE group_id = $1 ORDER BY seat`,
            [assignment.group_id],
          )
        ).map((r) => r.service_user_id)
      : [assignment.service_user_id!];
    const result: QuotaResponse[] = [];
    for (const userId of userIds) {
      const decision = await this.serviceUsers.currentDecision(em, principal.municipalityId, userId, on);
      const terms = decision ? await this.quotas.terms(em, decision.id) : undefined;
      if (terms) result.push(await this.quotas.status(em, terms, on));
    }
    return result;
  }

  /** The assignment, when it is the caller's (a contact) or in the caller's municipality (staff); else 404. */
  async ownAssignment(em: EntityManager, principal: Principal, id: string): Promise<AssignmentRef> {
    const [row] = await em.query<AssignmentRef[]>(
      `SELECT id, municipality_id, contact_id, service_user_id, group_id,
              starts_on::text AS starts_on, ends_on::text AS ends_on
         FROM assignments WHERE id = $1 AND municipality_id = $2`,
      [id, principal.municipalityId],
    );
    if (!row || (principal.role === 'contact' && row.contact_id !== principal.contactId)) {
      throw notFound('Assignment');
    }
    return row;
  }

  private async insert(
    em: EntityManager,
    principal: Principal,
    assignment: AssignmentRef,
    body: SessionFields,
    correction: { original: SessionRow; reason: string } | null,
    clientKey: string | null = null,
  ): Promise<{ id: string; quotas: QuotaResponse[] }> {
    const minutes = sessionMinutes(body.start, body.end);
    if (minutes <= 0) {
      throw badRequest('validation_failed', 'The request is invalid', [
        {
          field: 'end',
          reason: 'end must be after start on the same day (log a session past midnight as two)',
        },
      ]);
    }
    if (!withinAssignment(body.date, assignment.starts_on, assignment.ends_on)) {
      throw conflict('outside_assignment_period', 'The date is outside the assignment', {
        startsOn: assignment.starts_on,
        endsOn: assignment.ends_on,
      });
    }
    const attendees = await this.guards.attendees(em, assignment, body.presentServiceUserIds);
    await this.guards.refuseIneligibleContact(em, assignment, body.date);
    await this.absences.refuseAbsent(em, assignment.contact_id, body.date);
    const decisionIds: string[] = [];
    for (const userId of attendees)
      decisionIds.push(await this.guards.decisionInForce(em, assignment, userId, body.date));
    const decisions = await this.quotas.lockDecisions(em, [
      ...decisionIds,
      ...(correction?.original.attendees.map((a) => a.decisionId) ?? []),
    ]);
    if (correction) {
      const [original] = await em.query<{ superseded_at: Date | null }[]>(
        `SELECT superseded_at FROM sessions WHERE id = $1 FOR UPDATE`,
        [correction.original.id],
      );
      if (original.superseded_at !== null) {
        throw conflict(
          'session_already_corrected',
          'The session has been corrected already; correct the correction',
        );
      }
      await em.query(`UPDATE sessions SET superseded_at = now() WHERE id = $1`, [correction.original.id]);
    }
    const kmTenths = kmToTenths(body.km ?? 0);
    const shares = splitEvenly(kmTenths, attendees.length);
    const quotas = await this.quotas.check(
      em,
      body.date,
      decisionIds.map((id, i) => ({
        decision: decisions.get(id) as DecisionTerms,
        minutes,
        kmTenths: shares[i],
      })),
    );
    const timesheetId = await this.timesheets.openTimesheetFor(em, assignment, body.date);
    const [{ id }] = await em.query<{ id: string }[]>(
      `INSERT INTO sessions (municipality_id, assignment_id, contact_id, timesheet_id, session_date, starts_at,
                             ends_at, activity, km_tenths, expenses_ore, expenses_note, corrects_session_id,
                             correction_reason, created_by, client_key)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id`,
      [
        assignment.municipality_id,
        assignment.id,
        assignment.contact_id,
        timesheetId,
        body.date,
        body.start,
        body.end,
        body.activity.trim(),
        kmTenths,
        (body.expenses ?? []).reduce((sum, line) => sum + line.amountOre, 0),
        null,
        correction?.original.id ?? null,
        correction?.reason ?? null,
        principal.subject,
        clientKey,
      ],
    );
    await em.query(
      `INSERT INTO session_attendees (session_id, service_user_id, decision_id, km_share_tenths)
       SELECT $1, * FROM unnest($2::uuid[], $3::uuid[], $4::int[])`,
      [id, attendees, decisionIds, shares],
    );
    await fulfilPlans(em, {
      assignmentId: assignment.id,
      contactId: assignment.contact_id,
      date: body.date,
      start: body.start,
      end: body.end,
    });
    await this.expenses.recordLines(
      em,
      { id, municipalityId: assignment.municipality_id, contactId: assignment.contact_id, date: body.date },
      body.expenses ?? [],
    );
    return { id, quotas };
  }

  private async findOwn(em: EntityManager, principal: Principal, id: string): Promise<SessionRow> {
    const [row] = await em.query<SessionRow[]>(
      `${SELECT_SESSIONS} WHERE s.id = $1 AND s.municipality_id = $2`,
      [id, principal.municipalityId],
    );
    if (!row || (principal.role === 'contact' && row.contact_id !== principal.contactId)) {
      throw notFound('Session');
    }
    return row;
  }

  private async logged(
    principal: Principal,
    id: string,
    quotas: QuotaResponse[],
  ): Promise<LoggedSessionResponse> {
    const session = await this.get(principal, id);
    const warnings = [
      ...(quotas.some((q) => q.hours.warning) ? ['hours_quota_80_percent'] : []),
      ...(quotas.some((q) => q.km.warning) ? ['km_quota_80_percent'] : []),
    ];
    return { ...session, quotas, warnings };
  }
}
