import { northOfOslo, OSLO } from '../../testing/instance-factory';
import { GroupContactInput, GroupUserInput } from '../types';

/** Tuesdays 17–21, when the users and contacts of these factories are free. */
export const TUESDAY_EVENING = [{ day: 1, startMinute: 17 * 60, endMinute: 21 * 60 }];

/** A user with a group vedtak in Oslo, who likes interest 1 and waits longer the lower `i` is. */
export const aGroupUser = (i: number, overrides: Partial<GroupUserInput> = {}): GroupUserInput => ({
  id: `u${i}`,
  ...OSLO,
  interests: [1],
  availability: TUESDAY_EVENING,
  waitingDays: 100 - i,
  ...overrides,
});

/** An eligible contact 1 km north of Oslo with room for two users. */
export const aGroupContact = (j: number, overrides: Partial<GroupContactInput> = {}): GroupContactInput => ({
  id: `c${j}`,
  ...northOfOslo(1),
  interests: [1],
  availability: TUESDAY_EVENING,
  eligible: true,
  freeUserSlots: 2,
  freeWeeklyHours: 6,
  ...overrides,
});
