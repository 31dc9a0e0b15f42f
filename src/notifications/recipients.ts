import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Recipient } from './notification-outbox';

/** E-mail or SMS as the person chose, to the address or number on record for it. */
const CHANNEL_ADDRESS = (email: string, phone: string) => `
  CASE notify_by WHEN 'sms' THEN ${phone} ELSE ${email} END AS address, notify_by::text AS channel`;
const HAS_ADDRESS = (email: string, phone: string) => `
  ((notify_by = 'email' AND ${email} IS NOT NULL) OR (notify_by = 'sms' AND ${phone} IS NOT NULL))`;

type Row = { address: string; channel: 'email' | 'sms' };

/**
 * Who receives what, by their own choice of e-mail, SMS or none: a person who chose "none" or has no address (or
 * number) on record for their channel is left out (nothing is written for them). One home for these lookups, used
 * by every context that notifies.
 */
@Injectable()
export class Recipients {
  /** Every coordinator of the municipality who wants to be told. */
  async coordinators(em: EntityManager, municipalityId: string): Promise<Recipient[]> {
    const rows = await em.query<(Row & { subject: string })[]>(
      `SELECT subject, ${CHANNEL_ADDRESS('email', 'phone')} FROM staff_notification_settings
        WHERE municipality_id = $1 AND role = 'coordinator' AND ${HAS_ADDRESS('email', 'phone')}
        ORDER BY subject`,
      [municipalityId],
    );
    return rows.map((row) => ({
      kind: 'staff',
      ref: row.subject,
      address: row.address,
      channel: row.channel,
    }));
  }

  /** One staff login (e.g. the caseworker holding a meeting), if they want to be told. */
  async staff(em: EntityManager, municipalityId: string, subject: string | null): Promise<Recipient[]> {
    if (!subject) return [];
    const rows = await em.query<Row[]>(
      `SELECT ${CHANNEL_ADDRESS('email', 'phone')} FROM staff_notification_settings
        WHERE municipality_id = $1 AND subject = $2 AND ${HAS_ADDRESS('email', 'phone')}`,
      [municipalityId, subject],
    );
    return rows.map((row) => ({ kind: 'staff', ref: subject, address: row.address, channel: row.channel }));
  }

  async contact(em: EntityManager, contactId: string): Promise<Recipient[]> {
    const rows = await em.query<Row[]>(
      `SELECT ${CHANNEL_ADDRESS('email', 'phone')} FROM contacts
        WHERE id = $1 AND ${HAS_ADDRESS('email', 'phone')}`,
      [contactId],
    );
    return rows.map((row) => ({
      kind: 'contact',
      ref: contactId,
      address: row.address,
      channel: row.channel,
    }));
  }
}
