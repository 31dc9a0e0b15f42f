import fc from 'fast-check';
import {
  endsInFuture,
  kmToTenths,
  sessionMinutes,
  splitEvenly,
  timeOfDayInOslo,
  timeToMinutes,
  withinAssignment,
} from './session-rules';

describe('session times', () => {
  it.each([
    ['00:00', 0],
    ['09:30', 570],
    ['23:59', 1439],
    ['24:00', 1440],
  ])('%s is %i minutes after midnight', (time, minutes) => expect(timeToMinutes(time)).toBe(minutes));

  it.each(['9:30', '24:01', '25:00', '12:60', '', '12.30'])('refuses %p', (time) => {
    expect(() => timeToMinutes(time)).toThrow(RangeError);
  });

  it('counts the minutes of a session', () => {
    expect(sessionMinutes('17:00', '19:30')).toBe(150);
    expect(sessionMinutes('22:00', '24:00')).toBe(120);
  });
});

describe('withinAssignment', () => {
  it.each([
    ['2026-01-10', '2026-01-10', null, true],
    ['2026-01-09', '2026-01-10', null, false],
    ['2026-03-01', '2026-01-10', '2026-02-28', false],
    ['2026-02-28', '2026-01-10', '2026-02-28', true],
  ])('%s in %s–%s: %p', (date, startsOn, endsOn, expected) => {
    expect(withinAssignment(date, startsOn, endsOn)).toBe(expected);
  });
});

describe('endsInFuture', () => {
  it('refuses a later date and a session today that has not ended yet', () => {
    expect(endsInFuture('2026-01-11', '10:00', '2026-01-10', '23:00')).toBe(true);
    expect(endsInFuture('2026-01-10', '18:01', '2026-01-10', '18:00')).toBe(true);
  });
  it('accepts a session that has ended', () => {
    expect(endsInFuture('2026-01-10', '18:00', '2026-01-10', '18:00')).toBe(false);
    expect(endsInFuture('2025-12-31', '24:00', '2026-01-01', '00:00')).toBe(false);
  });
});

describe('splitEvenly', () => {
  it.each([
    [100, 3, [34, 33, 33]],
    [125, 1, [125]],
    [2, 4, [1, 1, 0, 0]],
    [0, 3, [0, 0, 0]],
  ])('%i in %i parts is %j', (total, parts, expected) => expect(splitEvenly(total, parts)).toEqual(expected));

  it('shares always add up to the total and differ by at most one (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 1, max: 6 }), (total, parts) => {
        const shares = splitEvenly(total, parts);
        return shares.reduce((a, b) => a + b, 0) === total && Math.max(...shares) - Math.min(...shares) <= 1;
      }),
    );
  });

  it('refuses nonsense', () => {
    expect(() => splitEvenly(-1, 2)).toThrow(RangeError);
    expect(() => splitEvenly(10, 0)).toThrow(RangeError);
  });
});

describe('kmToTenths', () => {
  it.each([
    [0, 0],
    [12.5, 125],
    [0.1 + 0.2, 3],
    [85, 850],
  ])('%d km = %i tenths', (km, tenths) => expect(kmToTenths(km)).toBe(tenths));
  it.each([1.25, -1, Number.NaN])('refuses %d', (km) => expect(() => kmToTenths(km)).toThrow(RangeError));
});

describe('timeOfDayInOslo', () => {
  it('follows Norwegian winter and summer time', () => {
    expect(timeOfDayInOslo(new Date('2026-01-15T16:05:00Z'))).toBe('17:05');
    expect(timeOfDayInOslo(new Date('2026-07-15T16:05:00Z'))).toBe('18:05');
    expect(timeOfDayInOslo(new Date('2026-07-15T22:30:00Z'))).toBe('00:30');
  });
});
