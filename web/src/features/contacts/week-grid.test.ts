import { describe, expect, it } from 'vitest';
import { buildWeekGrid, clock } from './week-grid';

describe('the availability week grid', () => {
  it('has no rows without availability', () => {
    expect(buildWeekGrid([])).toEqual({ hours: [], cells: [] });
  });

  it('spans whole hours from the earliest start to the latest end, Monday first', () => {
    const grid = buildWeekGrid([
      { day: 'tue', start: '17:00', end: '19:00' },
      { day: 'sat', start: '10:00', end: '12:00' },
    ]);
    expect(grid.hours.map(clock)).toEqual([
      '10:00',
      '11:00',
      '12:00',
      '13:00',
      '14:00',
      '15:00',
      '16:00',
      '17:00',
      '18:00',
    ]);
    const free = grid.cells.flatMap((row, r) =>
      row.flatMap((cell, c) => (cell ? [`${clock(grid.hours[r])}@${c}`] : [])),
    );
    expect(free).toEqual(['10:00@5', '11:00@5', '17:00@1', '18:00@1']);
    expect(grid.cells[7][1]).toEqual({ from: 17 * 60, to: 18 * 60, whole: true });
  });

  it('marks a part of an hour, and merges overlapping slots on a day', () => {
    const grid = buildWeekGrid([
      { day: 'wed', start: '16:30', end: '18:00' },
      { day: 'wed', start: '17:00', end: '18:15' },
    ]);
    expect(grid.hours.map(clock)).toEqual(['16:00', '17:00', '18:00']);
    expect(grid.cells[0][2]).toEqual({ from: 16 * 60 + 30, to: 17 * 60, whole: false });
    expect(grid.cells[1][2]).toEqual({ from: 17 * 60, to: 18 * 60, whole: true });
    expect(grid.cells[2][2]).toEqual({ from: 18 * 60, to: 18 * 60 + 15, whole: false });
    expect(grid.cells[1][0]).toBeNull();
  });

  it('ignores empty or inverted slots', () => {
    expect(buildWeekGrid([{ day: 'mon', start: '12:00', end: '12:00' }]).hours).toEqual([]);
  });
});
