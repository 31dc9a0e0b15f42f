import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Principal } from '../common/auth/principal';
import { notFound } from '../common/errors/api-error';
import { transactionWithRetry } from '../database/retry';
import {
  CloseRelativeResponse,
  CloseRelativeRow,
  CreateCloseRelativeRequest,
} from './dto/close-relative.dto';

const COLUMNS = `contact_id, service_user_id, relation, recorded_by, recorded_by_role, created_at`;

/**
 * Records that a contact is a close relative of a user. Staff record it for any contact of the municipality; a
 * støttekontakt only about themselves (anyone else's id answers 404, as for one that does not exist).
 */
@Injectable()
export class CloseRelativesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async record(
    principal: Principal,
    contactId: string,
    body: CreateCloseRelativeRequest,
  ): Promise<CloseRelativeResponse> {
    return transactionWithRetry(this.dataSource, async (em) => {
      await this.assertContact(em, principal, contactId);
      const [user] = await em.query<{ id: string }[]>(
        `SELECT id FROM service_users WHERE id = $1 AND municipality_id = $2`,
        [body.serviceUserId, principal.municipalityId],
      );
      if (!user) throw notFound('Service user');
      await em.query(
        `INSERT INTO close_relatives (municipality_id, contact_id, service_user_id, relation, recorded_by, recorded_by_role)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (contact_id, service_user_id) DO NOTHING`,
        [
          principal.municipalityId,
          contactId,
          user.id,
          body.relation ?? null,
          principal.subject,
          principal.role,
        ],
      );
      const [row] = await em.query<CloseRelativeRow[]>(
        `SELECT ${COLUMNS} FROM close_relatives WHERE contact_id = $1 AND service_user_id = $2`,
        [contactId, user.id],
      );
      return CloseRelativeResponse.from(row);
    });
  }

  async list(principal: Principal, contactId: string): Promise<CloseRelativeResponse[]> {
    await this.assertContact(this.dataSource.manager, principal, contactId);
    const rows = await this.dataSource.query<CloseRelativeRow[]>(
      `SELECT ${COLUMNS} FROM close_relatives WHERE contact_id = $1 AND municipality_id = $2 ORDER BY created_at, service_user_id`,
      [contactId, principal.municipalityId],
    );
    return rows.map((row) => CloseRelativeResponse.from(row));
  }

  async remove(principal: Principal, contactId: string, serviceUserId: string): Promise<void> {
    const result = await this.dataSource.query<[unknown, number]>(
      `DELETE FROM close_relatives WHERE contact_id = $1 AND service_user_id = $2 AND municipality_id = $3`,
      [contactId, serviceUserId, principal.municipalityId],
    );
    if (Number(result[1] ?? 0) === 0) throw notFound('Close relative');
  }

  private async assertContact(em: EntityManager, principal: Principal, contactId: string): Promise<void> {
    if (principal.role === 'contact' && principal.contactId !== contactId) throw notFound('Contact');
    const [contact] = await em.query<{ id: string }[]>(
      `SELECT id FROM contacts WHERE id = $1 AND municipality_id = $2`,
      [contactId, principal.municipalityId],
    );
    if (!contact) throw notFound('Contact');
  }
}
