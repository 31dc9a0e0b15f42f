import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { endOfMonth, startOfIsoWeek, startOfMonth } from '../common/dates';
import { hoursToMinutes, periodQuota } from '../decisions/quota';
import { HoursQuotaResponse, KmQuotaResponse, QuotaWarningResponse } from './dto/quota.response';

interface Row {
  id: string;
  service_user_id: string;
  first_name: string;
  last_name: string;
  hours_granted: string;
  driving_km_granted: number;
  hs: string;
  he: string;
  ks: string;
  ke: string;
  used_minutes: number;
  used_km: number;
  extra_minutes: number;
  extra_km: number;
}

/** Every vedtak in force on $5, with hours and km used in its current quota periods, in one query. */
const SQL = `
  WITH d AS (
    SELECT d.id, d.service_user_id, d.hours_granted, d.driving_km_granted,
           CASE d.hours_period WHEN 'week' THEN $2::date ELSE $3::date END AS hs,
           CASE d.hours_period WHEN 'week' THEN $2::date + 6 ELSE $4::date END AS he,
           CASE d.driving_period WHEN 'week' THEN $2::date ELSE $3::date END AS ks,
           CASE d.driving_period WHEN 'week' THEN $2::date + 6 ELSE $4::date END AS ke
      FROM decisions d
     WHERE d.municipality_id = $1 AND d.valid_from <= $5::date AND d.valid_to >= $5::date)
  SELECT d.id, d.service_user_id, u.first_name, u.last_name, d.hours_granted, d.driving_km_granted,
         d.hs::text AS hs, d.he::text AS he, d.ks::text AS ks, d.ke::text AS ke,
         (SELECT COALESCE(sum(s.minutes), 0) FROM session_attendees sa JOIN sessions s ON s.id = sa.session_id
           WHERE sa.decision_id = d.id AND s.superseded_at IS NULL AND s.session_date BETWEEN d.hs AND d.he)::int
           AS used_minutes,
         (SELECT COALESCE(sum(sa.km_share_tenths), 0) FROM session_attendees sa JOIN sessions s ON s.id = sa.session_id
           WHERE sa.decision_id = d.id AND s.superseded_at IS NULL AND s.session_date BETWEEN d.ks AND d.ke)::int
           AS used_km,
         (SELECT COALESCE(sum(o.extra), 0) FROM quota_overruns o
           WHERE o.decision_id = d.id AND o.kind = 'hours' AND o.period_start = d.hs)::int AS extra_minutes,
         (SELECT COALESCE(sum(o.extra), 0) FROM quota_overruns o
           WHERE o.decision_id = d.id AND o.kind = 'km' AND o.period_start = d.ks)::int AS extra_km
    FROM d JOIN service_users u ON u.id = d.service_user_id
   ORDER BY u.last_name, u.first_name, d.id`;

/** The coordinators' view of the 80 % warning (DOMAIN rule 3): users at or over 80 % of this period's quota. */
@Injectable()
export class QuotaWarningsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(municipalityId: string, today: string): Promise<QuotaWarningResponse[]> {
    const rows = await this.dataSource.query<Row[]>(SQL, [
      municipalityId,
      startOfIsoWeek(today),
      startOfMonth(today),
      endOfMonth(today),
      today,
    ]);
    return rows
      .map((row) => {
        const hours = HoursQuotaResponse.from(
          { start: row.hs, end: row.he },
          periodQuota({
            granted: hoursToMinutes(Number(row.hours_granted)),
            approvedOverrun: row.extra_minutes,
            used: row.used_minutes,
            requested: 0,
          }),
        );
        const km = KmQuotaResponse.from(
          { start: row.ks, end: row.ke },
          periodQuota({
            granted: row.driving_km_granted * 10,
            approvedOverrun: row.extra_km,
            used: row.used_km,
            requested: 0,
          }),
        );
        return {
          serviceUserId: row.service_user_id,
          firstName: row.first_name,
          lastName: row.last_name,
          decisionId: row.id,
          hours,
          km,
          warning: hours.warning || km.warning,
        };
      })
      .filter((view) => view.warning);
  }
}
