import { northOfOslo } from '../testing/instance-factory';
import { formGroups } from './formation';
import { aGroupContact, aGroupUser } from './testing/group-factories';
import { buildGroupInstance } from './instance';
import { ExistingGroupInput, GroupContactInput, GroupUserInput, withGroupDefaults } from './types';
import { groupUnplacedReason } from './unplaced-reason';

const SATURDAY_MORNING = [{ day: 5, startMinute: 9 * 60, endMinute: 12 * 60 }];
const user = aGroupUser;
const contact = aGroupContact;
const settings = withGroupDefaults();

/** The reason of every user the formation leaves without a place. */
function reasons(users: GroupUserInput[], contacts: GroupContactInput[], groups: ExistingGroupInput[] = []) {
  const instance = buildGroupInstance(users, contacts, groups);
  const result = formGroups(instance, settings);
  return result.unplaced.map((u) => [instance.users.ids[u], groupUnplacedReason(instance, settings, u)]);
}

describe('why a user with a group vedtak got no place', () => {
  it('names the missing contact first: none eligible with room within the radius', () => {
    expect(reasons([user(0), user(1), user(2)], [contact(0, { eligible: false })])).toEqual([
      ['u0', 'no_contact_in_radius'],
      ['u1', 'no_contact_in_radius'],
      ['u2', 'no_contact_in_radius'],
    ]);
    expect(reasons([user(0), user(1), user(2)], [contact(0, { ...northOfOslo(40) })])).toHaveLength(3);
    // A contact the user must not have does not count for them.
    const excluded = reasons([user(0, { excludedContactIds: ['c0'] }), user(1), user(2)], [contact(0)]);
    expect(excluded).toContainEqual(['u0', 'no_contact_in_radius']);
  });

  it('then too few others nearby, when no open group near them has a seat', () => {
    expect(reasons([user(0), user(1, { ...northOfOslo(30) })], [contact(0)])).toEqual([
      ['u0', 'too_few_nearby'],
      ['u1', 'no_contact_in_radius'],
    ]);
  });

  it('else no group fits: enough people and a contact nearby, but no shared time', () => {
    const apart = [user(0), user(1, { availability: SATURDAY_MORNING }), user(2, { interests: [2] })];
    expect(reasons(apart, [contact(0)]).map(([, reason]) => reason)).toEqual([
      'no_group_fits',
      'no_group_fits',
      'no_group_fits',
    ]);
  });

  it('gives no reason to a user who was placed', () => {
    expect(reasons([user(0), user(1), user(2)], [contact(0)])).toEqual([]);
  });
});
