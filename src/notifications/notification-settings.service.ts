import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Principal } from '../common/auth/principal';
import { badRequest, conflict, notFound } from '../common/errors/api-error';
import { AppConfig } from '../config/app-config.service';
import { smsConfigured } from './sms-config';
import {
  Channel,
  MyNotificationSettings,
  ServiceUserNotificationSettings,
} from './dto/notification-settings.dto';

/** Each person's choice of channel: on the contact or user record, or a row per staff login. */
@Injectable()
export class NotificationSettingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  /** SMS is a choice only where the municipality has a provider and the person a number on record. */
  private refuseSmsWithout(body: { notifyBy: Channel }, phoneOnRecord: boolean): void {
    if (body.notifyBy !== 'sms') return;
    if (!smsConfigured(this.config)) {
      throw conflict('sms_not_configured', 'SMS is not set up for the municipality; choose e-mail or none');
    }
    if (!phoneOnRecord) {
      throw conflict('no_phone_on_record', 'There is no phone number on record to send SMS to');
    }
  }

  async mine(principal: Principal): Promise<MyNotificationSettings> {
    if (principal.role === 'contact') {
      const [row] = await this.dataSource.query<
        { notify_by: Channel; email: string | null; phone: string | null }[]
      >(`SELECT notify_by, email, phone FROM contacts WHERE id = $1 AND municipality_id = $2`, [
        principal.contactId,
        principal.municipalityId,
      ]);
      if (!row) throw notFound('Contact');
      return { notifyBy: row.notify_by, email: row.email, phone: row.phone };
    }
    const [row] = await this.dataSource.query<
      { notify_by: Channel; email: string | null; phone: string | null }[]
    >(
      `SELECT notify_by, email, phone FROM staff_notification_settings WHERE municipality_id = $1 AND subject = $2`,
      [principal.municipalityId, principal.subject],
    );
    return row
      ? { notifyBy: row.notify_by, email: row.email, phone: row.phone }
      : { notifyBy: 'none', email: null, phone: null };
  }

  async updateMine(principal: Principal, body: MyNotificationSettings): Promise<MyNotificationSettings> {
    if (principal.role === 'contact') {
      const roster = [
        ['email', "a contact's e-mail address is the one on their roster record"],
        ['phone', "a contact's phone number is the one on their roster record"],
      ] as const;
      const given = roster.filter(([field]) => body[field] !== undefined);
      if (given.length > 0) {
        throw badRequest(
          'validation_failed',
          'The request is invalid',
          given.map(([field, reason]) => ({ field, reason })),
        );
      }
      this.refuseSmsWithout(body, Boolean((await this.mine(principal)).phone));
      await this.dataSource.query(
        `UPDATE contacts SET notify_by = $3, version = version + 1, updated_at = now()
          WHERE id = $1 AND municipality_id = $2`,
        [principal.contactId, principal.municipalityId, body.notifyBy],
      );
      return this.mine(principal);
    }
    this.refuseSmsWithout(body, Boolean(body.phone));
    await this.dataSource.query(
      `INSERT INTO staff_notification_settings (municipality_id, subject, role, email, phone, notify_by)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (municipality_id, subject)
       DO UPDATE SET role = EXCLUDED.role, email = EXCLUDED.email, phone = EXCLUDED.phone,
                     notify_by = EXCLUDED.notify_by, updated_at = now()`,
      [
        principal.municipalityId,
        principal.subject,
        principal.role,
        body.email ?? null,
        body.phone ?? null,
        body.notifyBy,
      ],
    );
    return this.mine(principal);
  }

  async updateServiceUser(
    principal: Principal,
    serviceUserId: string,
    body: ServiceUserNotificationSettings,
  ): Promise<ServiceUserNotificationSettings> {
    if (body.notifyBy === 'sms') {
      const [numbers] = await this.dataSource.query<{ phones: number }[]>(
        `SELECT count(phone)::int + count(guardian_phone)::int AS phones FROM service_users
          WHERE id = $1 AND municipality_id = $2`,
        [serviceUserId, principal.municipalityId],
      );
      this.refuseSmsWithout(body, (numbers?.phones ?? 0) > 0);
    }
    const rows = await this.dataSource.query<
      { notify_by: Channel; email: string | null; guardian_email: string | null }[][]
    >(
      `UPDATE service_users SET notify_by = $3, email = $4, guardian_email = $5, version = version + 1,
              updated_at = now()
        WHERE id = $1 AND municipality_id = $2 RETURNING notify_by, email, guardian_email`,
      [
        serviceUserId,
        principal.municipalityId,
        body.notifyBy,
        body.email ?? null,
        body.guardianEmail ?? null,
      ],
    );
    const [row] = rows[0] ?? [];
    if (!row) throw notFound('Service user');
    return { notifyBy: row.notify_by, email: row.email, guardianEmail: row.guardian_email };
  }
}
