/** A contact may hold several assignments up to their capacity (DOMAIN rule 2). */
export interface CapacityLimits {
  maxUsers: number;
  maxWeeklyHours: number;
}

export interface CapacityLoad {
  users: number;
  weeklyHours: number;
}

export type CapacityVerdict =
  { fits: true } | { fits: false; code: 'capacity_users_full' | 'capacity_hours_full'; message: string };

/** Hours are compared in hundredths, as stored (numeric(5,2)), so 0.1 + 0.2 never trips the limit. */
const hundredths = (hours: number): number => Math.round(hours * 100);

export function checkCapacity(
  limits: CapacityLimits,
  load: CapacityLoad,
  extraWeeklyHours: number,
): CapacityVerdict {
  if (load.users + 1 > limits.maxUsers) {
    return {
      fits: false,
      code: 'capacity_users_full',
      message: `The contact already has ${load.users} of at most ${limits.maxUsers} assignments`,
    };
  }
  if (hundredths(load.weeklyHours) + hundredths(extraWeeklyHours) > hundredths(limits.maxWeeklyHours)) {
    return {
      fits: false,
      code: 'capacity_hours_full',
      message: `The contact has ${load.weeklyHours} of at most ${limits.maxWeeklyHours} hours a week taken; ${extraWeeklyHours} more do not fit`,
    };
  }
  return { fits: true };
}

export function freeCapacity(limits: CapacityLimits, load: CapacityLoad): CapacityLoad {
  return {
    users: Math.max(0, limits.maxUsers - load.users),
    weeklyHours: Math.max(0, (hundredths(limits.maxWeeklyHours) - hundredths(load.weeklyHours)) / 100),
  };
}
