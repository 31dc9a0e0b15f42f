import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateTime,
  formatKroner,
  formatNumber,
  formatTime,
  kronerToOre,
  osloDay,
} from './format';

const nbsp = /[\u00a0\u202f]/g;

describe('formatting as Norwegians write it', () => {
  it('writes dates as dd.mm.åååå', () => {
    expect(formatDate('2026-03-05')).toBe('05.03.2026');
    expect(formatDate('2026-12-31T23:30:00Z')).toBe('01.01.2027'); // already the next day in Oslo
  });

  it('writes times in Oslo time, summer and winter', () => {
    expect(formatTime('2026-01-15T09:00:00Z')).toBe('10:00');
    expect(formatTime('2026-07-15T09:00:00Z')).toBe('11:00');
    expect(formatDateTime('2026-07-15T09:00:00Z')).toBe('15.07.2026 kl. 11:00');
  });

  it('writes numbers with a space between thousands and a decimal comma', () => {
    expect(formatNumber(1234.5).replace(nbsp, ' ')).toBe('1 234,5');
  });

  it('writes kroner with two decimals and kr', () => {
    expect(formatKroner(1234.5).replace(nbsp, ' ')).toBe('1 234,50 kr');
  });

  it('gives the Oslo calendar day of an instant', () => {
    expect(osloDay(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
  });
});

describe('Oslo wall-clock times to instants', () => {
  it('reads a winter time as UTC+1 and a summer time as UTC+2', async () => {
    const { osloInstant } = await import('./format');
    expect(osloInstant('2026-01-15', '10:00')).toBe('2026-01-15T09:00:00.000Z');
    expect(osloInstant('2026-07-15', '10:00')).toBe('2026-07-15T08:00:00.000Z');
  });

  it('handles the days the clocks change', async () => {
    const { osloInstant } = await import('./format');
    expect(osloInstant('2026-03-29', '12:00')).toBe('2026-03-29T10:00:00.000Z');
    expect(osloInstant('2026-10-25', '12:00')).toBe('2026-10-25T11:00:00.000Z');
  });
});

describe('kronerToOre', () => {
  it('reads kroner as a person types them, in whole øre', () => {
    expect(kronerToOre('129')).toBe(12_900);
    expect(kronerToOre('129,5')).toBe(12_950);
    expect(kronerToOre(' 0.05 ')).toBe(5);
    expect(kronerToOre('12,345')).toBeNull();
    expect(kronerToOre('-3')).toBeNull();
    expect(kronerToOre('')).toBeNull();
  });
});
