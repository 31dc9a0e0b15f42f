import { lastNameInitial, nameForContact } from './name-for-contact';

describe('names as a støttekontakt sees them', () => {
  it('keeps only the initial of the surname', () => {
    expect(lastNameInitial('Nordmann')).toBe('N.');
    expect(lastNameInitial('Ødegård')).toBe('Ø.');
    expect(lastNameInitial('')).toBe('');
    expect(lastNameInitial(null)).toBe('');
  });

  it('keeps the first names of a full name and the initial of the last', () => {
    expect(nameForContact('Kari Nordmann')).toBe('Kari N.');
    expect(nameForContact('Anne Marie  Ødegård Hansen')).toBe('Anne Marie Ødegård H.');
    expect(nameForContact('Kari')).toBe('Kari');
  });
});
