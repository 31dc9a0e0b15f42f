import { eventSummary, eventUid, FeedEvent, renderFeed } from './calendar-feed';

const meeting: FeedEvent = {
  kind: 'introduction',
  id: '0b7c1d2e-0000-4000-8000-000000000001',
  start: new Date('2026-12-07T14:00:00Z'),
  end: new Date('2026-12-07T15:00:00Z'),
  firstNames: ['Ola'],
  location: 'Biblioteket, 2. etasje',
  link: 'https://kommune.example/mine-moter',
};

/** The content lines of a feed, folded lines joined again (RFC 5545 3.1). */
const lines = (text: string): string[] => text.replace(/\r\n[ \t]/g, '').split('\r\n');

describe('calendar feed', () => {
  it('gives each record one UID, whatever its time', () => {
    const moved = {
      ...meeting,
      start: new Date('2026-12-09T10:00:00Z'),
      end: new Date('2026-12-09T11:00:00Z'),
    };
    const at = new Date('2026-12-02T06:00:00Z');
    const before = lines(renderFeed({ name: 'Min kalender', events: [meeting], generatedAt: at }));
    const after = lines(renderFeed({ name: 'Min kalender', events: [moved], generatedAt: at }));
    const uid = `UID:${eventUid('introduction', meeting.id)}`;
    expect(before).toContain(uid);
    expect(after).toContain(uid);
    expect(after.find((line) => line.startsWith('DTSTART'))).toBe('DTSTART:20261209T100000Z');
    expect(eventUid('session', meeting.id)).not.toBe(eventUid('introduction', meeting.id));
  });

  it('writes the time, the place, a first name and a link, and nothing else about the user', () => {
    const text = renderFeed({ name: 'Min kalender', events: [meeting], generatedAt: new Date() });
    const content = lines(text);
    expect(content[0]).toBe('BEGIN:VCALENDAR');
    expect(content).toContain('SUMMARY:Introduksjonsmøte med Ola');
    expect(content).toContain('LOCATION:Biblioteket\\, 2. etasje');
    expect(content).toContain('URL;VALUE=URI:https://kommune.example/mine-moter');
    expect(content.filter((line) => line === 'BEGIN:VEVENT')).toHaveLength(1);
  });

  it('orders events by time and names group members in Norwegian', () => {
    const session: FeedEvent = {
      ...meeting,
      kind: 'session',
      id: '0b7c1d2e-0000-4000-8000-000000000002',
      start: new Date('2026-12-01T14:00:00Z'),
      end: new Date('2026-12-01T16:00:00Z'),
      firstNames: ['Åse', 'Kari', 'Bo'],
      location: null,
    };
    const content = lines(renderFeed({ name: 'x', events: [meeting, session], generatedAt: new Date() }));
    const uids = content.filter((line) => line.startsWith('UID:'));
    expect(uids).toEqual([
      `UID:${eventUid('session', session.id)}`,
      `UID:${eventUid('introduction', meeting.id)}`,
    ]);
    expect(eventSummary('session', ['Åse', 'Kari', 'Bo'])).toBe('Økt som støttekontakt med Bo, Kari og Åse');
    expect(eventSummary('introduction', [])).toBe('Introduksjonsmøte');
  });
});
