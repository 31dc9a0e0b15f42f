import { describe, expect, it } from 'vitest';
import { elapsedMinutes, parseTimer, startTimer, stopTimer } from './session-timer';

describe('the session timer', () => {
  it('starts on the whole minute and counts whole minutes', () => {
    const timer = startTimer(new Date('2026-12-02T13:05:42Z'));
    expect(timer).toEqual({ startedAt: '2026-12-02T13:05:00.000Z' });
    expect(elapsedMinutes(timer, new Date('2026-12-02T13:05:59Z'))).toBe(0);
    expect(elapsedMinutes(timer, new Date('2026-12-02T14:35:10Z'))).toBe(90);
  });

  it('gives the session its Oslo date and times when stopped (winter and summer time)', () => {
    const winter = startTimer(new Date('2026-12-02T13:05:00Z'));
    expect(stopTimer(winter, new Date('2026-12-02T15:35:30Z'))).toEqual({
      ok: true,
      date: '2026-12-02',
      start: '14:05',
      end: '16:35',
      minutes: 150,
      untilMidnight: false,
    });
    const summer = startTimer(new Date('2026-07-01T22:30:00Z'));
    // 00:30 on 2 July in Oslo: the date is Oslo's, not UTC's.
    expect(stopTimer(summer, new Date('2026-07-01T23:00:00Z'))).toMatchObject({
      date: '2026-07-02',
      start: '00:30',
      end: '01:00',
    });
  });

  it('ends a session that ran past midnight at 24:00, and refuses one under a minute', () => {
    const late = startTimer(new Date('2026-12-02T21:30:00Z'));
    expect(stopTimer(late, new Date('2026-12-02T23:15:00Z'))).toEqual({
      ok: true,
      date: '2026-12-02',
      start: '22:30',
      end: '24:00',
      minutes: 90,
      untilMidnight: true,
    });
    const quick = startTimer(new Date('2026-12-02T13:05:00Z'));
    expect(stopTimer(quick, new Date('2026-12-02T13:05:40Z'))).toEqual({ ok: false, reason: 'too_short' });
  });

  it('reads back only a real stored timer', () => {
    expect(parseTimer(JSON.stringify({ startedAt: '2026-12-02T13:05:00.000Z' }))).toEqual({
      startedAt: '2026-12-02T13:05:00.000Z',
    });
    expect(parseTimer(null)).toBeNull();
    expect(parseTimer('not json')).toBeNull();
    expect(parseTimer(JSON.stringify({ startedAt: 'soon' }))).toBeNull();
    expect(parseTimer(JSON.stringify(['2026-12-02']))).toBeNull();
  });
});
