import { createHash } from 'node:crypto';
import { EntityManager } from 'typeorm';

/** What a signature covers: every line of the timesheet as the signer saw it. */
export interface ContentLine {
  id: string;
  date: string;
  start: string;
  end: string;
  minutes: number;
  activity: string;
  kmTenths: number;
  expensesOre: number;
  correctsSessionId: string | null;
  attendees: string[];
}

/**
 * The timesheet's content hash: SHA-256 over its lines in a fixed order and shape. A signing link is bound to
 * it, and a signature keeps it, so any change to a session after the link was sent voids the link (TRUST 34).
 */
export function contentHash(lines: ContentLine[]): string {
  const canonical = [...lines]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((line) => [
      line.id,
      line.date,
      line.start,
      line.end,
      line.minutes,
      line.activity,
      line.kmTenths,
      line.expensesOre,
      line.correctsSessionId,
      [...line.attendees].sort(),
    ]);
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}

export async function loadContentLines(em: EntityManager, timesheetId: string): Promise<ContentLine[]> {
  return em.query<ContentLine[]>(
    `SELECT s.id, s.session_date::text AS date, to_char(s.starts_at, 'HH24:MI') AS start,
            to_char(s.ends_at, 'HH24:MI') AS "end", s.minutes, s.activity, s.km_tenths AS "kmTenths",
            s.expenses_ore AS "expensesOre", s.corrects_session_id AS "correctsSessionId",
            COALESCE((SELECT array_agg(sa.service_user_id::text ORDER BY sa.service_user_id)
                        FROM session_attendees sa WHERE sa.session_id = s.id), '{}') AS attendees
       FROM sessions s WHERE s.timesheet_id = $1
      ORDER BY s.session_date, s.starts_at, s.id`,
    [timesheetId],
  );
}

export async function timesheetContentHash(em: EntityManager, timesheetId: string): Promise<string> {
  return contentHash(await loadContentLines(em, timesheetId));
}
