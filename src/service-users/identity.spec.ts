import { checkIdentity } from './identity';
import { generateValidNationalId } from './national-id';

/** Completes 9 digits with both legacy mod-11 check digits (null when one would be 10). */
function withCheckDigits(nine: string): string | null {
  const digits = [...nine].map(Number);
  const k = (weights: number[], ds: number[]) => {
    const r = weights.reduce((sum, w, i) => sum + w * ds[i], 0) % 11;
    return r === 0 ? 0 : 11 - r;
  };
  const k1 = k([3, 7, 6, 1, 8, 9, 4, 5, 2], digits);
  if (k1 === 10) return null;
  const k2 = k([5, 4, 3, 2, 7, 6, 5, 4, 3, 2], [...digits, k1]);
  return k2 === 10 ? null : `${nine}${k1}${k2}`;
}

function numberFor(birthDate: string, kind: 'fnr' | 'dnr' | 'synthetic'): string {
  const generated = generateValidNationalId(birthDate, { kind });
  if (!generated) throw new Error('no number for this date');
  return generated.nationalId;
}

describe('checkIdentity', () => {
  const allowed = { allowSynthetic: true, today: '2026-03-10' };
  const refused = { allowSynthetic: false, today: '2026-03-10' };

  it('derives the birth date from a fødselsnummer when none is given', () => {
    expect(checkIdentity(numberFor('1990-01-17', 'fnr'), undefined, refused)).toEqual({
      ok: true,
      birthDate: '1990-01-17',
      kind: 'fnr',
    });
  });

  it('accepts a given birth date that agrees with the number', () => {
    expect(checkIdentity(numberFor('2015-06-30', 'fnr'), '2015-06-30', refused)).toMatchObject({ ok: true });
  });

  it('names birthDate when it does not agree with the number', () => {
    expect(checkIdentity(numberFor('1990-01-17', 'fnr'), '1990-01-18', refused)).toEqual({
      ok: false,
      issues: [
        { field: 'birthDate', reason: 'birthDate does not agree with the date of birth in nationalId' },
      ],
    });
  });

  it('accepts a D-number (first digit + 4) with its real birth date', () => {
    const dnr = numberFor('1985-12-03', 'dnr');
    expect(dnr.startsWith('43')).toBe(true);
    expect(checkIdentity(dnr, '1985-12-03', refused)).toMatchObject({ ok: true, kind: 'dnr' });
  });

  it('accepts an H-number (month + 40)', () => {
    let hnr: string | null = null;
    for (let individual = 0; hnr === null; individual++) {
      hnr = withCheckDigits(`175190${String(individual).padStart(3, '0')}`);
    }
    expect(checkIdentity(hnr, undefined, refused)).toEqual({
      ok: true,
      birthDate: '1990-11-17',
      kind: 'hnr',
    });
  });

  it('refuses a synthetic test number when the setting is off, and accepts it when on', () => {
    const synthetic = numberFor('1990-01-17', 'synthetic');
    const off = checkIdentity(synthetic, undefined, refused);
    expect(off).toMatchObject({ ok: false, issues: [{ field: 'nationalId' }] });
    expect(off.ok === false && off.issues[0].reason).toMatch(/synthetic/);
    expect(checkIdentity(synthetic, undefined, allowed)).toMatchObject({ ok: true, kind: 'synthetic' });
  });

  it.each([
    ['a wrong check digit', (n: string) => `${n.slice(0, 10)}${(Number(n[10]) + 1) % 10}`, /check digits/],
    [
      'a date that does not exist',
      () => withCheckDigits('300290000') ?? withCheckDigits('300290001')!,
      /date/,
    ],
    ['too few digits', (n: string) => n.slice(0, 10), /11 digits/],
  ])('refuses %s, naming nationalId and never echoing the number', (_label, mutate, reason) => {
    const value = mutate(numberFor('1990-01-17', 'fnr'));
    const check = checkIdentity(value, undefined, refused);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.issues).toEqual([{ field: 'nationalId', reason: expect.stringMatching(reason) }]);
    expect(JSON.stringify(check)).not.toContain(value);
  });

  it('refuses a birth date in the future', () => {
    const check = checkIdentity(numberFor('2026-03-11', 'fnr'), undefined, refused);
    expect(check).toMatchObject({
      ok: false,
      issues: [{ field: 'nationalId', reason: expect.stringMatching(/future/) }],
    });
  });
});
