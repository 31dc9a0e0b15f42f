import { ThrottlerStorage } from '@nestjs/throttler';
import { LRUCache } from 'lru-cache';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/** The hits of one client inside the window, as expiry times in arrival order, and a block if it ran over. */
interface ClientHits {
  expiries: number[];
  /** Index of the oldest hit still inside the window: expired hits are skipped, not shifted out one by one. */
  head: number;
  blockedUntil: number;
}

const MAX_TRACKED_CLIENTS = 100_000;

/**
 * In-memory storage for @nestjs/throttler with the library's exact semantics (at most `limit` hits in any `ttl`
 * window; past it, blocked for `blockDuration`), at O(1) amortised cost per request. The library's own storage
 * filters the whole list of a client's hits on every request, and takes `Math.min(...hits)` of it, which at a
 * high limit costs more than the request it guards. Hits expire in arrival order, so expired ones are dropped
 * from the front. At most 100 000 clients are tracked; the least recently seen is forgotten first.
 */
export class RateLimitStorage implements ThrottlerStorage {
  private readonly clients = new LRUCache<string, ClientHits>({ max: MAX_TRACKED_CLIENTS });

  constructor(private readonly now: () => number = Date.now) {}

  increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    const now = this.now();
    const id = `${throttlerName}:${key}`;
    const client = this.clients.get(id) ?? { expiries: [], head: 0, blockedUntil: 0 };
    this.clients.set(id, client, { ttl: Math.max(ttl, blockDuration) });
    dropExpired(client, now);

    if (client.blockedUntil > now) return Promise.resolve(blocked(client, now, ttl));
    if (count(client) >= limit) {
      client.blockedUntil = now + Math.max(blockDuration, 0);
      return Promise.resolve(blocked(client, now, ttl));
    }
    client.expiries.push(now + ttl);
    return Promise.resolve({
      totalHits: count(client),
      timeToExpire: secondsUntil(client.expiries[client.head], now),
      isBlocked: false,
      timeToBlockExpire: 0,
    });
  }
}

function count(client: ClientHits): number {
  return client.expiries.length - client.head;
}

function dropExpired(client: ClientHits, now: number): void {
  const { expiries } = client;
  while (client.head < expiries.length && expiries[client.head] <= now) client.head++;
  // Compact once the dropped part is the larger half, so each hit is copied at most once on average.
  if (client.head > 64 && client.head * 2 > expiries.length) {
    client.expiries = expiries.slice(client.head);
    client.head = 0;
  }
}

function blocked(client: ClientHits, now: number, ttl: number): ThrottlerStorageRecord {
  const oldest = client.expiries[client.head] ?? now + ttl;
  return {
    totalHits: count(client) + 1,
    timeToExpire: secondsUntil(oldest, now),
    isBlocked: true,
    timeToBlockExpire: secondsUntil(Math.max(client.blockedUntil, now), now),
  };
}

function secondsUntil(time: number, now: number): number {
  return Math.ceil((time - now) / 1000);
}
