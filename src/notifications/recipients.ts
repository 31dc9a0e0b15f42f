import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Recipient } from './notification-outbox';

/**
 * Who receives what, by their own choice: a person who chose "none" or has no address on record is left out
 * (nothing is written for them). One home for these lookups, used by every context that notifies.
 */
@Injectable()
export class Recipients {
  /** Every coordinator of the municipality who wants e-mail. */
  async coordinators(em: EntityManager, municipalityId: string): Promise<Recipient[]> {
    const rows = await em.query<{ subject: string; email: string }[]>(
      `SELECT subject, email FROM staff_notification_settings
        WHERE municipality_id = $1 AND role = 'coordinator' AND notify_by = 'email' AND email IS NOT NULL
        ORDER BY subject`,
      [municipalityId],
    );
    return rows.map((row) => ({ kind: 'staff', ref: row.subject, address: row.email }));
  }

  /** One staff login (e.g. the caseworker holding a meeting), if they want e-mail. */
  async staff(em: EntityManager, municipalityId: string, subject: string | null): Promise<Recipient[]> {
    if (!subject) return [];
    const rows = await em.query<{ email: string }[]>(
      `SELECT email FROM staff_notification_settings
        WHERE municipality_id = $1 AND subject = $2 AND notify_by = 'email' AND email IS NOT NULL`,
      [municipalityId, subject],
    );
    return rows.map((row) => ({ kind: 'staff', ref: subject, address: row.email }));
  }

  async contact(em: EntityManager, contactId: string): Promise<Recipient[]> {
    const rows = await em.query<{ email: string }[]>(
      `SELECT email FROM contacts WHERE id = $1 AND notify_by = 'email' AND email IS NOT NULL`,
      [contactId],
    );
    return rows.map((row) => ({ kind: 'contact', ref: contactId, address: row.email }));
  }
}
