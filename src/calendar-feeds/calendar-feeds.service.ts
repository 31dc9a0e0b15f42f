import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessLogService } from '../access-log/access-log.service';
import { Principal } from '../common/auth/principal';
import { Clock } from '../common/clock';
import { ApiError } from '../common/errors/api-error';
import { hashToken, isTokenShaped, newSecretToken } from '../common/secret-token';
import { AppConfig } from '../config/app-config.service';
import { FeedEvent, renderFeed } from './calendar-feed';
import { CalendarFeedResponse } from './dto/calendar-feed.dto';

type OwnerKind = 'contact' | 'caseworker';

interface Owner {
  municipalityId: string;
  kind: OwnerKind;
  /** The contact's id, or the saksbehandler's login subject. */
  ref: string;
}

interface EventRow {
  id: string;
  starts_at: Date;
  ends_at: Date;
  location: string | null;
  first_names: string[];
  service_user_ids: string[];
}

/** How far back a feed reaches: last month's meetings and sessions stay visible. */
const PAST_DAYS = 62;
const MAX_EVENTS = 500;

const feedNotFound = () =>
  new ApiError(HttpStatus.NOT_FOUND, 'calendar_feed_not_found', 'This calendar feed does not exist');

/**
 * Private calendar feeds (issue 16): a støttekontakt's introduction meetings, sessions and planned sessions, a saksbehandler's
 * introduction meetings. The feed's address holds an unguessable token of which only the hash is kept; the owner
 * renews it (the old address stops at once) or revokes it.
 */
@Injectable()
export class CalendarFeedsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly accessLog: AccessLogService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async status(principal: Principal): Promise<CalendarFeedResponse> {
    const owner = ownerOf(principal);
    const [row] = await this.dataSource.query<{ created_at: Date }[]>(
      `SELECT created_at FROM calendar_feeds WHERE municipality_id = $1 AND owner_kind = $2 AND owner_ref = $3`,
      [owner.municipalityId, owner.kind, owner.ref],
    );
    return { active: Boolean(row), createdAt: row ? row.created_at.toISOString() : null, url: null };
  }

  /** A new feed address; any earlier one stops working in the same statement. */
  async renew(principal: Principal): Promise<CalendarFeedResponse> {
    const owner = ownerOf(principal);
    const token = newSecretToken();
    const [row] = await this.dataSource.query<{ created_at: Date }[]>(
      `INSERT INTO calendar_feeds (municipality_id, owner_kind, owner_ref, token_hash) VALUES ($1, $2, $3, $4)
       ON CONFLICT (municipality_id, owner_kind, owner_ref)
       DO UPDATE SET token_hash = EXCLUDED.token_hash, created_at = now()
       RETURNING created_at`,
      [owner.municipalityId, owner.kind, owner.ref, hashToken(token)],
    );
    return {
      active: true,
      createdAt: row.created_at.toISOString(),
      url: `${this.base()}/calendar-feeds/feed/${token}`,
    };
  }

  async revoke(principal: Principal): Promise<void> {
    const owner = ownerOf(principal);
    await this.dataSource.query(
      `DELETE FROM calendar_feeds WHERE municipality_id = $1 AND owner_kind = $2 AND owner_ref = $3`,
      [owner.municipalityId, owner.kind, owner.ref],
    );
  }

  /**
   * The feed behind a token, as iCalendar text. Its reader is the owner (the token is theirs), so the read of
   * the users' first names is logged as theirs, route and request as for any read.
   */
  async feed(token: string, route: string, requestId: string): Promise<string> {
    if (!isTokenShaped(token)) throw feedNotFound();
    const [found] = await this.dataSource.query<
      { municipality_id: string; owner_kind: OwnerKind; owner_ref: string }[]
    >(`SELECT municipality_id, owner_kind, owner_ref FROM calendar_feeds WHERE token_hash = $1`, [
      hashToken(token),
    ]);
    if (!found) throw feedNotFound();
    const owner: Owner = {
      municipalityId: found.municipality_id,
      kind: found.owner_kind,
      ref: found.owner_ref,
    };
    const principal: Principal = {
      subject: owner.kind === 'contact' ? `calendar-feed:contact:${owner.ref}` : owner.ref,
      role: owner.kind,
      municipalityId: owner.municipalityId,
      contactId: owner.kind === 'contact' ? owner.ref : null,
    };
    return this.accessLog
      .read(
        { principal, route, requestId, clientRequestId: null },
        {
          action: 'calendar_feed',
          subjectsOf: (events) => [...new Set(events.flatMap((e) => e.serviceUserIds))],
        },
        async () => this.events(owner),
      )
      .then((events) =>
        renderFeed({
          name:
            owner.kind === 'contact'
              ? 'Støttekontakt: mine møter og økter'
              : 'Støttekontakt: introduksjonsmøter',
          generatedAt: this.clock.now(),
          events,
        }),
      );
  }

  private async events(owner: Owner): Promise<(FeedEvent & { serviceUserIds: string[] })[]> {
    const since = new Date(this.clock.now().getTime() - PAST_DAYS * 86_400_000);
    const base = this.base();
    const meetingsOf = owner.kind === 'contact' ? 'i.contact_id::text' : 'i.caseworker';
    const meetings = await this.dataSource.query<EventRow[]>(
      `SELECT i.id, i.starts_at, i.ends_at, i.location,
              ARRAY[su.first_name] AS first_names, ARRAY[su.id::text] AS service_user_ids
         FROM introductions i JOIN service_users su ON su.id = i.service_user_id
        WHERE i.municipality_id = $1 AND ${meetingsOf} = $2 AND i.status IN ('booked', 'started')
          AND i.starts_at IS NOT NULL AND i.ends_at > $3
        ORDER BY i.starts_at LIMIT ${MAX_EVENTS}`,
      [owner.municipalityId, owner.ref, since],
    );
    const events = meetings.map((row) => ({
      ...eventOf('introduction', row),
      link: owner.kind === 'contact' ? `${base}/mine-moter` : `${base}/introduksjoner/${row.id}`,
    }));
    if (owner.kind === 'contact') {
      // Sessions are logged as Oslo wall-clock times on a date; the feed gives them as instants.
      const sessions = await this.dataSource.query<EventRow[]>(
        `SELECT s.id, (s.session_date + s.starts_at) AT TIME ZONE 'Europe/Oslo' AS starts_at,
                (s.session_date + s.ends_at) AT TIME ZONE 'Europe/Oslo' AS ends_at, NULL AS location,
                array_agg(su.first_name ORDER BY su.first_name) AS first_names,
                array_agg(su.id::text ORDER BY su.id) AS service_user_ids
           FROM sessions s
           JOIN session_attendees sa ON sa.session_id = s.id
           JOIN service_users su ON su.id = sa.service_user_id
          WHERE s.municipality_id = $1 AND s.contact_id = $2::uuid AND s.superseded_at IS NULL
            AND s.session_date >= ($3::timestamptz AT TIME ZONE 'Europe/Oslo')::date
          GROUP BY s.id ORDER BY s.session_date DESC, s.starts_at DESC LIMIT ${MAX_EVENTS}`,
        [owner.municipalityId, owner.ref, since],
      );
      events.push(...sessions.map((row) => ({ ...eventOf('session', row), link: `${base}/timeliste` })));
      // Planned ahead (src/timesheets/planned-sessions.service.ts): the user's first name, or the group's members.
      const planned = await this.dataSource.query<EventRow[]>(
        `SELECT p.id, (p.session_date + p.starts_at) AT TIME ZONE 'Europe/Oslo' AS starts_at,
                (p.session_date + p.ends_at) AT TIME ZONE 'Europe/Oslo' AS ends_at, NULL AS location,
                array_agg(su.first_name ORDER BY su.first_name) AS first_names,
                array_agg(su.id::text ORDER BY su.id) AS service_user_ids
           FROM planned_sessions p
           JOIN assignments a ON a.id = p.assignment_id
           LEFT JOIN group_members gm ON gm.group_id = a.group_id
           JOIN service_users su ON su.id = COALESCE(a.service_user_id, gm.service_user_id)
          WHERE p.municipality_id = $1 AND p.contact_id = $2::uuid
            AND p.session_date >= ($3::timestamptz AT TIME ZONE 'Europe/Oslo')::date
          GROUP BY p.id ORDER BY p.session_date, p.starts_at LIMIT ${MAX_EVENTS}`,
        [owner.municipalityId, owner.ref, since],
      );
      events.push(
        ...planned.map((row) => ({ ...eventOf('planned_session', row), link: `${base}/mine-moter` })),
      );
    }
    return events;
  }

  private base(): string {
    return this.config.get('PUBLIC_BASE_URL').replace(/\/$/, '');
  }
}

function eventOf(
  kind: FeedEvent['kind'],
  row: EventRow,
): Omit<FeedEvent, 'link'> & { serviceUserIds: string[] } {
  return {
    kind,
    id: row.id,
    start: row.starts_at,
    end: row.ends_at,
    firstNames: row.first_names,
    location: row.location,
    serviceUserIds: row.service_user_ids,
  };
}

/** A støttekontakt owns the feed of their roster entry; staff the feed of their login, as saksbehandler. */
function ownerOf(principal: Principal): Owner {
  if (principal.role === 'contact') {
    if (!principal.contactId) throw feedNotFound();
    return { municipalityId: principal.municipalityId, kind: 'contact', ref: principal.contactId };
  }
  return { municipalityId: principal.municipalityId, kind: 'caseworker', ref: principal.subject };
}
