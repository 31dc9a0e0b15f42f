import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Principal } from '../common/auth/principal';
import { Clock } from '../common/clock';
import { badRequest, notFound } from '../common/errors/api-error';
import { transactionWithRetry } from '../database/retry';
import {
  complaintDeadline,
  complaintDeadlineSql,
  complaintInTime,
  interimNoticeDueOn,
  interimNoticeDueOnSql,
} from './deadline-rules';
import {
  ApplicationResponse,
  ComplaintOutcomeRequest,
  ComplaintResponse,
  CreateApplicationRequest,
  CreateComplaintRequest,
  CreateInterimNoticeRequest,
  DecisionDeliveryRequest,
  DecisionDeliveryResponse,
  DueNoticeResponse,
  RunningDeadlineResponse,
} from './dto/case-deadlines.dto';

const notInFuture = (field: string, value: string, today: string) => {
  if (value > today) {
    throw badRequest('validation_failed', 'The request is invalid', [
      { field, reason: `${field} cannot be in the future` },
    ]);
  }
};

/**
 * Deadlines from the law (DOMAIN rule 10): applications and their interim notices, deliveries of vedtak and
 * complaints. Staff only; reads that name users go through the access log in the controller.
 */
@Injectable()
export class CaseDeadlinesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async createApplication(
    principal: Principal,
    body: CreateApplicationRequest,
  ): Promise<ApplicationResponse> {
    notInFuture('receivedOn', body.receivedOn, this.clock.today());
    const [user] = await this.dataSource.query<{ id: string }[]>(
      `SELECT id FROM service_users WHERE id = $1 AND municipality_id = $2`,
      [body.serviceUserId, principal.municipalityId],
    );
    if (!user) throw notFound('Service user');
    const [row] = await this.dataSource.query<{ id: string }[]>(
      `INSERT INTO applications (municipality_id, service_user_id, received_on, created_by)
       VALUES ($1, $2, $3, $4) RETURNING id`,
      [principal.municipalityId, user.id, body.receivedOn, principal.subject],
    );
    return this.application(principal, row.id);
  }

  async application(principal: Principal, id: string, em: EntityManager = this.dataSource.manager) {
    const [row] = await em.query<
      { id: string; service_user_id: string; received_on: string; decision_id: string | null }[]
    >(
      `SELECT id, service_user_id, received_on::text AS received_on, decision_id FROM applications
        WHERE id = $1 AND municipality_id = $2`,
      [id, principal.municipalityId],
    );
    if (!row) throw notFound('Application');
    const notices = await em.query<
      { id: string; sent_on: string; reason: string; expected_decision_by: string; recorded_by: string }[]
    >(
      `SELECT id, sent_on::text AS sent_on, reason, expected_decision_by::text AS expected_decision_by, recorded_by
         FROM interim_notices WHERE application_id = $1 ORDER BY sent_on, created_at`,
      [id],
    );
    return {
      id: row.id,
      serviceUserId: row.service_user_id,
      receivedOn: row.received_on,
      decisionId: row.decision_id,
      noticeDueOn: interimNoticeDueOn(row.received_on),
      interimNotices: notices.map((n) => ({
        id: n.id,
        sentOn: n.sent_on,
        reason: n.reason,
        expectedDecisionBy: n.expected_decision_by,
        recordedBy: n.recorded_by,
      })),
    } satisfies ApplicationResponse;
  }

  /** The vedtak that answers the application: it leaves the list of notices due. */
  async decideApplication(
    principal: Principal,
    id: string,
    decisionId: string,
  ): Promise<ApplicationResponse> {
    return transactionWithRetry(this.dataSource, async (em) => {
      const application = await this.application(principal, id, em);
      const [decision] = await em.query<{ id: string }[]>(
        `SELECT id FROM decisions WHERE id = $1 AND municipality_id = $2 AND service_user_id = $3`,
        [decisionId, principal.municipalityId, application.serviceUserId],
      );
      if (!decision) throw notFound('Decision');
      await em.query(`UPDATE applications SET decision_id = $2 WHERE id = $1`, [id, decision.id]);
      return this.application(principal, id, em);
    });
  }

  async recordInterimNotice(
    principal: Principal,
    id: string,
    body: CreateInterimNoticeRequest,
  ): Promise<ApplicationResponse> {
    notInFuture('sentOn', body.sentOn, this.clock.today());
    return transactionWithRetry(this.dataSource, async (em) => {
      const application = await this.application(principal, id, em);
      const fields: { field: string; reason: string }[] = [];
      if (body.sentOn < application.receivedOn)
        fields.push({ field: 'sentOn', reason: 'sentOn cannot be before the application was received' });
      if (body.expectedDecisionBy < body.sentOn)
        fields.push({ field: 'expectedDecisionBy', reason: 'expectedDecisionBy cannot be before sentOn' });
      if (fields.length > 0) throw badRequest('validation_failed', 'The request is invalid', fields);
      await em.query(
        `INSERT INTO interim_notices (application_id, sent_on, reason, expected_decision_by, recorded_by)
         VALUES ($1, $2, $3, $4, $5)`,
        [id, body.sentOn, body.reason, body.expectedDecisionBy, principal.subject],
      );
      return this.application(principal, id, em);
    });
  }

  /** Applications a month old (or more) with no vedtak and no interim notice yet: a notice is due. */
  async dueNotices(principal: Principal): Promise<DueNoticeResponse[]> {
    const today = this.clock.today();
    const rows = await this.dataSource.query<
      {
        id: string;
        service_user_id: string;
        first_name: string;
        last_name: string;
        received_on: string;
        due_on: string;
      }[]
    >(
      `SELECT a.id, a.service_user_id, su.first_name, su.last_name, a.received_on::text AS received_on,
              ${interimNoticeDueOnSql('a.received_on')}::text AS due_on
         FROM applications a JOIN service_users su ON su.id = a.service_user_id
        WHERE a.municipality_id = $1 AND a.decision_id IS NULL
          AND ${interimNoticeDueOnSql('a.received_on')} <= $2::date
          AND NOT EXISTS (SELECT 1 FROM interim_notices n WHERE n.application_id = a.id)
        ORDER BY a.received_on, a.id`,
      [principal.municipalityId, today],
    );
    return rows.map((r) => ({
      applicationId: r.id,
      serviceUserId: r.service_user_id,
      firstName: r.first_name,
      lastName: r.last_name,
      receivedOn: r.received_on,
      noticeDueOn: r.due_on,
      state: r.due_on === today ? 'due' : 'overdue',
    }));
  }

  async recordDelivery(
    principal: Principal,
    decisionId: string,
    body: DecisionDeliveryRequest,
  ): Promise<DecisionDeliveryResponse> {
    const today = this.clock.today();
    notInFuture('sentOn', body.sentOn, today);
    if (body.receivedOn) notInFuture('receivedOn', body.receivedOn, today);
    if (body.receivedOn && body.receivedOn < body.sentOn) {
      throw badRequest('validation_failed', 'The request is invalid', [
        { field: 'receivedOn', reason: 'receivedOn cannot be before sentOn' },
      ]);
    }
    await this.decision(principal, decisionId);
    await this.dataSource.query(
      `INSERT INTO decision_deliveries (decision_id, municipality_id, sent_on, received_on, recorded_by)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (decision_id) DO UPDATE
         SET sent_on = EXCLUDED.sent_on, received_on = EXCLUDED.received_on, recorded_by = EXCLUDED.recorded_by,
             updated_at = now()`,
      [decisionId, principal.municipalityId, body.sentOn, body.receivedOn ?? null, principal.subject],
    );
    const delivery = { sentOn: body.sentOn, receivedOn: body.receivedOn ?? null };
    return { decisionId, ...delivery, complaintDeadline: complaintDeadline(delivery) };
  }

  async recordComplaint(
    principal: Principal,
    decisionId: string,
    body: CreateComplaintRequest,
  ): Promise<ComplaintResponse> {
    notInFuture('receivedOn', body.receivedOn, this.clock.today());
    await this.decision(principal, decisionId);
    const [row] = await this.dataSource.query<{ id: string }[]>(
      `INSERT INTO complaints (municipality_id, decision_id, received_on, note, recorded_by)
       VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [principal.municipalityId, decisionId, body.receivedOn, body.note ?? null, principal.subject],
    );
    return this.complaint(principal, row.id);
  }

  async recordOutcome(
    principal: Principal,
    id: string,
    body: ComplaintOutcomeRequest,
  ): Promise<ComplaintResponse> {
    const complaint = await this.complaint(principal, id);
    if (body.decidedOn < complaint.receivedOn) {
      throw badRequest('validation_failed', 'The request is invalid', [
        { field: 'decidedOn', reason: 'decidedOn cannot be before the complaint was received' },
      ]);
    }
    notInFuture('decidedOn', body.decidedOn, this.clock.today());
    await this.dataSource.query(`UPDATE complaints SET outcome = $2, outcome_on = $3 WHERE id = $1`, [
      id,
      body.outcome,
      body.decidedOn,
    ]);
    return this.complaint(principal, id);
  }

  async complaint(principal: Principal, id: string): Promise<ComplaintResponse> {
    const [row] = await this.dataSource.query<
      {
        id: string;
        decision_id: string;
        service_user_id: string;
        received_on: string;
        note: string | null;
        outcome: ComplaintResponse['outcome'];
        outcome_on: string | null;
        sent_on: string | null;
        delivered_on: string | null;
      }[]
    >(
      `SELECT k.id, k.decision_id, d.service_user_id, k.received_on::text AS received_on, k.note, k.outcome,
              k.outcome_on::text AS outcome_on, dd.sent_on::text AS sent_on, dd.received_on::text AS delivered_on
         FROM complaints k JOIN decisions d ON d.id = k.decision_id
         LEFT JOIN decision_deliveries dd ON dd.decision_id = k.decision_id
        WHERE k.id = $1 AND k.municipality_id = $2`,
      [id, principal.municipalityId],
    );
    if (!row) throw notFound('Complaint');
    const deadline = row.sent_on
      ? complaintDeadline({ sentOn: row.sent_on, receivedOn: row.delivered_on })
      : null;
    return {
      id: row.id,
      decisionId: row.decision_id,
      serviceUserId: row.service_user_id,
      receivedOn: row.received_on,
      note: row.note,
      deadline,
      inTime: deadline === null ? null : complaintInTime(deadline, row.received_on),
      outcome: row.outcome,
      outcomeOn: row.outcome_on,
    };
  }

  /** Vedtak delivered whose 4-week complaint deadline still runs today and that have no complaint yet. */
  async runningDeadlines(principal: Principal): Promise<RunningDeadlineResponse[]> {
    const today = this.clock.today();
    const deadline = complaintDeadlineSql('dd.sent_on', 'dd.received_on');
    const rows = await this.dataSource.query<
      {
        decision_id: string;
        service_user_id: string;
        first_name: string;
        last_name: string;
        sent_on: string;
        received_on: string | null;
        deadline: string;
        days_left: number;
      }[]
    >(
      `SELECT dd.decision_id, d.service_user_id, su.first_name, su.last_name, dd.sent_on::text AS sent_on,
              dd.received_on::text AS received_on, ${deadline}::text AS deadline, (${deadline} - $2::date) AS days_left
         FROM decision_deliveries dd JOIN decisions d ON d.id = dd.decision_id
         JOIN service_users su ON su.id = d.service_user_id
        WHERE dd.municipality_id = $1 AND ${deadline} >= $2::date
          AND NOT EXISTS (SELECT 1 FROM complaints k WHERE k.decision_id = dd.decision_id)
        ORDER BY ${deadline}, dd.decision_id`,
      [principal.municipalityId, today],
    );
    return rows.map((r) => ({
      decisionId: r.decision_id,
      serviceUserId: r.service_user_id,
      firstName: r.first_name,
      lastName: r.last_name,
      sentOn: r.sent_on,
      receivedOn: r.received_on,
      deadline: r.deadline,
      daysLeft: Number(r.days_left),
    }));
  }

  /** The decision's user, for the access log; 404 for a missing or foreign vedtak. */
  async decision(principal: Principal, decisionId: string): Promise<{ serviceUserId: string }> {
    const [row] = await this.dataSource.query<{ service_user_id: string }[]>(
      `SELECT service_user_id FROM decisions WHERE id = $1 AND municipality_id = $2`,
      [decisionId, principal.municipalityId],
    );
    if (!row) throw notFound('Decision');
    return { serviceUserId: row.service_user_id };
  }
}
