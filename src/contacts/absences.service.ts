import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Principal } from '../common/auth/principal';
import { Clock } from '../common/clock';
import { IsoDate } from '../common/dates';
import { badRequest, conflict, notFound } from '../common/errors/api-error';
import { Absence, absenceDuring, absenceProblems } from './absences';
import { AbsenceResponse, CreateAbsenceRequest } from './dto/absence.dto';

interface AbsenceRow {
  id: string;
  starts_on: string;
  ends_on: string;
}

const toAbsence = (row: AbsenceRow): AbsenceResponse => ({
  id: row.id,
  startsOn: row.starts_on,
  endsOn: row.ends_on,
});

/**
 * A støttekontakt's absences (ferie): kept here, and asked by the paths that must respect them (introduction
 * meetings, sessions; matching reads them with each contact row, contact.queries.ts).
 */
@Injectable()
export class AbsencesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** The caller's absences that have not ended, first first. */
  listOwn(principal: Principal): Promise<AbsenceResponse[]> {
    return this.upcoming(principal.municipalityId, principal.contactId ?? '');
  }

  /** A contact's absences for staff (the roster): why they are not proposed, and when they are back. */
  async listOf(principal: Principal, contactId: string): Promise<AbsenceResponse[]> {
    const [contact] = await this.dataSource.query<{ id: string }[]>(
      `SELECT id FROM contacts WHERE id = $1 AND municipality_id = $2`,
      [contactId, principal.municipalityId],
    );
    if (!contact) throw notFound('Contact');
    return this.upcoming(principal.municipalityId, contactId);
  }

  private async upcoming(municipalityId: string, contactId: string): Promise<AbsenceResponse[]> {
    const rows = await this.dataSource.query<AbsenceRow[]>(
      `SELECT id, starts_on::text AS starts_on, ends_on::text AS ends_on FROM contact_absences
        WHERE municipality_id = $1 AND contact_id = $2 AND ends_on >= $3::date
        ORDER BY starts_on LIMIT 200`,
      [municipalityId, contactId, this.clock.today()],
    );
    return rows.map(toAbsence);
  }

  async createOwn(principal: Principal, body: CreateAbsenceRequest): Promise<AbsenceResponse> {
    const problems = absenceProblems(body, this.clock.today());
    if (problems.length > 0) throw badRequest('validation_failed', 'The request is invalid', problems);
    const [row] = await this.dataSource.query<AbsenceRow[]>(
      `INSERT INTO contact_absences (municipality_id, contact_id, starts_on, ends_on)
       SELECT municipality_id, id, $3, $4 FROM contacts WHERE id = $2 AND municipality_id = $1
       RETURNING id, starts_on::text AS starts_on, ends_on::text AS ends_on`,
      [principal.municipalityId, principal.contactId, body.startsOn, body.endsOn],
    );
    if (!row) throw notFound('Contact');
    return toAbsence(row);
  }

  async removeOwn(principal: Principal, id: string): Promise<void> {
    const [, affected] = await this.dataSource.query<[unknown, number]>(
      `DELETE FROM contact_absences WHERE id = $1 AND municipality_id = $2 AND contact_id = $3`,
      [id, principal.municipalityId, principal.contactId],
    );
    if (affected !== 1) throw notFound('Absence');
  }

  /** 409 contact_absent when the contact is away on any day from `from` to `to`. */
  async refuseAbsent(em: EntityManager, contactId: string, from: IsoDate, to: IsoDate = from): Promise<void> {
    const absences = await this.during(em, contactId, from, to);
    const absence = absenceDuring(absences, from, to);
    if (absence) {
      throw conflict(
        'contact_absent',
        `The støttekontakt is away from ${absence.startsOn} to ${absence.endsOn}`,
        {
          startsOn: absence.startsOn,
          endsOn: absence.endsOn,
        },
      );
    }
  }

  /** The contact's absences touching the days from `from` to `to`. */
  async during(em: EntityManager, contactId: string, from: IsoDate, to: IsoDate): Promise<Absence[]> {
    const rows = await em.query<AbsenceRow[]>(
      `SELECT id, starts_on::text AS starts_on, ends_on::text AS ends_on FROM contact_absences
        WHERE contact_id = $1 AND days && daterange($2::date, $3::date, '[]') ORDER BY starts_on`,
      [contactId, from, to],
    );
    return rows.map(toAbsence);
  }
}
