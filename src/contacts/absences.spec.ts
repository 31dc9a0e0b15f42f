import { absenceDuring, absenceProblems, availableForProposals } from './absences';

const summer = { startsOn: '2027-07-01', endsOn: '2027-07-21' };
const easter = { startsOn: '2027-03-22', endsOn: '2027-03-29' };

describe('absences', () => {
  it('covers its first and last day, and nothing outside', () => {
    expect(absenceDuring([easter, summer], '2027-07-01')).toBe(summer);
    expect(absenceDuring([easter, summer], '2027-07-21')).toBe(summer);
    expect(absenceDuring([easter, summer], '2027-07-10')).toBe(summer);
    expect(absenceDuring([easter, summer], '2027-06-30')).toBeUndefined();
    expect(absenceDuring([easter, summer], '2027-07-22')).toBeUndefined();
    expect(absenceDuring([], '2027-07-10')).toBeUndefined();
  });

  it('finds an absence touching any day of a span', () => {
    expect(absenceDuring([summer], '2027-06-25', '2027-07-01')).toBe(summer);
    expect(absenceDuring([summer], '2027-07-21', '2027-08-01')).toBe(summer);
    expect(absenceDuring([summer], '2027-06-01', '2027-08-01')).toBe(summer);
    expect(absenceDuring([summer], '2027-06-01', '2027-06-30')).toBeUndefined();
  });

  it('refuses a backwards, overlong or already ended absence, naming the field', () => {
    const today = '2027-05-01';
    expect(absenceProblems(summer, today)).toEqual([]);
    expect(absenceProblems({ startsOn: '2027-05-01', endsOn: '2027-05-01' }, today)).toEqual([]);
    expect(absenceProblems({ startsOn: '2027-07-21', endsOn: '2027-07-01' }, today)).toEqual([
      { field: 'endsOn', reason: 'endsOn must be on or after startsOn' },
    ]);
    expect(absenceProblems({ startsOn: '2027-06-01', endsOn: '2028-06-01' }, today)[0].field).toBe('endsOn');
    expect(absenceProblems({ startsOn: '2027-06-01', endsOn: '2028-05-31' }, today)).toEqual([]);
    expect(absenceProblems({ startsOn: '2027-04-01', endsOn: '2027-04-30' }, today)).toEqual([
      { field: 'endsOn', reason: 'an absence that has already ended cannot be registered' },
    ]);
  });

  it('keeps a contact out of proposals while away and in the week before leaving', () => {
    expect(availableForProposals([summer], '2027-07-10')).toBe(false);
    expect(availableForProposals([summer], '2027-06-25')).toBe(false);
    expect(availableForProposals([summer], '2027-06-24')).toBe(true);
    expect(availableForProposals([summer], '2027-07-22')).toBe(true);
    expect(availableForProposals([], '2027-07-10')).toBe(true);
  });
});
