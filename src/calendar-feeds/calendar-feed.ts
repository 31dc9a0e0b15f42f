/**
 * A private calendar feed (iCalendar, RFC 5545) of a støttekontakt's or a saksbehandler's meetings and sessions
 * (issue 16). Pure: the events in, the feed's text out.
 *
 * Each event's UID is made from the record's own id, never from its time, so a moved meeting updates the
 * subscriber's copy instead of adding a second one. A feed lands in whatever calendar service the person uses,
 * so an event says only what the work needs (a first name, a place, a link into the app): no decision, no
 * diagnosis, no fødselsnummer, no session notes.
 */
import ical, { ICalCalendarMethod } from 'ical-generator';

export type FeedEventKind = 'introduction' | 'session' | 'planned_session';

export interface FeedEvent {
  kind: FeedEventKind;
  /** The record's id: the event's identity across fetches. */
  id: string;
  start: Date;
  end: Date;
  /** The first names of the users it concerns. */
  firstNames: string[];
  location: string | null;
  /** Where in the app the person sees the rest. */
  link: string;
}

export interface Feed {
  /** The calendar's name as the subscriber's app shows it. */
  name: string;
  events: FeedEvent[];
  /** DTSTAMP of every event: the moment the feed was made. */
  generatedAt: Date;
}

/** The event's UID: stable for the record's lifetime. */
export const eventUid = (kind: FeedEventKind, id: string): string => `${kind}-${id}@stottekontakt`;

const SUMMARY: Record<FeedEventKind, string> = {
  introduction: 'Introduksjonsmøte',
  session: 'Økt som støttekontakt',
  planned_session: 'Planlagt økt som støttekontakt',
};

/** "Introduksjonsmøte med Ola", "Økt som støttekontakt med Ola og Kari". */
export function eventSummary(kind: FeedEventKind, firstNames: string[]): string {
  const names = [...firstNames].sort((a, b) => a.localeCompare(b, 'nb'));
  if (names.length === 0) return SUMMARY[kind];
  const listed =
    names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} og ${names[names.length - 1]}`;
  return `${SUMMARY[kind]} med ${listed}`;
}

/** How often a subscriber should fetch the feed again. */
const REFRESH_SECONDS = 60 * 60;

export function renderFeed(feed: Feed): string {
  const calendar = ical({
    name: feed.name,
    prodId: { company: 'Støttekontakt', product: 'kalender', language: 'NB' },
    method: ICalCalendarMethod.PUBLISH,
    // No calendar time zone: with one, ical-generator writes a Date in the server process's own zone as a
    // floating time, so a server on UTC would put a 17:00 session at 15:00 in Oslo. Instants in UTC (…Z) are
    // shown right by every client.
    ttl: REFRESH_SECONDS,
  });
  const ordered = [...feed.events].sort(
    (a, b) => a.start.getTime() - b.start.getTime() || a.id.localeCompare(b.id),
  );
  for (const event of ordered) {
    calendar.createEvent({
      id: eventUid(event.kind, event.id),
      start: event.start,
      end: event.end,
      stamp: feed.generatedAt,
      summary: eventSummary(event.kind, event.firstNames),
      location: event.location,
      description: event.link,
      url: event.link,
    });
  }
  return calendar.toString();
}
