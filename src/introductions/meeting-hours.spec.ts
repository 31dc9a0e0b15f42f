import { DEFAULT_MEETING_HOURS, isWithinMeetingHours } from './meeting-hours';

const at = (iso: string, minutes = 60) =>
  [new Date(iso), new Date(Date.parse(iso) + minutes * 60_000)] as const;

describe('meeting hours', () => {
  it('accepts a weekday meeting inside 08:00–16:00 Oslo time, in winter and in summer', () => {
    expect(isWithinMeetingHours(...at('2026-12-02T07:00:00Z'), DEFAULT_MEETING_HOURS)).toBe(true); // 08:00 CET
    expect(isWithinMeetingHours(...at('2026-12-02T14:00:00Z'), DEFAULT_MEETING_HOURS)).toBe(true); // 15–16 CET
    expect(isWithinMeetingHours(...at('2026-06-03T06:00:00Z'), DEFAULT_MEETING_HOURS)).toBe(true); // 08:00 CEST
  });

  it('refuses Sunday 03:00, an evening, a start before 08:00 and a meeting running past 16:00', () => {
    expect(isWithinMeetingHours(...at('2026-12-06T02:00:00Z'), DEFAULT_MEETING_HOURS)).toBe(false); // Sun 03:00
    expect(isWithinMeetingHours(...at('2026-12-02T17:00:00Z'), DEFAULT_MEETING_HOURS)).toBe(false); // 18:00
    expect(isWithinMeetingHours(...at('2026-12-02T06:30:00Z'), DEFAULT_MEETING_HOURS)).toBe(false); // 07:30
    expect(isWithinMeetingHours(...at('2026-12-02T14:30:00Z'), DEFAULT_MEETING_HOURS)).toBe(false); // 15:30–16:30
    expect(isWithinMeetingHours(...at('2026-06-03T05:00:00Z'), DEFAULT_MEETING_HOURS)).toBe(false); // 07:00 CEST
  });

  it('follows the municipality’s own hours, and refuses an empty or backwards meeting', () => {
    const saturday = [{ day: 'sat' as const, start: '10:00', end: '14:00' }];
    expect(isWithinMeetingHours(...at('2026-12-05T09:00:00Z'), saturday)).toBe(true);
    expect(isWithinMeetingHours(...at('2026-12-02T09:00:00Z'), saturday)).toBe(false);
    expect(isWithinMeetingHours(...at('2026-12-02T09:00:00Z', 0), DEFAULT_MEETING_HOURS)).toBe(false);
  });
});
