import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Principal } from '../common/auth/principal';
import { addDays, compare } from '../common/dates';
import { policeCertificateValidUntil } from '../contacts/eligibility';
import { NotificationKind } from '../notifications/messages';
import { NotificationOutbox } from '../notifications/notification-outbox';
import { Recipients } from '../notifications/recipients';
import { LapseListQuery, LapseResponse, LapseListResponse } from './dto/lapse.dto';
import { lapseStatus, LapseStatus, LAPSE_WARNING_DAYS } from './lapse-rules';

interface Finding {
  kind: 'police_certificate' | 'decision';
  subjectId: string;
  contactId: string | null;
  serviceUserId: string | null;
  validUntil: string;
  status: LapseStatus;
  openAssignments: number;
}

/**
 * The daily lapse scan (issue 5): politiattester and vedtak that lapse within 30 days or have lapsed. A scan
 * replaces the municipality's findings in one transaction keyed by (municipality, scan date), so a job that runs
 * twice leaves the same rows. Blocking is not the scan's job: sessions and assignments check validity on their
 * own dates; the scan tells coordinators in time.
 */
@Injectable()
export class LapsesService {
  private readonly logger = new Logger(LapsesService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: NotificationOutbox,
    private readonly recipients: Recipients,
  ) {}

  /** Every municipality, one transaction each. */
  async scanAll(scanDate: string): Promise<{ municipalities: number; findings: number }> {
    const municipalities = await this.dataSource.query<{ id: string }[]>(
      `SELECT id FROM municipalities ORDER BY id`,
    );
    let findings = 0;
    for (const { id } of municipalities) findings += await this.scan(id, scanDate);
    this.logger.log({ scanDate, municipalities: municipalities.length, findings }, 'lapse scan finished');
    return { municipalities: municipalities.length, findings };
  }

  async scan(municipalityId: string, scanDate: string): Promise<number> {
    const { count, notificationIds } = await this.dataSource.transaction(async (em) => {
      // One scan per municipality at a time; a rerun of the same day simply rewrites the same rows.
      await em.query(`SELECT pg_advisory_xact_lock(hashtext('lapse-scan:' || $1))`, [municipalityId]);
      const findings = [
        ...(await this.certificates(em, municipalityId, scanDate)),
        ...(await this.decisions(em, municipalityId, scanDate)),
      ];
      await em.query(`DELETE FROM lapse_alerts WHERE municipality_id = $1`, [municipalityId]);
      if (findings.length > 0) {
        await em.query(
          `INSERT INTO lapse_alerts (municipality_id, kind, subject_id, contact_id, service_user_id, valid_until,
                                     status, open_assignments, scanned_on)
           SELECT $1, kind::lapse_kind, subject_id, contact_id, service_user_id, valid_until, status::lapse_status,
                  open_assignments, $2
             FROM unnest($3::text[], $4::uuid[], $5::uuid[], $6::uuid[], $7::date[], $8::text[], $9::int[])
                  AS f(kind, subject_id, contact_id, service_user_id, valid_until, status, open_assignments)`,
          [
            municipalityId,
            scanDate,
            findings.map((f) => f.kind),
            findings.map((f) => f.subjectId),
            findings.map((f) => f.contactId),
            findings.map((f) => f.serviceUserId),
            findings.map((f) => f.validUntil),
            findings.map((f) => f.status),
            findings.map((f) => f.openAssignments),
          ],
        );
      }
      await em.query(
        `INSERT INTO municipality_lapse_scans (municipality_id, scanned_on) VALUES ($1, $2)
         ON CONFLICT (municipality_id) DO UPDATE SET scanned_on = EXCLUDED.scanned_on, finished_at = now()`,
        [municipalityId, scanDate],
      );
      return {
        count: findings.length,
        notificationIds: await this.notifyLapsing(em, municipalityId, findings),
      };
    });
    await this.outbox.dispatch(notificationIds);
    return count;
  }

  /**
   * A politiattest entering its last 30 days: the contact and the coordinators are told, once per certificate
   * (the event is the contact and the certificate's last day, so tomorrow's scan adds nothing).
   */
  private async notifyLapsing(
    em: EntityManager,
    municipalityId: string,
    findings: Finding[],
  ): Promise<string[]> {
    const lapsing = findings.filter((f) => f.kind === 'police_certificate' && f.status === 'lapsing');
    if (lapsing.length === 0) return [];
    const coordinators = await this.recipients.coordinators(em, municipalityId);
    const ids: string[] = [];
    for (const finding of lapsing) {
      const contactId = finding.contactId!;
      ids.push(
        ...(await this.outbox.write(
          em,
          municipalityId,
          NotificationKind.PoliceCertificateLapsing,
          `${contactId}:${finding.validUntil}`,
          [...(await this.recipients.contact(em, contactId)), ...coordinators],
          { contactId, validUntil: finding.validUntil },
        )),
      );
    }
    return ids;
  }

  async list(principal: Principal, query: LapseListQuery): Promise<LapseListResponse> {
    const [scan] = await this.dataSource.query<{ scanned_on: string }[]>(
      `SELECT scanned_on::text AS scanned_on FROM municipality_lapse_scans WHERE municipality_id = $1`,
      [principal.municipalityId],
    );
    const rows = await this.dataSource.query<LapseRow[]>(
      `SELECT l.kind, l.subject_id, l.contact_id, l.service_user_id, l.valid_until::text AS valid_until, l.status,
              l.open_assignments, COALESCE(c.first_name, u.first_name) AS first_name,
              COALESCE(c.last_name, u.last_name) AS last_name
         FROM lapse_alerts l
         LEFT JOIN contacts c ON c.id = l.contact_id
         LEFT JOIN service_users u ON u.id = l.service_user_id
        WHERE l.municipality_id = $1 AND ($2::lapse_kind IS NULL OR l.kind = $2)
          AND ($3::lapse_status IS NULL OR l.status = $3)
        ORDER BY l.valid_until, l.kind, l.subject_id`,
      [principal.municipalityId, query.kind ?? null, query.status ?? null],
    );
    return {
      scannedOn: scan?.scanned_on ?? null,
      warningDays: LAPSE_WARNING_DAYS,
      items: rows.map(toResponse),
    };
  }

  private async certificates(em: EntityManager, municipalityId: string, today: string): Promise<Finding[]> {
    const rows = await em.query<{ id: string; issued_on: string; months: number; open: number }[]>(
      `SELECT c.id, c.police_certificate_issued_on::text AS issued_on, m.police_certificate_validity_months AS months,
              (SELECT count(*) FROM assignments a WHERE a.contact_id = c.id AND a.end_reason IS NULL)::int AS open
         FROM contacts c JOIN municipalities m ON m.id = c.municipality_id
        WHERE c.municipality_id = $1 AND c.active AND c.police_certificate_issued_on IS NOT NULL`,
      [municipalityId],
    );
    return rows.flatMap((row) => {
      const validUntil = policeCertificateValidUntil(row.issued_on, {
        policeCertificateValidityMonths: row.months,
      });
      const status = lapseStatus(validUntil, today);
      return status
        ? [
            {
              kind: 'police_certificate' as const,
              subjectId: row.id,
              contactId: row.id,
              serviceUserId: null,
              validUntil,
              status,
              openAssignments: row.open,
            },
          ]
        : [];
    });
  }

  /**
   * Each user's latest vedtak (a renewed one replaces the old), when it lapses within the warning window, or has
   * lapsed within it, or has lapsed while the user still has an assignment open.
   */
  private async decisions(em: EntityManager, municipalityId: string, today: string): Promise<Finding[]> {
    const rows = await em.query<{ id: string; service_user_id: string; valid_to: string; open: number }[]>(
      `SELECT d.id, d.service_user_id, d.valid_to::text AS valid_to,
              ((SELECT count(*) FROM assignments a WHERE a.service_user_id = d.service_user_id AND a.end_reason IS NULL)
               + (SELECT count(*) FROM assignments a JOIN group_members gm ON gm.group_id = a.group_id
                   WHERE gm.service_user_id = d.service_user_id AND a.end_reason IS NULL))::int AS open
         FROM (SELECT DISTINCT ON (service_user_id) * FROM decisions WHERE municipality_id = $1
                ORDER BY service_user_id, valid_to DESC, created_at DESC) d
        WHERE d.valid_to < $2::date + $3::int`,
      [municipalityId, today, LAPSE_WARNING_DAYS],
    );
    return rows.flatMap((row) => {
      const status = lapseStatus(row.valid_to, today);
      const longAgo = compare(row.valid_to, addDays(today, -LAPSE_WARNING_DAYS)) < 0;
      if (!status || (status === 'lapsed' && longAgo && row.open === 0)) return [];
      return [
        {
          kind: 'decision' as const,
          subjectId: row.id,
          contactId: null,
          serviceUserId: row.service_user_id,
          validUntil: row.valid_to,
          status,
          openAssignments: row.open,
        },
      ];
    });
  }
}

interface LapseRow {
  kind: 'police_certificate' | 'decision';
  subject_id: string;
  contact_id: string | null;
  service_user_id: string | null;
  valid_until: string;
  status: LapseStatus;
  open_assignments: number;
  first_name: string | null;
  last_name: string | null;
}

function toResponse(row: LapseRow): LapseResponse {
  return {
    kind: row.kind,
    subjectId: row.subject_id,
    contactId: row.contact_id,
    serviceUserId: row.service_user_id,
    firstName: row.first_name ?? '',
    lastName: row.last_name ?? '',
    validUntil: row.valid_until,
    status: row.status,
    openAssignments: row.open_assignments,
  };
}
