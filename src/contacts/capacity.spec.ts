import { checkCapacity, freeCapacity } from './capacity';

describe('checkCapacity', () => {
  const limits = { maxUsers: 2, maxWeeklyHours: 6 };

  it('accepts an assignment that fits both limits', () => {
    expect(checkCapacity(limits, { users: 1, weeklyHours: 3 }, 3)).toEqual({ fits: true });
  });

  it('refuses when every user slot is taken', () => {
    expect(checkCapacity(limits, { users: 2, weeklyHours: 0 }, 1)).toMatchObject({
      fits: false,
      code: 'capacity_users_full',
    });
  });

  it('refuses when the hours would pass the weekly maximum', () => {
    expect(checkCapacity(limits, { users: 1, weeklyHours: 4 }, 2.01)).toMatchObject({
      fits: false,
      code: 'capacity_hours_full',
    });
  });

  it('compares hours exactly at two decimals (no float drift)', () => {
    expect(checkCapacity({ maxUsers: 5, maxWeeklyHours: 0.3 }, { users: 0, weeklyHours: 0.1 }, 0.2)).toEqual({
      fits: true,
    });
  });

  it('reports free capacity, never negative', () => {
    expect(freeCapacity(limits, { users: 3, weeklyHours: 7.5 })).toEqual({ users: 0, weeklyHours: 0 });
    expect(freeCapacity(limits, { users: 1, weeklyHours: 2.25 })).toEqual({ users: 1, weeklyHours: 3.75 });
  });
});
