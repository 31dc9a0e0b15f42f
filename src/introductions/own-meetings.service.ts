import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Principal } from '../common/auth/principal';
import { Clock } from '../common/clock';
import { OwnMeetingResponse } from './dto/own-meeting.response';

interface OwnMeetingRow {
  id: string;
  starts_at: Date;
  ends_at: Date;
  location: string | null;
  caseworker: string;
  service_user_id: string;
  first_name: string;
  has_guardian: boolean;
}

/** At most this many meetings: a contact's capacity keeps the real number far below. */
const MAX_MEETINGS = 50;

/** Need-to-know: a støttekontakt sees only their own booked meetings that have not ended. */
@Injectable()
export class OwnMeetingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async upcoming(principal: Principal): Promise<OwnMeetingResponse[]> {
    const rows: OwnMeetingRow[] = await this.dataSource.query(
      `SELECT i.id, i.starts_at, i.ends_at, i.location, i.caseworker, su.id AS service_user_id, su.first_name,
              (su.guardian_name IS NOT NULL) AS has_guardian
         FROM introductions i
         JOIN service_users su ON su.id = i.service_user_id
        WHERE i.municipality_id = $1 AND i.contact_id = $2 AND i.status = 'booked' AND i.ends_at > $3
        ORDER BY i.starts_at, i.id
        LIMIT ${MAX_MEETINGS}`,
      [principal.municipalityId, principal.contactId, this.clock.now()],
    );
    return rows.map((row) => ({
      id: row.id,
      startsAt: row.starts_at.toISOString(),
      endsAt: row.ends_at.toISOString(),
      location: row.location,
      serviceUser: { id: row.service_user_id, firstName: row.first_name, hasGuardian: row.has_guardian },
      caseworker: row.caseworker,
    }));
  }
}
