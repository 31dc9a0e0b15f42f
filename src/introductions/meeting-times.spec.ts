import { WEEKDAYS } from '../common/scheduling/weekly-slot';
import { DEFAULT_MEETING_HOURS } from './meeting-hours';
import { intersectWindows, suggestMeetingTimes, MeetingTimeQuery } from './meeting-times';

/** Meeting hours around the clock, so a test about availability is not also about meeting hours. */
const ALL_WEEK = WEEKDAYS.map((day) => ({ day, start: '00:00', end: '24:00' }));
import { osloInstant, osloOffsetMinutes, weekdayOf } from './oslo-time';

// 2026-03-02 is a Monday; Norway is UTC+1 then.
const base: MeetingTimeQuery = {
  firstDate: '2026-03-02',
  days: 14,
  durationMinutes: 60,
  stepMinutes: 30,
  count: 3,
  notBefore: new Date('2026-03-01T00:00:00Z'),
  userAvailability: [{ day: 'tue', start: '16:00', end: '20:00' }],
  contactAvailability: [{ day: 'tue', start: '17:15', end: '21:00' }],
  busy: [],
  meetingHours: ALL_WEEK,
};
const iso = (slots: { start: Date; end: Date }[]) =>
  slots.map((s) => `${s.start.toISOString()}/${s.end.toISOString()}`);

describe('oslo time', () => {
  it('knows winter and summer offsets and the weekday', () => {
    expect(osloOffsetMinutes(new Date('2026-01-15T12:00:00Z'))).toBe(60);
    expect(osloOffsetMinutes(new Date('2026-07-15T12:00:00Z'))).toBe(120);
    expect(osloInstant('2026-01-15', 17 * 60).toISOString()).toBe('2026-01-15T16:00:00.000Z');
    expect(osloInstant('2026-07-15', 17 * 60).toISOString()).toBe('2026-07-15T15:00:00.000Z');
    expect(osloInstant('2026-07-15', 24 * 60).toISOString()).toBe('2026-07-15T22:00:00.000Z');
    expect(weekdayOf('2026-03-02')).toBe('mon');
    expect(weekdayOf('2026-03-08')).toBe('sun');
  });

  it('reads a time in the hour skipped in spring as summer time, and never throws', () => {
    // 29 March 2026: clocks go from 02:00 to 03:00.
    expect(osloInstant('2026-03-29', 2 * 60 + 30).toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });
});

describe('suggestMeetingTimes', () => {
  it('offers the first times both are free, on the step grid, one a day', () => {
    expect(iso(suggestMeetingTimes(base))).toEqual([
      '2026-03-03T16:30:00.000Z/2026-03-03T17:30:00.000Z', // Tue 17:30–18:30 Oslo
      '2026-03-10T16:30:00.000Z/2026-03-10T17:30:00.000Z',
    ]);
  });

  it('skips busy times of the saksbehandler or of either person', () => {
    const busy = [{ start: new Date('2026-03-03T16:00:00Z'), end: new Date('2026-03-03T18:00:00Z') }];
    expect(iso(suggestMeetingTimes({ ...base, busy, count: 1 }))).toEqual([
      '2026-03-03T18:00:00.000Z/2026-03-03T19:00:00.000Z', // 19:00 Oslo, the first free after 19:00
    ]);
  });

  it('uses the known side when the other has no availability, and the meeting hours when neither has', () => {
    const contactOnly = suggestMeetingTimes({ ...base, userAvailability: [], count: 1 });
    expect(iso(contactOnly)).toEqual(['2026-03-03T16:30:00.000Z/2026-03-03T17:30:00.000Z']);
    const neither = suggestMeetingTimes({
      ...base,
      userAvailability: [],
      contactAvailability: [],
      meetingHours: DEFAULT_MEETING_HOURS,
      count: 2,
    });
    expect(iso(neither)).toEqual([
      '2026-03-02T07:00:00.000Z/2026-03-02T08:00:00.000Z', // Monday 08:00 Oslo
      '2026-03-03T07:00:00.000Z/2026-03-03T08:00:00.000Z',
    ]);
  });

  it('suggests nothing outside the meeting hours: Tuesday evenings do not meet 08:00–16:00', () => {
    expect(suggestMeetingTimes({ ...base, meetingHours: DEFAULT_MEETING_HOURS })).toEqual([]);
    const afternoons = [{ day: 'tue' as const, start: '12:00', end: '19:00' }];
    expect(iso(suggestMeetingTimes({ ...base, meetingHours: afternoons, count: 1 }))).toEqual([
      '2026-03-03T16:30:00.000Z/2026-03-03T17:30:00.000Z', // Tue 17:30–18:30 Oslo, inside 12:00–19:00
    ]);
  });

  it('never suggests a time before notBefore, nor a window shorter than the meeting', () => {
    const late = suggestMeetingTimes({ ...base, notBefore: new Date('2026-03-03T17:00:00Z'), count: 1 });
    expect(iso(late)).toEqual(['2026-03-03T17:00:00.000Z/2026-03-03T18:00:00.000Z']);
    const tooShort = suggestMeetingTimes({ ...base, durationMinutes: 180 });
    expect(tooShort).toEqual([]);
  });

  it('finds nothing when the two are never free together', () => {
    const apart = { ...base, contactAvailability: [{ day: 'wed' as const, start: '17:00', end: '20:00' }] };
    expect(suggestMeetingTimes(apart)).toEqual([]);
  });

  it('intersects windows', () => {
    expect(
      intersectWindows(
        [
          [600, 720],
          [900, 1000],
        ],
        [[700, 950]],
      ),
    ).toEqual([
      [700, 720],
      [900, 950],
    ]);
  });
});
