/**
 * Why a user with a group vedtak got no place this run, as individual users get a reason (DOMAIN rule 9; issue
 * 14: a run proposed no group while users had waited half a year, and said nothing). The first rule in the funnel
 * that leaves the user without a group, each a plain fact about the roster a coordinator can act on.
 */
import { groupCapacity, GroupInstance } from './instance';
import { isExcluded, userDistanceKm } from './rules';
import { GroupSettings } from './types';

export const GROUP_UNPLACED_REASONS = [
  /** No eligible contact with room for a group lives within the contact radius. */
  'no_contact_in_radius',
  /** Too few other users waiting for a group nearby, and no open group nearby with a free seat. */
  'too_few_nearby',
  /** People and contacts nearby, but no group fits their interests, times and the contacts' room this run. */
  'no_group_fits',
] as const;
export type GroupUnplacedReason = (typeof GROUP_UNPLACED_REASONS)[number];

export function groupUnplacedReason(
  instance: GroupInstance,
  settings: GroupSettings,
  u: number,
): GroupUnplacedReason {
  const { users, contacts, groups } = instance;
  let contactNearby = false;
  for (let c = 0; c < contacts.count && !contactNearby; c++) {
    if (groupCapacity(instance, settings, c) <= 0 || isExcluded(instance, u, c)) continue;
    const km = userDistanceKm(instance, u, contacts.lat[c], contacts.lon[c]);
    contactNearby = km <= settings.contactRadiusKm;
  }
  if (!contactNearby) return 'no_contact_in_radius';

  let othersNearby = 0;
  for (let v = 0; v < users.count; v++) {
    if (v !== u && userDistanceKm(instance, u, users.lat[v], users.lon[v]) <= settings.groupRadiusKm)
      othersNearby++;
  }
  let seatNearby = false;
  for (let g = 0; g < groups.count && !seatNearby; g++) {
    if (groups.memberCount[g] >= settings.maxGroupSize || Number.isNaN(groups.lat[g])) continue;
    seatNearby = userDistanceKm(instance, u, groups.lat[g], groups.lon[g]) <= settings.groupRadiusKm;
  }
  if (othersNearby < settings.minGroupSize - 1 && !seatNearby) return 'too_few_nearby';
  return 'no_group_fits';
}
