import { describe, expect, it } from 'vitest';
import { isoWeek, weeksOf } from './week';

describe('the suggested times on a week view', () => {
  it('counts ISO weeks as Norwegian calendars do', () => {
    expect(isoWeek('2026-12-02')).toBe(49);
    expect(isoWeek('2026-12-28')).toBe(53);
    expect(isoWeek('2027-01-03')).toBe(53);
    expect(isoWeek('2027-01-04')).toBe(1);
    expect(isoWeek('2025-12-29')).toBe(1);
  });

  it('puts each time on its Oslo day, Monday to Sunday, days without a time too', () => {
    const weeks = weeksOf([
      // 23:30 UTC on Sunday 6 December is Monday 7 December 00:30 in Oslo.
      { startsAt: '2026-12-06T23:30:00Z', endsAt: '2026-12-07T00:30:00Z' },
      { startsAt: '2026-12-03T09:00:00Z', endsAt: '2026-12-03T10:00:00Z' },
      { startsAt: '2026-12-03T13:00:00Z', endsAt: '2026-12-03T14:00:00Z' },
    ]);
    expect(weeks.map((w) => w.week)).toEqual([49, 50]);
    expect(weeks[0].days.map((d) => d.day)).toEqual([
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
      '2026-12-05',
      '2026-12-06',
    ]);
    expect(weeks[0].days[3].slots.map((s) => s.startsAt)).toEqual([
      '2026-12-03T09:00:00Z',
      '2026-12-03T13:00:00Z',
    ]);
    expect(weeks[0].days[6].slots).toEqual([]);
    expect(weeks[1].days[0]).toEqual({
      day: '2026-12-07',
      slots: [{ startsAt: '2026-12-06T23:30:00Z', endsAt: '2026-12-07T00:30:00Z' }],
    });
  });

  it('has no weeks without times', () => {
    expect(weeksOf([])).toEqual([]);
  });
});
