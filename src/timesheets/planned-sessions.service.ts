import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Principal } from '../common/auth/principal';
import { Clock } from '../common/clock';
import { badRequest, conflict, notFound } from '../common/errors/api-error';
import { AbsencesService } from '../contacts/absences.service';
import { transactionWithRetry } from '../database/retry';
import { CreatePlannedSessionRequest, PlannedSessionResponse } from './dto/planned-session.dto';
import { endsInFuture, sessionMinutes, timeOfDayInOslo, withinAssignment } from './session-rules';
import { SessionsService } from './sessions.service';

interface PlannedRow {
  id: string;
  assignment_id: string;
  date: string;
  start: string;
  end: string;
  created_at: Date;
}

const SELECT_PLANNED = `
  SELECT id, assignment_id, session_date::text AS date, to_char(starts_at, 'HH24:MI') AS start,
         to_char(ends_at, 'HH24:MI') AS "end", created_at
    FROM planned_sessions`;

const toResponse = (row: PlannedRow): PlannedSessionResponse => ({
  id: row.id,
  assignmentId: row.assignment_id,
  date: row.date,
  start: row.start,
  end: row.end,
  createdAt: row.created_at,
});

/** How many upcoming plans a contact keeps at most (a few a week for a few users, months ahead). */
const MAX_UPCOMING = 200;

/**
 * Sessions a støttekontakt plans ahead with their user (issue 16 "Calendars"); they show in the contact's
 * calendar feed. A plan counts against nothing: the session logged afterwards does, and takes the plan's place.
 */
@Injectable()
export class PlannedSessionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
    private readonly absences: AbsencesService,
    private readonly clock: Clock,
  ) {}

  /** The contact's plans that have not ended yet, soonest first. */
  async upcoming(principal: Principal): Promise<PlannedSessionResponse[]> {
    const rows = await this.dataSource.query<PlannedRow[]>(
      `${SELECT_PLANNED} WHERE municipality_id = $1 AND contact_id = $2
          AND upper(period) > (now() AT TIME ZONE 'Europe/Oslo')
        ORDER BY session_date, starts_at, id LIMIT ${MAX_UPCOMING}`,
      [principal.municipalityId, principal.contactId],
    );
    return rows.map(toResponse);
  }

  async plan(principal: Principal, body: CreatePlannedSessionRequest): Promise<PlannedSessionResponse> {
    if (sessionMinutes(body.start, body.end) <= 0) {
      throw badRequest('validation_failed', 'The request is invalid', [
        { field: 'end', reason: 'end must be after start on the same day' },
      ]);
    }
    // Ahead of time: a plan whose start has passed is a session to log instead.
    if (!endsInFuture(body.date, body.start, this.clock.today(), timeOfDayInOslo(this.clock.now()))) {
      throw badRequest('validation_failed', 'The request is invalid', [
        { field: 'date', reason: 'a planned session starts later than now' },
      ]);
    }
    const row = await transactionWithRetry(this.dataSource, async (em) => {
      const assignment = await this.sessions.ownAssignment(em, principal, body.assignmentId);
      if (!withinAssignment(body.date, assignment.starts_on, assignment.ends_on)) {
        throw conflict('outside_assignment_period', 'The date is outside the assignment', {
          startsOn: assignment.starts_on,
          endsOn: assignment.ends_on,
        });
      }
      await this.absences.refuseAbsent(em, assignment.contact_id, body.date);
      const [{ id }] = await em.query<{ id: string }[]>(
        `INSERT INTO planned_sessions (municipality_id, assignment_id, contact_id, session_date, starts_at, ends_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [assignment.municipality_id, assignment.id, assignment.contact_id, body.date, body.start, body.end],
      );
      const [created] = await em.query<PlannedRow[]>(`${SELECT_PLANNED} WHERE id = $1`, [id]);
      return created;
    });
    return toResponse(row);
  }

  /** Cancels one of the contact's own plans; anyone else's is 404, as a missing one. */
  async cancel(principal: Principal, id: string): Promise<void> {
    const [, deleted] = await this.dataSource.query<[unknown[], number]>(
      `DELETE FROM planned_sessions WHERE id = $1 AND municipality_id = $2 AND contact_id = $3 RETURNING id`,
      [id, principal.municipalityId, principal.contactId],
    );
    if (deleted !== 1) throw notFound('Planned session');
  }
}
