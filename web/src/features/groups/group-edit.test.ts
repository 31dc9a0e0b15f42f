import { describe, expect, it } from 'vitest';
import {
  activationGaps,
  changedFields,
  conflictOf,
  detailsChange,
  detailsProblems,
  draftOf,
  freeContactSeat,
  rebaseDraft,
} from './group-edit';

const base = draftOf({ name: 'Turgruppa 0550', interests: ['walks', 'hiking'], postalCode: '0550' });

describe('editing a group’s name, interests and area', () => {
  it('reads the group into the form, an absent postal code as empty text', () => {
    expect(draftOf({ name: 'A', interests: [], postalCode: null })).toEqual({
      name: 'A',
      interests: [],
      postalCode: '',
    });
  });

  it('sends only what changed, trimmed; the order of interests is no change', () => {
    expect(detailsChange(base, { ...base, interests: ['hiking', 'walks'] })).toEqual({});
    expect(detailsChange(base, { ...base, name: '  Turgruppa Tøyen ' })).toEqual({ name: 'Turgruppa Tøyen' });
    expect(detailsChange(base, { ...base, postalCode: ' ' })).toEqual({ postalCode: null });
    expect(detailsChange(base, { ...base, interests: ['cafe'], postalCode: '0651' })).toEqual({
      interests: ['cafe'],
      postalCode: '0651',
    });
  });

  it('names a missing or too long name and a postal code that is not 4 digits', () => {
    expect(detailsProblems(base)).toEqual([]);
    expect(detailsProblems({ ...base, name: '  ', postalCode: '55' })).toEqual([
      { field: 'name', key: 'nameMissing' },
      { field: 'postalCode', key: 'postalCodeInvalid' },
    ]);
    expect(detailsProblems({ ...base, name: 'x'.repeat(101) })).toEqual([
      { field: 'name', key: 'nameTooLong' },
    ]);
    expect(detailsProblems({ ...base, postalCode: '' })).toEqual([]);
  });

  it('after a 412, tells what the other coordinator changed apart from what this one changed', () => {
    const fresh = { ...base, name: 'Turgruppa Sagene' };
    const draft = { ...base, postalCode: '0651' };
    expect(conflictOf(base, fresh, draft)).toEqual({ theirs: ['name'], yours: ['postalCode'], both: [] });
  });

  it('after a 412, a field both changed differently is a conflict; one both changed alike is not', () => {
    const fresh = { ...base, name: 'Turgruppa Sagene', interests: ['cafe'] };
    const draft = { ...base, name: 'Turgruppa Tøyen', interests: ['cafe'] };
    expect(conflictOf(base, fresh, draft)).toEqual({
      theirs: ['name', 'interests'],
      yours: ['name'],
      both: ['name'],
    });
    expect(changedFields(fresh, draft)).toEqual(['name']);
  });

  it('after a 412, takes the fresh version into the form and keeps only the coordinator’s own edits', () => {
    const fresh = { ...base, name: 'Turgruppa Sagene', interests: ['cafe'] };
    const draft = { ...base, postalCode: '0651', interests: ['walks'] };
    const rebased = rebaseDraft(base, fresh, draft);
    expect(rebased).toEqual({ name: 'Turgruppa Sagene', interests: ['walks'], postalCode: '0651' });
    // Saved again, only what this coordinator changed goes out; the other's new name is not undone.
    expect(detailsChange(draftOf({ ...fresh, postalCode: fresh.postalCode }), rebased)).toEqual({
      interests: ['walks'],
      postalCode: '0651',
    });
  });
});

describe('starting a group and its contact seats', () => {
  it('says what keeps a group from starting: 3–6 members and one or two contacts', () => {
    expect(activationGaps({ memberCount: 3, contacts: [{}] })).toEqual([]);
    expect(activationGaps({ memberCount: 2, contacts: [] })).toEqual(['tooFewMembers', 'noContact']);
    expect(activationGaps({ memberCount: 6, contacts: [{}, {}] })).toEqual([]);
  });

  it('finds the lowest free contact seat', () => {
    expect(freeContactSeat([])).toBe(1);
    expect(freeContactSeat([{ seat: 1 }])).toBe(2);
    expect(freeContactSeat([{ seat: 2 }])).toBe(1);
    expect(freeContactSeat([{ seat: 1 }, { seat: 2 }])).toBeNull();
  });
});
