import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Principal } from '../common/auth/principal';
import { Clock } from '../common/clock';
import { badRequest, conflict, notFound } from '../common/errors/api-error';
import { lockCaseworkerCalendar } from './calendar-lock';
import { BusyTimeQuery, BusyTimeResponse, CreateBusyTimeRequest } from './dto/busy-time.dto';

const MAX_BUSY_MS = 14 * 24 * 3_600_000;
const DEFAULT_WINDOW_MS = 60 * 24 * 3_600_000;

interface CalendarRow {
  id: string;
  starts_at: Date;
  ends_at: Date;
  note: string | null;
  kind: 'busy' | 'introduction';
}

/**
 * A saksbehandler's simple calendar: busy times they enter themselves, and the introduction meetings booked for
 * them. The caller is the saksbehandler (their login subject), always within their municipality.
 */
@Injectable()
export class CaseworkerCalendarService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async list(principal: Principal, query: BusyTimeQuery): Promise<BusyTimeResponse[]> {
    const from = query.from ? new Date(query.from) : this.clock.now();
    const to = query.to ? new Date(query.to) : new Date(from.getTime() + DEFAULT_WINDOW_MS);
    if (to <= from)
      throw badRequest('validation_failed', 'The request is invalid', [
        { field: 'to', reason: 'to must be after from' },
      ]);
    const rows: CalendarRow[] = await this.dataSource.query(
      `SELECT id, starts_at, ends_at, note, 'busy' AS kind FROM caseworker_busy_times
        WHERE municipality_id = $1 AND caseworker = $2 AND period && tstzrange($3, $4, '[)')
       UNION ALL
       SELECT id, starts_at, ends_at, NULL AS note, 'introduction' AS kind FROM introductions
        WHERE municipality_id = $1 AND caseworker = $2 AND status = 'booked' AND meeting && tstzrange($3, $4, '[)')
       ORDER BY starts_at, id LIMIT 500`,
      [principal.municipalityId, principal.subject, from, to],
    );
    return rows.map((row) => ({
      id: row.id,
      startsAt: row.starts_at.toISOString(),
      endsAt: row.ends_at.toISOString(),
      note: row.note,
      kind: row.kind,
    }));
  }

  async create(principal: Principal, body: CreateBusyTimeRequest): Promise<BusyTimeResponse> {
    const start = new Date(body.startsAt);
    const end = new Date(body.endsAt);
    if (end <= start || end.getTime() - start.getTime() > MAX_BUSY_MS) {
      throw badRequest('validation_failed', 'The request is invalid', [
        { field: 'endsAt', reason: 'endsAt must be after startsAt and at most 14 days later' },
      ]);
    }
    const id = await this.dataSource.transaction(async (em) => {
      await lockCaseworkerCalendar(em, principal.municipalityId, principal.subject);
      const [meeting]: { id: string; starts_at: Date }[] = await em.query(
        `SELECT id, starts_at FROM introductions
          WHERE municipality_id = $1 AND caseworker = $2 AND status = 'booked'
            AND meeting && tstzrange($3, $4, '[)') LIMIT 1`,
        [principal.municipalityId, principal.subject, start, end],
      );
      if (meeting) {
        throw conflict('caseworker_has_meeting', 'You have an introduction meeting booked in that time', {
          introductionId: meeting.id,
          startsAt: meeting.starts_at.toISOString(),
        });
      }
      const [row]: { id: string }[] = await em.query(
        `INSERT INTO caseworker_busy_times (municipality_id, caseworker, starts_at, ends_at, note)
         VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [principal.municipalityId, principal.subject, start, end, body.note ?? null],
      );
      return row.id;
    });
    return {
      id,
      startsAt: start.toISOString(),
      endsAt: end.toISOString(),
      note: body.note ?? null,
      kind: 'busy',
    };
  }

  async remove(principal: Principal, id: string): Promise<void> {
    const [, affected]: [unknown, number] = await this.dataSource.query(
      `DELETE FROM caseworker_busy_times WHERE id = $1 AND municipality_id = $2 AND caseworker = $3`,
      [id, principal.municipalityId, principal.subject],
    );
    if (affected !== 1) throw notFound('Busy time');
  }
}
