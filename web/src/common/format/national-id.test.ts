import { describe, expect, it } from 'vitest';
import { groupNationalId } from './national-id';

describe('fødselsnummer as people read it', () => {
  it('puts a space between the birth date and the personal digits, masked or not', () => {
    expect(groupNationalId('178190*****')).toBe('178190 *****');
    expect(groupNationalId('17819000034')).toBe('178190 00034');
  });

  it('leaves anything that is not 11 digits (or a mask) as it is', () => {
    expect(groupNationalId('1781900003')).toBe('1781900003');
    expect(groupNationalId('abcdefghijk')).toBe('abcdefghijk');
    expect(groupNationalId('')).toBe('');
  });
});
