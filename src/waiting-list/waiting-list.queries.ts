import { currentDecisionSql, hasContactSql } from '../service-users/service-user.queries';
import { effectiveWaitingSinceSql } from './waiting-since.sql';
import { waitingBandSql } from './waiting-band';

/**
 * Everyone waiting in a municipality ($1) on a date ($2): a vedtak in force and no contact (the same rule as
 * GET /service-users?waiting=true), with the date the need arose, the days waited, the band and the case state.
 */
export const WAITING_USERS_SQL = `
  SELECT w.service_user_id, w.first_name, w.last_name, w.decision_id, w.service_form,
         w.waiting_since::text AS waiting_since, w.introduction_id, w.meeting_starts_at, w.proposal_id,
         ($2::date - w.waiting_since)::int AS waiting_days,
         ${waitingBandSql('($2::date - w.waiting_since)')} AS band,
         CASE WHEN w.introduction_status = 'booked' THEN 'introduction_booked'
              WHEN w.introduction_status = 'awaiting_booking' THEN 'awaiting_booking'
              WHEN w.proposal_id IS NOT NULL THEN 'proposed'
              ELSE 'no_proposal' END AS state
    FROM (
      SELECT u.id AS service_user_id, u.first_name, u.last_name, d.id AS decision_id, d.service_form,
             ${effectiveWaitingSinceSql('u.id', 'd.waiting_since', '$2')} AS waiting_since,
             i.id AS introduction_id, i.status AS introduction_status, i.starts_at AS meeting_starts_at,
             (SELECT p.id FROM proposals p WHERE p.service_user_id = u.id AND p.status = 'open'
               ORDER BY p.created_at DESC LIMIT 1) AS proposal_id
        FROM service_users u
        JOIN decisions d ON d.id = ${currentDecisionSql('u.id', '$2')}
        LEFT JOIN introductions i ON i.service_user_id = u.id AND i.status IN ('awaiting_booking', 'booked')
       WHERE u.municipality_id = $1 AND NOT ${hasContactSql('u.id', '$2')}
    ) w`;

export interface WaitingUserRow {
  service_user_id: string;
  first_name: string;
  last_name: string;
  decision_id: string;
  service_form: string;
  waiting_since: string;
  waiting_days: number;
  band: string;
  state: string;
  proposal_id: string | null;
  introduction_id: string | null;
  meeting_starts_at: Date | null;
}
