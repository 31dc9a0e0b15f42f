import { EntityManager } from 'typeorm';
import { Principal } from '../common/auth/principal';
import { badRequest, conflict, notFound } from '../common/errors/api-error';
import { contentHash, ContentLine, loadContentLines } from '../timesheets/timesheet-content';

/** The timesheet a contact sends to signing, who signs it and where their message goes. */
export interface Signable {
  periodStart: string;
  periodEnd: string;
  signerId: string;
  signer: 'user' | 'guardian';
  /** An e-mail address, or a phone number where the user chose SMS. */
  address: string;
  channel: 'email' | 'sms';
  lines: ContentLine[];
  contentHash: string;
}

/** Masks an address for the contact's eyes: the first letter and the domain, or a number's last two digits. */
export const mask = (address: string) =>
  address.includes('@')
    ? address.replace(/^(.)[^@]*(@.*)$/, '$1***$2')
    : `*** ** *${address.replace(/\D/g, '').slice(-2)}`;

/**
 * Locks the contact's own open timesheet and finds its signer: the guardian on record when there is one with an
 * address, else the user. Shared by the link and the one-time code, so both ask the same person.
 */
export async function loadSignable(
  em: EntityManager,
  principal: Principal,
  timesheetId: string,
  serviceUserId: string | undefined,
): Promise<Signable> {
  const [sheet] = await em.query<
    {
      status: string;
      contact_id: string;
      service_user_id: string | null;
      period_start: string;
      period_end: string;
    }[]
  >(
    `SELECT t.status, t.contact_id, a.service_user_id, t.period_start::text AS period_start,
            t.period_end::text AS period_end
       FROM timesheets t JOIN assignments a ON a.id = t.assignment_id
      WHERE t.id = $1 AND t.municipality_id = $2 FOR UPDATE OF t`,
    [timesheetId, principal.municipalityId],
  );
  if (!sheet || sheet.contact_id !== principal.contactId) throw notFound('Timesheet');
  if (sheet.status !== 'open') {
    throw conflict('timesheet_already_signed', 'The timesheet is signed already', { status: sheet.status });
  }
  const lines = await loadContentLines(em, timesheetId);
  if (lines.length === 0) throw conflict('timesheet_empty', 'A timesheet without sessions is not signed');
  const signerId = sheet.service_user_id ?? serviceUserId;
  if (!signerId) {
    throw badRequest('validation_failed', 'The request is invalid', [
      { field: 'serviceUserId', reason: 'a group timesheet names the member who signs' },
    ]);
  }
  if (!lines.some((line) => line.attendees.includes(signerId))) {
    throw conflict('signer_not_on_timesheet', 'The signer is not a user on this timesheet');
  }
  const [user] = await em.query<
    {
      email: string | null;
      phone: string | null;
      guardian_name: string | null;
      guardian_email: string | null;
      guardian_phone: string | null;
      notify_by: 'email' | 'sms' | 'none';
    }[]
  >(
    `SELECT email, phone, guardian_name, guardian_email, guardian_phone, notify_by FROM service_users WHERE id = $1`,
    [signerId],
  );
  // By SMS where the user chose it (the guardian's number when there is a guardian with one), else by e-mail.
  const channel = user.notify_by === 'sms' ? 'sms' : 'email';
  const guardianAddress = channel === 'sms' ? user.guardian_phone : user.guardian_email;
  const signer: 'user' | 'guardian' = user.guardian_name && guardianAddress ? 'guardian' : 'user';
  const address = signer === 'guardian' ? guardianAddress : channel === 'sms' ? user.phone : user.email;
  if (!address || user.notify_by === 'none') {
    throw conflict(
      'no_signing_address',
      'Neither the user nor a guardian on record has an address for their channel (e-mail, or a phone number for SMS)',
    );
  }
  return {
    periodStart: sheet.period_start,
    periodEnd: sheet.period_end,
    signerId,
    signer,
    address,
    channel,
    lines,
    contentHash: contentHash(lines),
  };
}

/** The request a signature is given on. */
export interface SignedRequest {
  id: string;
  timesheet_id: string;
  service_user_id: string;
  signer: 'user' | 'guardian';
  content_hash: string;
}

/**
 * Records the signer's own signature on the timesheet and closes the request: who (the user, or the guardian by
 * name), how, when and over what content. The link and the code differ only in `method`.
 */
export async function recordSignature(
  em: EntityManager,
  request: SignedRequest,
  method: 'link' | 'one_time_code',
  at: Date,
): Promise<void> {
  const [user] = await em.query<{ first_name: string; last_name: string; guardian_name: string | null }[]>(
    `SELECT first_name, last_name, guardian_name FROM service_users WHERE id = $1`,
    [request.service_user_id],
  );
  const name =
    request.signer === 'guardian' && user.guardian_name
      ? user.guardian_name
      : `${user.first_name} ${user.last_name}`;
  await em.query(
    `UPDATE timesheets
        SET status = 'signed', signed_by = $2, signer_service_user_id = $3, signer_name = $4, signed_at = $5,
            signature_recorded_by = $8, signature_recorded_at = $5, signature_method = $9,
            signature_content_hash = $6, signing_request_id = $7, version = version + 1
      WHERE id = $1 AND status = 'open'`,
    [
      request.timesheet_id,
      request.signer,
      request.service_user_id,
      name,
      at,
      request.content_hash,
      request.id,
      method === 'link' ? 'signing-link' : 'one-time-code',
      method,
    ],
  );
  await em.query(`UPDATE signing_requests SET status = 'signed', decided_at = $2 WHERE id = $1`, [
    request.id,
    at,
  ]);
}

/** A new pending request for the timesheet; any earlier pending one (and its link or code) is void. */
export async function newSigningRequest(
  em: EntityManager,
  principal: Principal,
  timesheetId: string,
  signable: Signable,
  expiresAt: Date,
): Promise<string> {
  await em.query(
    `UPDATE signing_requests SET status = 'voided' WHERE timesheet_id = $1 AND status = 'pending'`,
    [timesheetId],
  );
  const [created] = await em.query<{ id: string }[]>(
    `INSERT INTO signing_requests
       (municipality_id, timesheet_id, service_user_id, signer, content_hash, expires_at, requested_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [
      principal.municipalityId,
      timesheetId,
      signable.signerId,
      signable.signer,
      signable.contentHash,
      expiresAt,
      principal.subject,
    ],
  );
  return created.id;
}
