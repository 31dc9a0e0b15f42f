import { daysInForce, DecisionDates } from '../decisions/quota';
import { CREATED_AT_SORTABLE_SQL } from '../decisions/decision-in-force';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { compare, daysBetween } from '../common/dates';
import { minutesToHours } from '../decisions/quota';
import {
  ContactHoursLine,
  EndedAssignmentsReport,
  HoursReport,
  KprReport,
  UserHoursLine,
  WaitingBands,
  WaitingTimesReport,
} from './dto/report.dto';
import { DurationBand, durationBand, grantedMinutesInRange, waitingBand } from './report-rules';

/** KPR (Kommunalt pasient- og brukerregister) service code for støttekontakt. */
export const KPR_SERVICE_CODE = 9;

const LIVE_MINUTES_BY_USER = `
  SELECT sa.service_user_id, sum(s.minutes)::int AS minutes
    FROM session_attendees sa JOIN sessions s ON s.id = sa.session_id
   WHERE s.municipality_id = $1 AND s.superseded_at IS NULL AND s.session_date BETWEEN $2::date AND $3::date
   GROUP BY sa.service_user_id`;

/** Reports for coordinators and the yearly KPR figures; everything within one municipality. */
@Injectable()
export class ReportsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Hours granted vs used, per user (from the vedtak) and per contact (from the assignments). */
  async hours(municipalityId: string, from: string, to: string): Promise<HoursReport> {
    const decisions = await this.dataSource.query<
      {
        service_user_id: string;
        first_name: string;
        last_name: string;
        hours_granted: string;
        hours_period: 'week' | 'month';
        valid_from: string;
        valid_to: string;
        id: string;
        decided_on: string;
        created_at: string;
      }[]
    >(
      `SELECT d.service_user_id, u.first_name, u.last_name, d.hours_granted, d.hours_period,
              d.valid_from::text AS valid_from, d.valid_to::text AS valid_to, d.id, d.decided_on::text AS decided_on,
              ${CREATED_AT_SORTABLE_SQL} AS created_at
         FROM decisions d JOIN service_users u ON u.id = d.service_user_id
        WHERE d.municipality_id = $1 AND d.valid_from <= $3::date AND d.valid_to >= $2::date
        ORDER BY u.last_name, u.first_name, u.id`,
      [municipalityId, from, to],
    );
    const used = new Map(
      (
        await this.dataSource.query<{ service_user_id: string; minutes: number }[]>(LIVE_MINUTES_BY_USER, [
          municipalityId,
          from,
          to,
        ])
      ).map((r) => [r.service_user_id, r.minutes]),
    );
    // A renewal that overlaps the vedtak before it takes over from its first day: no day is granted twice.
    const datesOf = (d: (typeof decisions)[number]): DecisionDates => ({
      id: d.id,
      validFrom: d.valid_from,
      validTo: d.valid_to,
      decidedOn: d.decided_on,
      createdAt: d.created_at,
    });
    const byUser = new Map<string, DecisionDates[]>();
    for (const d of decisions)
      byUser.set(d.service_user_id, [...(byUser.get(d.service_user_id) ?? []), datesOf(d)]);
    const users = new Map<string, UserHoursLine & { grantedMinutes: number }>();
    for (const d of decisions) {
      const line = users.get(d.service_user_id) ?? {
        serviceUserId: d.service_user_id,
        firstName: d.first_name,
        lastName: d.last_name,
        grantedMinutes: 0,
        grantedHours: 0,
        usedHours: 0,
        usedPercent: null,
      };
      line.grantedMinutes += grantedMinutesInRange(
        {
          hoursGranted: Number(d.hours_granted),
          hoursPeriod: d.hours_period,
          validFrom: d.valid_from,
          validTo: d.valid_to,
        },
        from,
        to,
        daysInForce(datesOf(d), byUser.get(d.service_user_id) ?? [], from, to),
      );
      users.set(d.service_user_id, line);
    }
    const userLines = [...users.values()].map(({ grantedMinutes, ...line }) => {
      const usedMinutes = used.get(line.serviceUserId) ?? 0;
      return {
        ...line,
        grantedHours: minutesToHours(grantedMinutes),
        usedHours: minutesToHours(usedMinutes),
        usedPercent: grantedMinutes > 0 ? Math.round((usedMinutes / grantedMinutes) * 1000) / 10 : null,
      };
    });
    const contacts = await this.dataSource.query<
      {
        contact_id: string;
        first_name: string;
        last_name: string;
        assigned_minutes: number;
        used_minutes: number;
      }[]
    >(
      `SELECT c.id AS contact_id, c.first_name, c.last_name,
              COALESCE((SELECT round(sum(a.weekly_hours * 60 *
                          (LEAST(COALESCE(a.ends_on, $3::date), $3::date) - GREATEST(a.starts_on, $2::date) + 1) / 7.0))
                          FROM assignments a
                         WHERE a.contact_id = c.id AND a.starts_on <= $3::date AND COALESCE(a.ends_on, $3::date) >= $2::date), 0)::int
                AS assigned_minutes,
              COALESCE((SELECT sum(s.minutes) FROM sessions s
                         WHERE s.contact_id = c.id AND s.superseded_at IS NULL
                           AND s.session_date BETWEEN $2::date AND $3::date), 0)::int AS used_minutes
         FROM contacts c
        WHERE c.municipality_id = $1
          AND (EXISTS (SELECT 1 FROM assignments a WHERE a.contact_id = c.id AND a.starts_on <= $3::date
                         AND COALESCE(a.ends_on, $3::date) >= $2::date)
               OR EXISTS (SELECT 1 FROM sessions s WHERE s.contact_id = c.id AND s.session_date BETWEEN $2::date AND $3::date))
        ORDER BY c.last_name, c.first_name, c.id`,
      [municipalityId, from, to],
    );
    const contactLines: ContactHoursLine[] = contacts.map((c) => ({
      contactId: c.contact_id,
      firstName: c.first_name,
      lastName: c.last_name,
      assignedHours: minutesToHours(c.assigned_minutes),
      usedHours: minutesToHours(c.used_minutes),
    }));
    return { from, to, users: userLines, contacts: contactLines };
  }

  /**
   * Helsedirektoratet's waiting times, from when the user started waiting (the vedtak, or when it took effect)
   * to their first start with a contact: alone, or in a group that had a contact.
   */
  async waitingTimes(municipalityId: string, from: string, to: string): Promise<WaitingTimesReport> {
    const rows = await this.dataSource.query<{ waiting_since: string; first_start: string | null }[]>(
      `SELECT d.waiting_since::text AS waiting_since,
              (SELECT min(x.started)::text FROM (
                 SELECT a.starts_on AS started FROM assignments a
                  WHERE a.service_user_id = d.service_user_id AND a.starts_on >= d.waiting_since
                 UNION ALL
                 SELECT GREATEST(a.starts_on, gm.joined_at::date) FROM group_members gm
                   JOIN assignments a ON a.group_id = gm.group_id
                  WHERE gm.service_user_id = d.service_user_id
                    AND GREATEST(a.starts_on, gm.joined_at::date) >= d.waiting_since) x) AS first_start
         FROM decisions d
        WHERE d.municipality_id = $1 AND d.waiting_since <= $2::date`,
      [municipalityId, to],
    );
    const started = emptyBands();
    const stillWaiting = emptyBands();
    for (const row of rows) {
      if (row.first_start && compare(row.first_start, from) >= 0 && compare(row.first_start, to) <= 0) {
        started[waitingBand(daysBetween(row.waiting_since, row.first_start))]++;
      } else if (!row.first_start || compare(row.first_start, to) > 0) {
        stillWaiting[waitingBand(daysBetween(row.waiting_since, to))]++;
      }
    }
    return { from, to, started, stillWaiting };
  }

  /** Matches (assignments) that ended in the range, by how soon after their start, with the reasons. */
  async endedAssignments(municipalityId: string, from: string, to: string): Promise<EndedAssignmentsReport> {
    const rows = await this.dataSource.query<{ starts_on: string; ends_on: string; end_reason: string }[]>(
      `SELECT starts_on::text AS starts_on, ends_on::text AS ends_on, end_reason FROM assignments
        WHERE municipality_id = $1 AND ends_on BETWEEN $2::date AND $3::date AND end_reason IS NOT NULL`,
      [municipalityId, from, to],
    );
    const bands: Record<DurationBand, { count: number; reasons: Record<string, number> }> = {
      within3Months: { count: 0, reasons: {} },
      within6Months: { count: 0, reasons: {} },
      within12Months: { count: 0, reasons: {} },
      after12Months: { count: 0, reasons: {} },
    };
    for (const row of rows) {
      const band = bands[durationBand(row.starts_on, row.ends_on)];
      band.count++;
      band.reasons[row.end_reason] = (band.reasons[row.end_reason] ?? 0) + 1;
    }
    return { from, to, ended: rows.length, ...bands };
  }

  /** KPR: hours of støttekontakt (service code 9) per user in the year, from the live sessions. */
  async kpr(municipalityId: string, year: number): Promise<KprReport> {
    const rows = await this.dataSource.query<
      { service_user_id: string; national_id: string; minutes: number }[]
    >(
      `SELECT u.id AS service_user_id, u.national_id, used.minutes
         FROM (${LIVE_MINUTES_BY_USER}) used JOIN service_users u ON u.id = used.service_user_id
        ORDER BY u.id`,
      [municipalityId, `${year}-01-01`, `${year}-12-31`],
    );
    const lines = rows.map((row) => ({
      serviceUserId: row.service_user_id,
      nationalId: row.national_id,
      serviceCode: KPR_SERVICE_CODE,
      year,
      hours: minutesToHours(row.minutes),
    }));
    const totalMinutes = rows.reduce((sum, row) => sum + row.minutes, 0);
    return { year, lines, totalHours: minutesToHours(totalMinutes) };
  }
}

function emptyBands(): WaitingBands {
  return { within15Days: 0, from16To30Days: 0, from31Days: 0 };
}
