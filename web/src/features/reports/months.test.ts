import { describe, expect, it } from 'vitest';
import { lastMonths, percentOf } from './months';

describe('lastMonths', () => {
  it('lists months oldest first, the month in progress up to today', () => {
    expect(lastMonths('2026-02-10', 3)).toEqual([
      { month: '2025-12', from: '2025-12-01', to: '2025-12-31' },
      { month: '2026-01', from: '2026-01-01', to: '2026-01-31' },
      { month: '2026-02', from: '2026-02-01', to: '2026-02-10' },
    ]);
  });

  it('knows leap years', () => {
    expect(lastMonths('2028-03-01', 2)[0]).toEqual({
      month: '2028-02',
      from: '2028-02-01',
      to: '2028-02-29',
    });
  });
});

describe('percentOf', () => {
  it('rounds to one decimal and has no share of nothing', () => {
    expect(percentOf(1, 3)).toBe(33.3);
    expect(percentOf(5, 0)).toBeNull();
  });
});
