import { createHash } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { addDays } from '../../src/common/dates';
import { payPeriodContaining } from '../../src/timesheets/pay-period';
import { contentHash, loadContentLines } from '../../src/timesheets/timesheet-content';
import { DemoData } from './demo-municipality';

/** How many of the demo's timesheets wait for a coordinator's approval. */
export const DEMO_SIGNED_TIMESHEETS = 3;

const SESSIONS = [
  { day: 3, start: '17:00', end: '19:00', activity: 'Kino', kmTenths: 0 },
  { day: 10, start: '16:00', end: '18:00', activity: 'Tur i marka', kmTenths: 125 },
  { day: 17, start: '12:00', end: '14:00', activity: 'Kafé', kmTenths: 80 },
];

/** A fixed id in the demo's own block (6) per kind (1 timesheet, 2 session, 3 signing request). */
const uuid = (kind: number, n: number) => `5e7d0006-000${kind}-4000-8000-${String(n).padStart(12, '0')}`;

/**
 * Timesheets of the last whole pay period that the users have signed and that wait for approval: the contact
 * logged the sessions, sent the timesheet to signing, and the user confirmed by their own link, as the signing
 * flow records it (src/signing/signing.service.ts): a signing request bound to the timesheet's content hash,
 * marked signed, and the timesheet's signature by 'link' over that same hash, so a coordinator can approve it.
 * No message goes to the outbox: the demo sends no e-mail. One session a week of 2 hours stays within every
 * demo vedtak's hours (at least 2 a week or 8 a month), km only where driving is granted.
 */
export async function seedSignedTimesheets(
  em: EntityManager,
  demo: DemoData,
  today: string,
): Promise<number> {
  const period = payPeriodContaining(addDays(payPeriodContaining(today).start, -1));
  const users = new Map(demo.users.map((u) => [u.id, u]));
  const contacts = new Set<string>();
  const chosen = demo.assignments.filter((a) => {
    const user = a.serviceUserId ? users.get(a.serviceUserId) : undefined;
    if (!user || a.startsOn > period.start || user.decision.validTo < period.end) return false;
    if (contacts.has(a.contactId)) return false;
    contacts.add(a.contactId);
    return true;
  });
  let n = 0;
  for (const assignment of chosen.slice(0, DEMO_SIGNED_TIMESHEETS)) {
    n++;
    const user = users.get(assignment.serviceUserId!)!;
    const timesheetId = uuid(1, n);
    await em.query(
      `INSERT INTO timesheets (id, municipality_id, assignment_id, contact_id, period_start, period_end)
       SELECT $1, municipality_id, id, contact_id, $3, $4 FROM assignments WHERE id = $2`,
      [timesheetId, assignment.id, period.start, period.end],
    );
    for (const [i, s] of SESSIONS.entries()) {
      const kmTenths = user.decision.drivingKmGranted > 0 ? s.kmTenths : 0;
      const sessionId = uuid(2, n * 10 + i);
      await em.query(
        `INSERT INTO sessions (id, municipality_id, assignment_id, contact_id, timesheet_id, session_date,
                               starts_at, ends_at, activity, km_tenths, created_by)
         SELECT $1, municipality_id, id, contact_id, $3, $4, $5, $6, $7, $8, 'demo-seed'
           FROM assignments WHERE id = $2`,
        [
          sessionId,
          assignment.id,
          timesheetId,
          addDays(period.start, s.day),
          s.start,
          s.end,
          s.activity,
          kmTenths,
        ],
      );
      await em.query(
        `INSERT INTO session_attendees (session_id, service_user_id, decision_id, km_share_tenths)
         VALUES ($1, $2, $3, $4)`,
        [sessionId, user.id, user.decision.id, kmTenths],
      );
    }
    // The address the link went to, and the request bound to the content as it was sent.
    const email = `${user.firstName}.${user.lastName}.${n}@example.no`.toLowerCase();
    await em.query(`UPDATE service_users SET email = $2 WHERE id = $1`, [user.id, email]);
    const hash = contentHash(await loadContentLines(em, timesheetId));
    // Sent on the period's last day, after its last session, and signed that evening: both before today.
    const requestedAt = new Date(`${period.end}T14:00:00Z`);
    const signedAt = new Date(`${period.end}T18:30:00Z`);
    const requestId = uuid(3, n);
    await em.query(
      `INSERT INTO signing_requests (id, municipality_id, timesheet_id, service_user_id, signer, token_hash,
                                     content_hash, expires_at, status, requested_by, created_at, decided_at)
       SELECT $1, municipality_id, $2, $3, 'user', $4, $5, $6, 'signed', 'demo-seed', $7, $8
         FROM timesheets WHERE id = $2`,
      [
        requestId,
        timesheetId,
        user.id,
        // The used link's token hash: the token itself was never kept.
        createHash('sha256').update(`demo-signing-${n}-${today}`).digest(),
        hash,
        new Date(requestedAt.getTime() + 14 * 86_400_000),
        requestedAt,
        signedAt,
      ],
    );
    await em.query(
      `UPDATE timesheets
          SET status = 'signed', signed_by = 'user', signer_service_user_id = $2, signer_name = $3, signed_at = $4,
              signature_recorded_by = 'signing-link', signature_recorded_at = $4, signature_method = 'link',
              signature_content_hash = $5, signing_request_id = $6, version = version + 1
        WHERE id = $1 AND status = 'open'`,
      [timesheetId, user.id, `${user.firstName} ${user.lastName}`, signedAt, hash, requestId],
    );
  }
  return n;
}
