import { describe, expect, it } from 'vitest';
import { checkGroupDraft, parseHours } from './group-rules';

const valid = {
  name: 'Turgruppa',
  memberIds: ['a', 'b', 'c'],
  contactIds: ['x'],
  startsOn: '2026-12-02',
  weeklyHours: '2,5',
};

describe('forming an activity group', () => {
  it('accepts 3–6 members and 1–2 contacts', () => {
    expect(checkGroupDraft(valid)).toEqual([]);
    expect(
      checkGroupDraft({ ...valid, memberIds: ['a', 'b', 'c', 'd', 'e', 'f'], contactIds: ['x', 'y'] }),
    ).toEqual([]);
  });

  it('names the field of each problem', () => {
    expect(
      checkGroupDraft({
        name: ' ',
        memberIds: ['a', 'b'],
        contactIds: [],
        startsOn: '',
        weeklyHours: '0',
      }),
    ).toEqual([
      { field: 'name', key: 'nameMissing' },
      { field: 'members', key: 'tooFewMembers' },
      { field: 'contacts', key: 'noContact' },
      { field: 'startsOn', key: 'startsOnMissing' },
      { field: 'weeklyHours', key: 'hoursInvalid' },
    ]);
  });

  it('refuses a seventh member and a third contact', () => {
    expect(
      checkGroupDraft({
        ...valid,
        memberIds: ['a', 'b', 'c', 'd', 'e', 'f', 'g'],
        contactIds: ['x', 'y', 'z'],
      }),
    ).toEqual([
      { field: 'members', key: 'tooManyMembers' },
      { field: 'contacts', key: 'tooManyContacts' },
    ]);
  });

  it('reads hours with a decimal comma or point', () => {
    expect(parseHours('2,5')).toBe(2.5);
    expect(parseHours('3.25')).toBe(3.25);
    expect(checkGroupDraft({ ...valid, weeklyHours: 'to' })).toEqual([
      { field: 'weeklyHours', key: 'hoursInvalid' },
    ]);
  });
});
