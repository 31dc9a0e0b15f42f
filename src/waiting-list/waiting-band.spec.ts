import { waitingBand } from './waiting-band';

describe('waitingBand (Helsedirektoratet: ≤ 15, 16–30, ≥ 31 days)', () => {
  it.each([
    [0, '0-15'],
    [15, '0-15'],
    [16, '16-30'],
    [30, '16-30'],
    [31, '31+'],
    [400, '31+'],
  ])('%i days → %s', (days, band) => {
    expect(waitingBand(days)).toBe(band);
  });

  it('treats a waiting date in the future (negative days) as the first band', () => {
    expect(waitingBand(-3)).toBe('0-15');
  });

  it('refuses fractions', () => {
    expect(() => waitingBand(1.5)).toThrow(RangeError);
  });
});
