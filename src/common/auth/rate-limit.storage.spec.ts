import { RateLimitStorage } from './rate-limit.storage';

const MINUTE = 60_000;

describe('RateLimitStorage', () => {
  let now: number;
  let storage: RateLimitStorage;
  const hit = (key = '203.0.113.7', limit = 3, blockDuration = MINUTE) =>
    storage.increment(key, MINUTE, limit, blockDuration, 'default');

  beforeEach(() => {
    now = 1_700_000_000_000;
    storage = new RateLimitStorage(() => now);
  });

  it('lets `limit` hits through in a window and blocks the next one', async () => {
    expect(await hit()).toEqual({ totalHits: 1, timeToExpire: 60, isBlocked: false, timeToBlockExpire: 0 });
    now += 1000;
    await hit();
    now += 1000;
    expect((await hit()).totalHits).toBe(3);
    now += 1000;
    expect(await hit()).toEqual({ totalHits: 4, timeToExpire: 57, isBlocked: true, timeToBlockExpire: 60 });
  });

  it('counts each client on its own', async () => {
    for (let i = 0; i < 3; i++) await hit('203.0.113.7');
    expect((await hit('203.0.113.7')).isBlocked).toBe(true);
    expect((await hit('198.51.100.1')).isBlocked).toBe(false);
  });

  it('stays blocked for the block duration, then has a whole window again', async () => {
    for (let i = 0; i < 4; i++) await hit();
    now += MINUTE - 1;
    expect((await hit()).isBlocked).toBe(true);
    now += 1;
    const after = await hit();
    expect(after).toMatchObject({ totalHits: 1, isBlocked: false });
  });

  it('is a sliding window: a hit frees its place exactly one ttl after it was made', async () => {
    await hit(); // t = 0
    now += 30_000;
    await hit(); // t = 30 s
    await hit(); // t = 30 s
    now += 29_999;
    expect((await hit(undefined, 3, 0)).isBlocked).toBe(true);
    now += 1; // the first hit has expired
    expect(await hit(undefined, 3, 0)).toMatchObject({ totalHits: 3, isBlocked: false, timeToExpire: 30 });
  });

  it('keeps the cost per hit flat with a high limit (expired hits are compacted away)', async () => {
    for (let i = 0; i < 200_000; i++) {
      now += 1;
      const record = await hit('203.0.113.7', 1_000_000_000, MINUTE);
      if (record.isBlocked) throw new Error('blocked under a limit of a billion');
    }
    // 200 000 ms after the start, only the last minute's hits are counted.
    expect((await hit('203.0.113.7', 1_000_000_000)).totalHits).toBe(MINUTE + 1);
  });
});
