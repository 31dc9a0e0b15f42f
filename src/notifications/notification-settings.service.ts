import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Principal } from '../common/auth/principal';
import { badRequest, notFound } from '../common/errors/api-error';
import {
  Channel,
  MyNotificationSettings,
  ServiceUserNotificationSettings,
} from './dto/notification-settings.dto';

/** Each person's choice of channel: on the contact or user record, or a row per staff login. */
@Injectable()
export class NotificationSettingsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async mine(principal: Principal): Promise<MyNotificationSettings> {
    if (principal.role === 'contact') {
      const [row] = await this.dataSource.query<{ notify_by: Channel; email: string | null }[]>(
        `SELECT notify_by, email FROM contacts WHERE id = $1 AND municipality_id = $2`,
        [principal.contactId, principal.municipalityId],
      );
      if (!row) throw notFound('Contact');
      return { notifyBy: row.notify_by, email: row.email };
    }
    const [row] = await this.dataSource.query<{ notify_by: Channel; email: string | null }[]>(
      `SELECT notify_by, email FROM staff_notification_settings WHERE municipality_id = $1 AND subject = $2`,
      [principal.municipalityId, principal.subject],
    );
    return row ? { notifyBy: row.notify_by, email: row.email } : { notifyBy: 'none', email: null };
  }

  async updateMine(principal: Principal, body: MyNotificationSettings): Promise<MyNotificationSettings> {
    if (principal.role === 'contact') {
      if (body.email !== undefined) {
        throw badRequest('validation_failed', 'The request is invalid', [
          { field: 'email', reason: "a contact's e-mail address is the one on their roster record" },
        ]);
      }
      await this.dataSource.query(
        `UPDATE contacts SET notify_by = $3, version = version + 1, updated_at = now()
          WHERE id = $1 AND municipality_id = $2`,
        [principal.contactId, principal.municipalityId, body.notifyBy],
      );
      return this.mine(principal);
    }
    await this.dataSource.query(
      `INSERT INTO staff_notification_settings (municipality_id, subject, role, email, notify_by)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (municipality_id, subject)
       DO UPDATE SET role = EXCLUDED.role, email = EXCLUDED.email, notify_by = EXCLUDED.notify_by, updated_at = now()`,
      [principal.municipalityId, principal.subject, principal.role, body.email ?? null, body.notifyBy],
    );
    return this.mine(principal);
  }

  async updateServiceUser(
    principal: Principal,
    serviceUserId: string,
    body: ServiceUserNotificationSettings,
  ): Promise<ServiceUserNotificationSettings> {
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
