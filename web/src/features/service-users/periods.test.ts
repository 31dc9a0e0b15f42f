import { describe, expect, it } from 'vitest';
import { dayBefore, periodsBack } from './periods';

describe('quota periods back in time', () => {
  it('steps back a calendar day, over months, years and leap days', () => {
    expect(dayBefore('2026-03-01')).toBe('2026-02-28');
    expect(dayBefore('2028-03-01')).toBe('2028-02-29');
    expect(dayBefore('2027-01-01')).toBe('2026-12-31');
  });

  it('asks for today, then the day before each period, and stops at the assignment’s start', async () => {
    const asked: (string | undefined)[] = [];
    const months: Record<string, string> = {
      today: '2026-12-01',
      '2026-11-30': '2026-11-01',
      '2026-10-31': '2026-10-01',
    };
    const periods = await periodsBack('2026-10-15', 5, async (day) => {
      asked.push(day);
      const start = months[day ?? 'today'];
      return start ? { periodStart: start } : undefined;
    });
    expect(asked).toEqual([undefined, '2026-11-30', '2026-10-31']);
    expect(periods.map((p) => p.periodStart)).toEqual(['2026-12-01', '2026-11-01', '2026-10-01']);
  });

  it('asks for at most the given number of periods', async () => {
    let n = 0;
    const periods = await periodsBack('2000-01-01', 2, async () => ({ periodStart: `2026-0${9 - n++}-01` }));
    expect(periods).toHaveLength(2);
  });
});
