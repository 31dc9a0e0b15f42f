import { DataSource, EntityManager } from 'typeorm';
import { PgCode, pgErrorCode } from '../common/errors/postgres-errors';

export interface RetryOptions {
  /** Tries in all, the first included. */
  attempts?: number;
  /** Base delay before the second try; doubles each time, with jitter so racing callers spread out. */
  baseDelayMs?: number;
}

const RETRYABLE = new Set<string>([PgCode.serializationFailure, PgCode.deadlockDetected]);

/** True for the failures PostgreSQL asks the client to retry: serialization failure (40001) and deadlock (40P01). */
export function isRetryableTransactionError(error: unknown): boolean {
  const code = pgErrorCode(error);
  return code !== undefined && RETRYABLE.has(code);
}

/**
 * `dataSource.transaction(work)`, retried a bounded number of times when PostgreSQL aborts it with a
 * serialization failure or a deadlock (TRUST 23). The whole transaction reruns, so `work` must do all its
 * reads and writes through `em` and have no side effects outside it. After the last try the error goes to
 * the global filter, which answers 409 `concurrent_update`.
 */
export async function transactionWithRetry<T>(
  dataSource: DataSource,
  work: (em: EntityManager) => Promise<T>,
  options: RetryOptions = {},
): Promise<T> {
  const attempts = Math.max(1, options.attempts ?? 4);
  const baseDelayMs = options.baseDelayMs ?? 20;
  for (let attempt = 1; ; attempt++) {
    try {
      return await dataSource.transaction(work);
    } catch (error) {
      if (attempt >= attempts || !isRetryableTransactionError(error)) throw error;
      const delay = baseDelayMs * 2 ** (attempt - 1);
      await new Promise((resolve) => setTimeout(resolve, delay / 2 + Math.random() * delay));
    }
  }
}
