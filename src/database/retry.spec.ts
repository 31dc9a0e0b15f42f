import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { isRetryableTransactionError, transactionWithRetry } from './retry';

const pgError = (code: string) =>
  new QueryFailedError('SELECT 1', [], Object.assign(new Error('pg'), { code }));

/** A DataSource whose transaction() just runs the callback, counting the tries. */
function fakeDataSource(): { dataSource: DataSource; tries: () => number } {
  let tries = 0;
  const dataSource = {
    transaction: async <T>(work: (em: EntityManager) => Promise<T>) => {
      tries += 1;
      return work({} as EntityManager);
    },
  } as unknown as DataSource;
  return { dataSource, tries: () => tries };
}

describe('transactionWithRetry', () => {
  it('retries serialization failures and deadlocks, then returns the result', async () => {
    const { dataSource, tries } = fakeDataSource();
    const failures = [pgError('40001'), pgError('40P01')];
    const result = await transactionWithRetry(
      dataSource,
      async () => {
        const failure = failures.shift();
        if (failure) throw failure;
        return 'done';
      },
      { baseDelayMs: 1 },
    );
    expect(result).toBe('done');
    expect(tries()).toBe(3);
  });

  it('gives up after the bounded number of tries with the last error', async () => {
    const { dataSource, tries } = fakeDataSource();
    const failure = pgError('40001');
    await expect(
      transactionWithRetry(dataSource, () => Promise.reject(failure), { attempts: 3, baseDelayMs: 1 }),
    ).rejects.toBe(failure);
    expect(tries()).toBe(3);
  });

  it('never retries other errors (a 409 from a rule, a unique violation)', async () => {
    const { dataSource, tries } = fakeDataSource();
    const unique = pgError('23505');
    await expect(
      transactionWithRetry(dataSource, () => Promise.reject(unique), { baseDelayMs: 1 }),
    ).rejects.toBe(unique);
    await expect(
      transactionWithRetry(dataSource, () => Promise.reject(new Error('rule')), { baseDelayMs: 1 }),
    ).rejects.toThrow('rule');
    expect(tries()).toBe(2);
  });

  it('recognises the retryable SQLSTATEs only', () => {
    expect(isRetryableTransactionError(pgError('40001'))).toBe(true);
    expect(isRetryableTransactionError(pgError('40P01'))).toBe(true);
    expect(isRetryableTransactionError(pgError('23P01'))).toBe(false);
    expect(isRetryableTransactionError(null)).toBe(false);
  });
});
