import { describe, expect, it } from 'vitest';
import { acceptEach, rankAlternatives } from './bulk';

describe('bulk accept', () => {
  it('accepts one after another and goes on past a failure', async () => {
    const order: string[] = [];
    const outcomes = await acceptEach(['a', 'b', 'c'], async (id) => {
      order.push(id);
      if (id === 'b') throw new Error('taken');
      return `intro-${id}`;
    });
    expect(order).toEqual(['a', 'b', 'c']);
    expect(outcomes.map((o) => [o.proposal, o.ok])).toEqual([
      ['a', true],
      ['b', false],
      ['c', true],
    ]);
    expect(outcomes[0]).toMatchObject({ result: 'intro-a' });
    expect(outcomes[1]).toMatchObject({ error: new Error('taken') });
  });

  it('accepts one at a time, never two at once', async () => {
    let running = 0;
    let most = 0;
    await acceptEach([1, 2, 3, 4], async () => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 1));
      running--;
    });
    expect(most).toBe(1);
  });
});

describe('a user’s alternatives', () => {
  const p = (id: string, score: number, runId: string, createdAt: string) => ({
    id,
    score,
    runId,
    createdAt,
  });
  it('ranks best first, the run’s own first at equal score, then newest', () => {
    const ranked = rankAlternatives(
      [
        p('old-low', 40, 'r1', '2026-11-01T01:00:00Z'),
        p('old-tie', 80, 'r1', '2026-11-01T01:00:00Z'),
        p('this-tie', 80, 'r2', '2026-11-02T01:00:00Z'),
        p('best', 95, 'r0', '2026-10-01T01:00:00Z'),
      ],
      'r2',
    );
    expect(ranked.map((x) => x.id)).toEqual(['best', 'this-tie', 'old-tie', 'old-low']);
  });
});
