import { explainPair } from './explain';
import { emptyComponents, PairScorer } from './scoring';
import { instanceOf, northOfOslo } from './testing/instance-factory';
import { withDefaults } from './types';

const settings = withDefaults();
const labels = {
  interests: ['football', 'hiking', 'cinema', 'chess'],
  languages: ['Norwegian', 'English', 'Arabic'],
};

describe('PairScorer', () => {
  it('adds up documented components for a known pair', () => {
    // Shared: hiking (1 of 4 for full), Monday 18–21 (180 of 600 min), same place, 5 years apart, Norwegian, 73 days.
    const instance = instanceOf([{ waitingDays: 73 }], [{}]);
    const c = emptyComponents();
    const total = new PairScorer(settings).components(instance, 0, 0, 0, c);
    expect(c).toEqual({
      base: 200,
      interests: Math.round(50 / 4),
      availability: Math.round((30 * 180) / 600),
      distance: 30,
      ageCloseness: Math.round(10 * (1 - 5 / 30)),
      language: 5,
      waiting: Math.round((60 * 73) / 365),
      total,
    });
    expect(total).toBe(200 + 13 + 9 + 30 + 8 + 5 + 12);
  });

  it('gives the fast score the same total as the components', () => {
    const instance = instanceOf(
      [{ waitingDays: 400, interests: [0, 1, 2, 40], languages: [0, 2] }],
      [{ interests: [0, 1, 2, 40, 63], languages: [0, 2, 5], age: 70 }],
    );
    const scorer = new PairScorer(settings);
    const total = scorer.components(instance, 0, 0, 7.3, emptyComponents());
    expect(scorer.score(instance, 0, 0, 7.3, scorer.userConstant(instance, 0))).toBe(total);
  });

  it('caps interests and the waiting bonus, and lets distance fall to zero at the radius', () => {
    const instance = instanceOf(
      [{ waitingDays: 5000, interests: [0, 1, 2, 3, 4, 5] }],
      [{ interests: [0, 1, 2, 3, 4, 5] }],
    );
    const c = emptyComponents();
    new PairScorer(settings).components(instance, 0, 0, settings.travelRadiusKm, c);
    expect(c.interests).toBe(50);
    expect(c.waiting).toBe(60);
    expect(c.distance).toBe(0);
  });

  it('scores a closer contact higher, all else equal', () => {
    const instance = instanceOf([{}], [{}]);
    const scorer = new PairScorer(settings);
    expect(scorer.score(instance, 0, 0, 1, 0)).toBeGreaterThan(scorer.score(instance, 0, 0, 9, 0));
  });
});

describe('explainPair', () => {
  it('says what the pair shares, how far, when and how long the user has waited', () => {
    const instance = instanceOf(
      [
        {
          interests: [1, 2],
          waitingDays: 41,
          availability: [{ day: 1, startMinute: 19 * 60, endMinute: 22 * 60 }],
        },
      ],
      [
        {
          ...northOfOslo(3.2),
          interests: [1, 2, 3],
          availability: [{ day: 1, startMinute: 18 * 60, endMinute: 23 * 60 }],
        },
      ],
    );
    const e = explainPair(instance, 0, 0, settings, labels);
    expect(e.reason).toBe('shares hiking and cinema; 3.2 km; both free Tuesday evenings; waiting 41 days');
    expect(e.sharedInterests).toEqual([1, 2]);
    expect(e.bestWindow).toEqual({ day: 1, part: 'evening', sharedMinutes: 180 });
    expect(e.distanceKm).toBeCloseTo(3.2, 2);
  });

  it('mentions a required language, and leaves out what is not shared', () => {
    const instance = instanceOf(
      [{ interests: [0], requiredLanguage: 2, waitingDays: 0 }],
      [{ interests: [3], languages: [0, 2] }],
    );
    expect(explainPair(instance, 0, 0, settings, labels).reason).toBe(
      '0.0 km; both free Monday evenings; speaks Arabic',
    );
  });

  it('falls back to codes without labels and shortens long lists', () => {
    const instance = instanceOf(
      [{ interests: [1, 2, 3, 4, 5], waitingDays: 1 }],
      [{ interests: [1, 2, 3, 4, 5] }],
    );
    expect(explainPair(instance, 0, 0, settings).reason).toMatch(
      /^shares interest #1, interest #2, interest #3 and 2 more; .*; waiting 1 day$/,
    );
  });
});
