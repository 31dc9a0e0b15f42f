import { CompanionCard } from './service-user.entity';
import { openAssignmentSql } from '../assignments/open-assignment';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Principal } from '../common/auth/principal';
import { Clock } from '../common/clock';
import { notFound } from '../common/errors/api-error';
import { WeeklySlot } from '../common/scheduling/weekly-slot';
import { MyUserResponse } from './dto/my-user.response';

interface AssignedUserRow {
  id: string;
  first_name: string;
  phone: string | null;
  guardian_phone: string | null;
  interests: string[];
  availability: WeeklySlot[];
  postal_code: string | null;
  companion_card: CompanionCard | null;
}

/**
 * Need-to-know: a støttekontakt sees only the users of their own open assignments — individual ones, and the
 * members of the groups they run — and only the fields the work needs.
 */
@Injectable()
export class ContactViewService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async myUsers(principal: Principal, onlyId?: string): Promise<MyUserResponse[]> {
    const rows: AssignedUserRow[] = await this.dataSource.query(
      `SELECT u.id, u.first_name, u.phone, u.guardian_phone, u.interests, u.availability, u.postal_code,
              u.companion_card
         FROM service_users u
        WHERE u.municipality_id = $1
          AND ($4::uuid IS NULL OR u.id = $4::uuid)
          AND (EXISTS (SELECT 1 FROM assignments a
                        WHERE a.service_user_id = u.id AND a.contact_id = $2
                          AND ${openAssignmentSql('a', '$3')})
               OR EXISTS (SELECT 1 FROM group_members m JOIN assignments a ON a.group_id = m.group_id
                           WHERE m.service_user_id = u.id AND a.contact_id = $2
                             AND ${openAssignmentSql('a', '$3')}))
        ORDER BY u.first_name, u.id`,
      [principal.municipalityId, principal.contactId, this.clock.today(), onlyId ?? null],
    );
    return rows.map((row) => ({
      id: row.id,
      firstName: row.first_name,
      phone: row.phone,
      guardianPhone: row.guardian_phone,
      interests: row.interests,
      availability: row.availability,
      area: row.postal_code?.trim() ?? null,
      companionCard: row.companion_card,
    }));
  }

  /** 404 — the same as a user that does not exist — for anyone not assigned to this contact. */
  async myUser(principal: Principal, id: string): Promise<MyUserResponse> {
    const [user] = await this.myUsers(principal, id);
    if (!user) throw notFound('Service user');
    return user;
  }
}
