/** The read side of sessions and timesheets: hand-written SQL, visible for review. */

/** One session with who was present; `$n` placeholders are added by the caller's WHERE. */
export const SELECT_SESSIONS = `
  SELECT s.id, s.municipality_id, s.assignment_id, s.contact_id, s.timesheet_id, s.session_date::text AS date,
         to_char(s.starts_at, 'HH24:MI') AS start, to_char(s.ends_at, 'HH24:MI') AS "end", s.minutes,
         s.activity, s.km_tenths, s.expenses_ore, s.expenses_note, s.corrects_session_id, s.correction_reason,
         s.superseded_at, s.created_at,
         COALESCE((SELECT json_agg(json_build_object('serviceUserId', sa.service_user_id,
                                                     'decisionId', sa.decision_id,
                                                     'kmTenths', sa.km_share_tenths)
                                   ORDER BY sa.service_user_id)
                     FROM session_attendees sa WHERE sa.session_id = s.id), '[]') AS attendees,
         COALESCE((SELECT json_agg(json_build_object('categoryId', e.category_id, 'categoryName', ec.name,
                                                     'rule', ec.rule, 'quantity', e.quantity,
                                                     'amountOre', e.amount_ore, 'coveredOre', e.covered_ore,
                                                     'note', e.note)
                                   ORDER BY e.position)
                     FROM session_expenses e JOIN expense_categories ec ON ec.id = e.category_id
                    WHERE e.session_id = s.id), '[]') AS expenses
    FROM sessions s`;

export interface Attendee {
  serviceUserId: string;
  decisionId: string;
  kmTenths: number;
}

/** One expense line of a session, with what its category's rule covered when it was logged. */
export interface ExpenseLine {
  categoryId: string;
  categoryName: string;
  rule: 'per_unit' | 'monthly_cap' | 'not_covered';
  quantity: number;
  amountOre: number;
  coveredOre: number;
  note: string | null;
}

export interface SessionRow {
  id: string;
  municipality_id: string;
  assignment_id: string;
  contact_id: string;
  timesheet_id: string;
  date: string;
  start: string;
  end: string;
  minutes: number;
  activity: string;
  km_tenths: number;
  expenses_ore: number;
  expenses_note: string | null;
  corrects_session_id: string | null;
  correction_reason: string | null;
  superseded_at: Date | null;
  created_at: Date;
  attendees: Attendee[];
  expenses: ExpenseLine[];
}

/** One timesheet with the names a reader needs and its totals (live sessions and corrections, net). */
export const SELECT_TIMESHEETS = `
  SELECT t.id, t.assignment_id, t.contact_id, c.first_name AS contact_first_name, c.last_name AS contact_last_name,
         a.service_user_id, su.first_name AS user_first_name, su.last_name AS user_last_name,
         a.group_id, g.name AS group_name,
         t.period_start::text AS period_start, t.period_end::text AS period_end, t.status,
         t.signed_by, t.signer_service_user_id, t.signer_name, t.signed_at, t.signature_recorded_by,
         t.signature_recorded_at, t.signature_method, t.signature_content_hash, t.approved_by, t.approved_at,
         t.version, t.created_at, totals.sessions, totals.minutes, totals.km_tenths, totals.expenses_ore,
         totals.expenses_covered_ore,
         sr.status AS signing_status, sr.signer AS signing_signer, sr.created_at AS signing_requested_at,
         sr.expires_at AS signing_expires_at, sr.decided_at AS signing_decided_at, sr.comment AS signing_comment,
         signed.code_sent_to AS signature_code_sent_to
    FROM timesheets t
    JOIN assignments a ON a.id = t.assignment_id
    JOIN contacts c ON c.id = t.contact_id
    LEFT JOIN service_users su ON su.id = a.service_user_id
    LEFT JOIN activity_groups g ON g.id = a.group_id
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS sessions,
             COALESCE(sum(s.minutes - COALESCE(o.minutes, 0)), 0)::int AS minutes,
             COALESCE(sum(s.km_tenths - COALESCE(o.km_tenths, 0)), 0)::int AS km_tenths,
             COALESCE(sum(s.expenses_ore - COALESCE(o.expenses_ore, 0)), 0)::int AS expenses_ore,
             COALESCE(sum((SELECT COALESCE(sum(e.covered_ore), 0) FROM session_expenses e WHERE e.session_id = s.id)
                          - (SELECT COALESCE(sum(e.covered_ore), 0) FROM session_expenses e
                              WHERE e.session_id = o.id)), 0)::int AS expenses_covered_ore
        FROM sessions s LEFT JOIN sessions o ON o.id = s.corrects_session_id
       WHERE s.timesheet_id = t.id) totals
    LEFT JOIN LATERAL (
      SELECT r.status, r.signer, r.created_at, r.expires_at, r.decided_at, r.comment FROM signing_requests r
       WHERE r.timesheet_id = t.id ORDER BY r.created_at DESC, r.id LIMIT 1) sr ON true
    LEFT JOIN signing_requests signed ON signed.id = t.signing_request_id`;

export interface TimesheetRow {
  id: string;
  assignment_id: string;
  contact_id: string;
  contact_first_name: string;
  contact_last_name: string;
  service_user_id: string | null;
  user_first_name: string | null;
  user_last_name: string | null;
  group_id: string | null;
  group_name: string | null;
  period_start: string;
  period_end: string;
  status: 'open' | 'signed' | 'approved';
  signed_by: 'user' | 'guardian' | null;
  signer_service_user_id: string | null;
  signer_name: string | null;
  signed_at: Date | null;
  signature_recorded_by: string | null;
  signature_recorded_at: Date | null;
  signature_method: 'recorded' | 'link' | 'one_time_code' | null;
  signature_content_hash: string | null;
  signature_code_sent_to: string | null;
  signing_status: 'pending' | 'signed' | 'objected' | 'voided' | null;
  signing_signer: 'user' | 'guardian' | null;
  signing_requested_at: Date | null;
  signing_expires_at: Date | null;
  signing_decided_at: Date | null;
  signing_comment: string | null;
  approved_by: string | null;
  approved_at: Date | null;
  version: number;
  created_at: Date;
  sessions: number;
  minutes: number;
  km_tenths: number;
  expenses_ore: number;
  expenses_covered_ore: number;
}

/** Live minutes of the sessions counted against a decision in [$2, $3]. */
export const USED_MINUTES_SQL = `
  SELECT COALESCE(sum(s.minutes), 0)::int AS used
    FROM session_attendees sa JOIN sessions s ON s.id = sa.session_id
   WHERE sa.decision_id = $1 AND s.session_date BETWEEN $2::date AND $3::date AND s.superseded_at IS NULL`;

/** Live km (tenths) of a decision's passenger shares in [$2, $3]. */
export const USED_KM_SQL = `
  SELECT COALESCE(sum(sa.km_share_tenths), 0)::int AS used
    FROM session_attendees sa JOIN sessions s ON s.id = sa.session_id
   WHERE sa.decision_id = $1 AND s.session_date BETWEEN $2::date AND $3::date AND s.superseded_at IS NULL`;

/** Overruns approved for a decision's period ($2 kind, $3 period start). */
export const APPROVED_OVERRUN_SQL = `
  SELECT COALESCE(sum(extra), 0)::int AS extra
    FROM quota_overruns WHERE decision_id = $1 AND kind = $2 AND period_start = $3::date`;
