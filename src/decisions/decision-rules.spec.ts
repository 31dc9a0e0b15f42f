import { decisionStatus, decisionTermIssues, defaultWaitingSince, DecisionTerms } from './decision-rules';

describe('decisionTermIssues', () => {
  const today = '2026-03-10';
  const terms = (overrides: Partial<DecisionTerms> = {}): DecisionTerms => ({
    hoursGranted: 4,
    hoursPeriod: 'week',
    decidedOn: '2026-03-01',
    validFrom: '2026-04-01',
    validTo: '2027-03-31',
    ...overrides,
  });

  it('accepts consistent terms', () => {
    expect(decisionTermIssues(terms(), today)).toEqual([]);
  });

  it('accepts a decision valid for one day only', () => {
    expect(decisionTermIssues(terms({ validFrom: '2026-04-01', validTo: '2026-04-01' }), today)).toEqual([]);
  });

  it('names validTo when the period ends before it starts', () => {
    expect(decisionTermIssues(terms({ validTo: '2026-03-31' }), today)).toEqual([
      { field: 'validTo', reason: 'validTo must be on or after validFrom' },
    ]);
  });

  it('refuses a decision dated in the future, but not one dated today', () => {
    expect(decisionTermIssues(terms({ decidedOn: '2026-03-11' }), today).map((i) => i.field)).toEqual([
      'decidedOn',
    ]);
    expect(decisionTermIssues(terms({ decidedOn: today }), today)).toEqual([]);
  });

  it('refuses more hours a week than a week has, but allows them per month', () => {
    expect(decisionTermIssues(terms({ hoursGranted: 168.01 }), today).map((i) => i.field)).toEqual([
      'hoursGranted',
    ]);
    expect(decisionTermIssues(terms({ hoursGranted: 168 }), today)).toEqual([]);
    expect(decisionTermIssues(terms({ hoursGranted: 200, hoursPeriod: 'month' }), today)).toEqual([]);
  });

  it('refuses a waiting date after the decision has ended', () => {
    expect(decisionTermIssues(terms({ waitingSince: '2027-04-01' }), today).map((i) => i.field)).toEqual([
      'waitingSince',
    ]);
    expect(decisionTermIssues(terms({ waitingSince: '2025-12-01' }), today)).toEqual([]);
  });

  it('reports every problem at once', () => {
    const issues = decisionTermIssues(terms({ decidedOn: '2026-05-01', validTo: '2026-01-01' }), today);
    expect(issues.map((i) => i.field)).toEqual(['validTo', 'decidedOn']);
  });
});

describe('defaultWaitingSince', () => {
  it('is validFrom when the decision was made before it takes effect', () => {
    expect(defaultWaitingSince('2026-01-15', '2026-02-01')).toBe('2026-02-01');
  });

  it('is decidedOn for a retroactive decision', () => {
    expect(defaultWaitingSince('2026-03-01', '2026-01-01')).toBe('2026-03-01');
  });
});

describe('decisionStatus', () => {
  it('is upcoming before, current within (inclusive) and expired after the period', () => {
    expect(decisionStatus('2026-02-01', '2026-02-28', '2026-01-31')).toBe('upcoming');
    expect(decisionStatus('2026-02-01', '2026-02-28', '2026-02-01')).toBe('current');
    expect(decisionStatus('2026-02-01', '2026-02-28', '2026-02-28')).toBe('current');
    expect(decisionStatus('2026-02-01', '2026-02-28', '2026-03-01')).toBe('expired');
  });
});
