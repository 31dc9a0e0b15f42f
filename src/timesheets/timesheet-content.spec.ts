import { contentHash, ContentLine } from './timesheet-content';

const line = (overrides: Partial<ContentLine> = {}): ContentLine => ({
  id: '00000000-0000-4000-8000-000000000001',
  date: '2026-07-01',
  start: '10:00',
  end: '12:00',
  minutes: 120,
  activity: 'Kino',
  kmTenths: 0,
  expensesOre: 0,
  correctsSessionId: null,
  attendees: ['u1'],
  ...overrides,
});

describe('contentHash', () => {
  it('is a SHA-256 hex digest that does not depend on the order of lines or attendees', () => {
    const a = line();
    const b = line({ id: '00000000-0000-4000-8000-000000000002', attendees: ['u2', 'u1'] });
    expect(contentHash([a, b])).toMatch(/^[0-9a-f]{64}$/);
    expect(contentHash([a, b])).toBe(contentHash([b, { ...a }]));
    expect(contentHash([a, { ...b, attendees: ['u1', 'u2'] }])).toBe(contentHash([a, b]));
  });

  it('changes with any field of any line, and with a line added or removed', () => {
    const base = contentHash([line()]);
    for (const change of [
      { date: '2026-07-02' },
      { start: '10:01' },
      { end: '12:01' },
      { minutes: 121 },
      { activity: 'Tur' },
      { kmTenths: 1 },
      { expensesOre: 1 },
      { correctsSessionId: 'x' },
      { attendees: ['u2'] },
    ]) {
      expect(contentHash([line(change)])).not.toBe(base);
    }
    expect(contentHash([])).not.toBe(base);
    expect(contentHash([line(), line({ id: 'x' })])).not.toBe(base);
  });
});
