import { describe, expect, it } from 'vitest';
import { cellsOf, slotsOf } from './week-grid';

describe('the week grid', () => {
  it('marks every block a free time falls in', () => {
    const cells = cellsOf([
      { day: 'tue', start: '16:00', end: '19:00' },
      { day: 'wed', start: '10:00', end: '17:00' },
    ]);
    expect([...cells].sort()).toEqual(['tue:afternoon', 'wed:afternoon', 'wed:day']);
  });

  it('joins touching blocks of a day into one slot, and never overlaps', () => {
    const slots = slotsOf(new Set(['mon:day', 'mon:afternoon', 'mon:evening', 'sat:day', 'sat:evening']));
    expect(slots).toEqual([
      { day: 'mon', start: '08:00', end: '22:00' },
      { day: 'sat', start: '08:00', end: '16:00' },
      { day: 'sat', start: '19:00', end: '22:00' },
    ]);
  });

  it('reads back what it wrote', () => {
    const cells = new Set(['thu:evening', 'fri:day'] as const);
    expect(cellsOf(slotsOf(new Set(cells)))).toEqual(new Set(cells));
  });
});
