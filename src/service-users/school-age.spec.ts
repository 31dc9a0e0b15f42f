import { assessDecisionAge, isUnderSchoolAge, schoolAgeFrom } from './school-age';

describe('schoolAgeFrom', () => {
  it.each([
    ['2019-01-01', '2025-08-01'],
    ['2019-12-31', '2025-08-01'], // born late in the year: starts school at five
    ['2020-02-29', '2026-08-01'],
    ['2019-08-01', '2025-08-01'],
  ])('a child born %s reaches school age on %s', (birthDate, expected) => {
    expect(schoolAgeFrom(birthDate)).toBe(expected);
  });

  it('rejects an invalid birth date', () => expect(() => schoolAgeFrom('2019-02-29')).toThrow(RangeError));
});

describe('isUnderSchoolAge', () => {
  it.each([
    ['2019-03-10', '2025-07-31', true],
    ['2019-03-10', '2025-08-01', false],
    ['2019-03-10', '2025-08-02', false],
    ['2019-12-31', '2025-08-01', false], // still five, but a pupil
    ['2019-12-31', '2025-07-31', true],
    ['2019-01-01', '2025-07-31', true], // already six, but school has not started
    ['2019-03-10', '2019-03-10', true], // newborn
    ['2019-03-10', '2030-01-01', false],
    ['2012-05-05', '2025-01-01', false],
  ])('born %s, on %s: %s', (birthDate, onDate, expected) => {
    expect(isUnderSchoolAge(birthDate, onDate)).toBe(expected);
  });

  it('rejects invalid dates', () => {
    expect(() => isUnderSchoolAge('2019-03-10', '2025-13-01')).toThrow(RangeError);
    expect(() => isUnderSchoolAge('2019-02-30', '2025-01-01')).toThrow(RangeError);
  });
});

describe('assessDecisionAge', () => {
  it('allows a decision for a child of school age', () => {
    expect(assessDecisionAge('2015-06-01', '2025-01-01', false)).toEqual({ allowed: true });
  });

  it('allows a decision that takes effect on the first day of school age', () => {
    expect(assessDecisionAge('2019-06-01', '2025-08-01', false)).toEqual({ allowed: true });
  });

  it('allows adults and the elderly', () => {
    expect(assessDecisionAge('1950-06-01', '2025-01-01', false)).toEqual({ allowed: true });
  });

  it('refuses a decision for a child under school age, naming the date and the exception', () => {
    const result = assessDecisionAge('2019-06-01', '2025-07-31', false);
    expect(result.allowed).toBe(false);
    if (result.allowed) return;
    expect(result.reason).toContain('under school age');
    expect(result.reason).toContain('2025-08-01');
    expect(result.reason).toContain('barnevernstjenesten');
  });

  it('allows a child under school age when barnevernstjenesten grants it', () => {
    expect(assessDecisionAge('2022-06-01', '2025-01-01', true)).toEqual({ allowed: true });
  });

  it('refuses a decision that takes effect before the user is born, even from child welfare', () => {
    const result = assessDecisionAge('2025-06-01', '2025-01-01', true);
    expect(result).toEqual({
      allowed: false,
      reason: expect.stringContaining('before the service user is born'),
    });
  });

  it('rejects invalid dates', () => {
    expect(() => assessDecisionAge('2019-06-31', '2025-01-01', false)).toThrow(RangeError);
    expect(() => assessDecisionAge('2019-06-01', '', false)).toThrow(RangeError);
  });
});
