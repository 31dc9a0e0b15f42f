import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Principal } from '../common/auth/principal';
import { Clock } from '../common/clock';
import { ApiError, conflict } from '../common/errors/api-error';
import { transactionWithRetry } from '../database/retry';
import { minutesToHours } from '../decisions/quota';
import { NotificationKind } from '../notifications/messages';
import { NotificationOutbox } from '../notifications/notification-outbox';
import { Recipients } from '../notifications/recipients';
import { tenthsToKm } from '../timesheets/session-rules';
import { loadContentLines, timesheetContentHash } from '../timesheets/timesheet-content';
import { CreateSigningRequest, SigningDecisionRequest } from './dto/signing.request';
import { SigningDecisionResponse, SigningRequestResponse, SigningViewResponse } from './dto/signing.response';
import { loadSignable, mask, newSigningRequest, recordSignature } from './signable';
import { hashToken, isTokenShaped } from './signing-tokens';

/** How long a signing link works. */
export const SIGNING_LINK_DAYS = 14;

interface RequestRow {
  id: string;
  municipality_id: string;
  timesheet_id: string;
  service_user_id: string;
  signer: 'user' | 'guardian';
  content_hash: string;
  expires_at: Date;
  status: 'pending' | 'signed' | 'objected' | 'voided';
}

const gone = (code: string, message: string) => new ApiError(HttpStatus.GONE, code, message);
const linkNotFound = () =>
  new ApiError(HttpStatus.NOT_FOUND, 'signing_link_not_found', 'This signing link does not exist');

/**
 * The user's own signature on a timesheet (DOMAIN rule 5): the contact sends it to signing, a one-time link goes
 * to the user or the guardian on record through the outbox, and the signer confirms or objects on a public page.
 * The link is single use, expires, and is bound to the timesheet's content hash (TRUST 34).
 */
@Injectable()
export class SigningService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: NotificationOutbox,
    private readonly recipients: Recipients,
    private readonly clock: Clock,
  ) {}

  /** "Send til signering": voids any earlier link of the timesheet and sends a new one. */
  async request(
    principal: Principal,
    timesheetId: string,
    body: CreateSigningRequest,
  ): Promise<SigningRequestResponse> {
    const expiresAt = new Date(this.clock.now().getTime() + SIGNING_LINK_DAYS * 86_400_000);
    const { response, notificationIds } = await transactionWithRetry(this.dataSource, async (em) => {
      const signable = await loadSignable(em, principal, timesheetId, body.serviceUserId);
      const { signer, signerId, address } = signable;
      const hash = signable.contentHash;
      const created = { id: await newSigningRequest(em, principal, timesheetId, signable, expiresAt) };
      const ids = await this.outbox.write(
        em,
        principal.municipalityId,
        NotificationKind.TimesheetToSign,
        created.id,
        [
          {
            kind: signer === 'guardian' ? 'guardian' : 'service_user',
            ref: signerId,
            address,
            channel: signable.channel,
          },
        ],
        {
          signingRequestId: created.id,
          periodStart: signable.periodStart,
          periodEnd: signable.periodEnd,
          expiresAt: expiresAt.toISOString(),
        },
      );
      return {
        notificationIds: ids,
        response: {
          id: created.id,
          timesheetId,
          signer,
          sentTo: mask(address),
          status: 'pending',
          expiresAt,
          contentHash: hash,
        },
      };
    });
    await this.outbox.dispatch(notificationIds);
    return response;
  }

  /** The public page's view of a link. Refuses, with a stable code, anything that cannot be signed. */
  async view(token: string): Promise<SigningViewResponse> {
    return this.dataSource.transaction('REPEATABLE READ', async (em) => {
      const request = await this.usable(em, token, false);
      const lines = await loadContentLines(em, request.timesheet_id);
      const [names] = await em.query<
        { user_first_name: string; contact_first_name: string; period_start: string; period_end: string }[]
      >(
        `SELECT su.first_name AS user_first_name, c.first_name AS contact_first_name,
                t.period_start::text AS period_start, t.period_end::text AS period_end
           FROM timesheets t JOIN contacts c ON c.id = t.contact_id
           JOIN service_users su ON su.id = $2
          WHERE t.id = $1`,
        [request.timesheet_id, request.service_user_id],
      );
      const minutes = lines.reduce((sum, line) => sum + line.minutes, 0);
      return {
        signer: request.signer,
        userFirstName: names.user_first_name,
        contactFirstName: names.contact_first_name,
        periodStart: names.period_start,
        periodEnd: names.period_end,
        expiresAt: request.expires_at,
        lines: lines.map((line) => ({
          date: line.date,
          start: line.start,
          end: line.end,
          hours: minutesToHours(line.minutes),
          activity: line.activity,
          km: tenthsToKm(line.kmTenths),
          expensesOre: line.expensesOre,
          correction: line.correctsSessionId !== null,
        })),
        totals: {
          sessions: lines.length,
          hours: minutesToHours(minutes),
          km: tenthsToKm(lines.reduce((sum, line) => sum + line.kmTenths, 0)),
          expensesOre: lines.reduce((sum, line) => sum + line.expensesOre, 0),
        },
      };
    });
  }

  /** Confirm (the timesheet is signed) or object (it stays open; the coordinators are told). Once. */
  async decide(token: string, body: SigningDecisionRequest): Promise<SigningDecisionResponse> {
    const { response, notificationIds } = await transactionWithRetry(this.dataSource, async (em) => {
      const request = await this.usable(em, token, true);
      const decidedAt = this.clock.now();
      const [sheet] = await em.query<{ period_start: string; period_end: string }[]>(
        `SELECT period_start::text AS period_start, period_end::text AS period_end FROM timesheets WHERE id = $1`,
        [request.timesheet_id],
      );
      let kind: NotificationKind;
      if (body.decision === 'confirm') {
        await recordSignature(em, request, 'link', decidedAt);
        kind = NotificationKind.TimesheetSigned;
      } else {
        await em.query(
          `UPDATE signing_requests SET status = 'objected', decided_at = $2, comment = $3 WHERE id = $1`,
          [request.id, decidedAt, body.comment],
        );
        kind = NotificationKind.TimesheetObjected;
      }
      const ids = await this.outbox.write(
        em,
        request.municipality_id,
        kind,
        request.id,
        await this.recipients.coordinators(em, request.municipality_id),
        { timesheetId: request.timesheet_id, periodStart: sheet.period_start, periodEnd: sheet.period_end },
      );
      return {
        notificationIds: ids,
        response: {
          status: body.decision === 'confirm' ? ('signed' as const) : ('objected' as const),
          decidedAt,
        },
      };
    });
    await this.outbox.dispatch(notificationIds);
    return response;
  }

  /**
   * The request behind a token, if it can still be answered: 404 for a token that never existed (or was altered),
   * 410 for one used, replaced or expired, 409 when the timesheet changed after the link was sent.
   */
  private async usable(em: EntityManager, token: string, lock: boolean): Promise<RequestRow> {
    if (!isTokenShaped(token)) throw linkNotFound();
    const [request] = await em.query<RequestRow[]>(
      `SELECT id, municipality_id, timesheet_id, service_user_id, signer, content_hash, expires_at, status
         FROM signing_requests WHERE token_hash = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [hashToken(token)],
    );
    if (!request) throw linkNotFound();
    if (request.status === 'signed' || request.status === 'objected') {
      throw gone('signing_link_used', 'This signing link has been used already');
    }
    if (request.status === 'voided') {
      throw gone('signing_link_replaced', 'A newer signing link was sent for this timesheet');
    }
    if (request.expires_at.getTime() <= this.clock.now().getTime()) {
      throw gone('signing_link_expired', 'This signing link has expired');
    }
    const [sheet] = await em.query<{ status: string }[]>(
      `SELECT status FROM timesheets WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [request.timesheet_id],
    );
    if (
      sheet.status !== 'open' ||
      (await timesheetContentHash(em, request.timesheet_id)) !== request.content_hash
    ) {
      throw conflict(
        'timesheet_changed',
        'The timesheet has changed since this link was sent; ask for a new one',
      );
    }
    return request;
  }
}
