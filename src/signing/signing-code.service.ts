import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Principal } from '../common/auth/principal';
import { Clock } from '../common/clock';
import { AppConfig } from '../config/app-config.service';
import { ApiError, conflict, notFound } from '../common/errors/api-error';
import { transactionWithRetry } from '../database/retry';
import { NotificationKind } from '../notifications/messages';
import { NotificationOutbox } from '../notifications/notification-outbox';
import { Recipients } from '../notifications/recipients';
import { timesheetContentHash } from '../timesheets/timesheet-content';
import { CreateSigningRequest } from './dto/signing.request';
import { SigningCodeResponse, SigningDecisionResponse } from './dto/signing.response';
import {
  attemptsLeftAfterWrong,
  CODE_MAX_ATTEMPTS,
  CODE_MINUTES,
  CODE_WINDOW_MINUTES,
  codeMatches,
  codeRefusal,
  codeRequestAllowed,
} from './one-time-code';
import { loadSignable, mask, newSigningRequest, recordSignature } from './signable';
import { SIGNING_LINK_DAYS } from './signing.service';

interface CodeRow {
  id: string;
  municipality_id: string;
  timesheet_id: string;
  service_user_id: string;
  signer: 'user' | 'guardian';
  content_hash: string;
  status: 'pending' | 'signed' | 'objected' | 'voided';
  expires_at: Date;
  code_hash: Buffer | null;
  code_expires_at: Date | null;
  code_attempts: number;
}

/** What a try came to, decided in the transaction; a wrong or voided code is counted there, then refused. */
type Outcome =
  | { kind: 'signed'; decidedAt: Date; notificationIds: string[] }
  | { kind: 'wrong'; attemptsLeft: number }
  | { kind: 'changed' };

const gone = (code: string, message: string) => new ApiError(HttpStatus.GONE, code, message);

/**
 * The signature by a one-time code on the contact's phone (issue 16): a second method of the same signing
 * request as the link. The code goes to the signer's own address through the outbox and is made by the worker
 * when it sends, so neither the contact, the API's answer nor the log ever holds it; only its hash is stored.
 */
@Injectable()
export class SigningCodeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: NotificationOutbox,
    private readonly recipients: Recipients,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /** Sends a code for the timesheet's pending request (a new request when there is none for this content). */
  async send(
    principal: Principal,
    timesheetId: string,
    body: CreateSigningRequest,
  ): Promise<SigningCodeResponse> {
    const now = this.clock.now();
    const codeExpiresAt = new Date(now.getTime() + CODE_MINUTES * 60_000);
    const { response, notificationIds } = await transactionWithRetry(this.dataSource, async (em) => {
      const signable = await loadSignable(em, principal, timesheetId, body.serviceUserId);
      const earlier = await em.query<{ requested_at: Date }[]>(
        `SELECT requested_at FROM signing_code_requests
          WHERE timesheet_id = $1 AND requested_at > $2::timestamptz - make_interval(mins => $3)`,
        [timesheetId, now, CODE_WINDOW_MINUTES],
      );
      const allowed = codeRequestAllowed(
        earlier.map((row) => row.requested_at),
        now,
      );
      if (!allowed.allowed) {
        throw new ApiError(
          HttpStatus.TOO_MANY_REQUESTS,
          'signing_code_too_many',
          'Too many codes were sent for this timesheet; wait before asking for another',
          [],
          { retryAfterSeconds: allowed.retryAfterSeconds },
        );
      }
      // The same request as the link when it is for this content and signer, so either method signs it once.
      const [pending] = await em.query<{ id: string }[]>(
        `SELECT id FROM signing_requests
          WHERE timesheet_id = $1 AND status = 'pending' AND content_hash = $2 AND service_user_id = $3
            AND expires_at > $4 FOR UPDATE`,
        [timesheetId, signable.contentHash, signable.signerId, now],
      );
      const requestId =
        pending?.id ??
        (await newSigningRequest(
          em,
          principal,
          timesheetId,
          signable,
          new Date(now.getTime() + SIGNING_LINK_DAYS * 86_400_000),
        ));
      const sentTo = mask(signable.address);
      // A new code voids the one before: its hash is cleared, and the worker makes only the newest number.
      // TypeORM answers an UPDATE … RETURNING with [rows, affected count].
      const [[{ code_seq: codeSeq }]] = await em.query<[{ code_seq: number }[], number]>(
        `UPDATE signing_requests
            SET code_hash = NULL, code_expires_at = $2, code_attempts = 0, code_sent_to = $3,
                code_seq = code_seq + 1
          WHERE id = $1 RETURNING code_seq`,
        [requestId, codeExpiresAt, sentTo],
      );
      await em.query(
        `INSERT INTO signing_code_requests (signing_request_id, timesheet_id, requested_by, requested_at)
         VALUES ($1, $2, $3, $4)`,
        [requestId, timesheetId, principal.subject, now],
      );
      const ids = await this.outbox.write(
        em,
        principal.municipalityId,
        NotificationKind.SigningCode,
        `${requestId}:${codeSeq}`,
        [
          {
            kind: signable.signer === 'guardian' ? 'guardian' : 'service_user',
            ref: signable.signerId,
            address: signable.address,
            channel: signable.channel,
          },
        ],
        { signingRequestId: requestId, codeSeq, codeExpiresAt: codeExpiresAt.toISOString() },
      );
      return {
        notificationIds: ids,
        response: {
          signingRequestId: requestId,
          timesheetId,
          signer: signable.signer,
          sentTo,
          codeExpiresAt,
          attempts: CODE_MAX_ATTEMPTS,
        },
      };
    });
    await this.outbox.dispatch(notificationIds);
    return response;
  }

  /** The code typed in on the contact's phone: right, the timesheet is signed; wrong, the try is counted. */
  async confirm(principal: Principal, timesheetId: string, code: string): Promise<SigningDecisionResponse> {
    const outcome = await transactionWithRetry(this.dataSource, (em) =>
      this.tryCode(em, principal, timesheetId, code),
    );
    if (outcome.kind === 'changed') {
      throw conflict(
        'timesheet_changed',
        'The timesheet has changed since the code was sent; ask for a new one',
      );
    }
    if (outcome.kind === 'wrong') {
      throw new ApiError(
        HttpStatus.BAD_REQUEST,
        'signing_code_wrong',
        'The code is not the one that was sent',
        [{ field: 'code', reason: 'not the code that was sent' }],
        { attemptsLeft: outcome.attemptsLeft },
      );
    }
    await this.outbox.dispatch(outcome.notificationIds);
    return { status: 'signed', decidedAt: outcome.decidedAt };
  }

  private async tryCode(
    em: EntityManager,
    principal: Principal,
    timesheetId: string,
    code: string,
  ): Promise<Outcome> {
    const now = this.clock.now();
    const [sheet] = await em.query<{ contact_id: string; status: string }[]>(
      `SELECT contact_id, status FROM timesheets WHERE id = $1 AND municipality_id = $2 FOR UPDATE`,
      [timesheetId, principal.municipalityId],
    );
    if (!sheet || sheet.contact_id !== principal.contactId) throw notFound('Timesheet');
    const [request] = await em.query<CodeRow[]>(
      `SELECT id, municipality_id, timesheet_id, service_user_id, signer, content_hash, status, expires_at,
              code_hash, code_expires_at, code_attempts
         FROM signing_requests WHERE timesheet_id = $1 AND code_seq > 0
        ORDER BY created_at DESC, id LIMIT 1 FOR UPDATE`,
      [timesheetId],
    );
    if (!request || request.status === 'voided') throw notRequested();
    if (request.status !== 'pending' || sheet.status !== 'open') {
      throw gone(
        'signing_code_used',
        'The timesheet has been answered already; the code cannot be used again',
      );
    }
    const refusal =
      request.expires_at.getTime() <= now.getTime()
        ? 'expired'
        : codeRefusal(
            { hash: request.code_hash, expiresAt: request.code_expires_at, attempts: request.code_attempts },
            now,
          );
    if (refusal === 'not_requested') throw notRequested();
    if (refusal === 'used_up') {
      throw gone('signing_code_used_up', 'The code was tried too many times; ask for a new one');
    }
    if (refusal === 'expired') throw gone('signing_code_expired', 'The code has expired; ask for a new one');
    if ((await timesheetContentHash(em, timesheetId)) !== request.content_hash) {
      // The signer was sent a code for other content: it is void, whatever is typed.
      await em.query(`UPDATE signing_requests SET code_hash = NULL WHERE id = $1`, [request.id]);
      return { kind: 'changed' };
    }
    if (!codeMatches(this.config.get('SIGNING_CODE_PEPPER')!, request.code_hash!, request.id, code)) {
      await em.query(`UPDATE signing_requests SET code_attempts = code_attempts + 1 WHERE id = $1`, [
        request.id,
      ]);
      return { kind: 'wrong', attemptsLeft: attemptsLeftAfterWrong(request.code_attempts) };
    }
    await recordSignature(em, request, 'one_time_code', now);
    const [period] = await em.query<{ period_start: string; period_end: string }[]>(
      `SELECT period_start::text AS period_start, period_end::text AS period_end FROM timesheets WHERE id = $1`,
      [timesheetId],
    );
    const notificationIds = await this.outbox.write(
      em,
      request.municipality_id,
      NotificationKind.TimesheetSigned,
      request.id,
      await this.recipients.coordinators(em, request.municipality_id),
      { timesheetId, periodStart: period.period_start, periodEnd: period.period_end },
    );
    return { kind: 'signed', decidedAt: now, notificationIds };
  }
}

const notRequested = () =>
  conflict('signing_code_not_requested', 'No code has been sent for this timesheet; ask for one first');
