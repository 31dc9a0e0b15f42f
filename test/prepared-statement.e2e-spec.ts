import { INestApplication } from '@nestjs/common';
import { DataSource, QueryFailedError } from 'typeorm';
import { preparedStatement, queryPrepared } from '../src/database/prepared-statement';
import { createTestApp, dataSourceOf } from './support/test-app';

const ECHO = preparedStatement('test.echo', 'SELECT $1::int + 1 AS next, txid_current_if_assigned() AS tx');
const FAILING = preparedStatement('test.failing', 'SELECT 1 / $1::int AS quotient');

/** The hot reads' prepared statements run on TypeORM's connections and fail like any other query. */
describe('prepared statements', () => {
  let app: INestApplication;
  let dataSource: DataSource;

  beforeAll(async () => {
    app = await createTestApp();
    dataSource = dataSourceOf(app);
  });
  afterAll(() => app.close());

  it('runs on the pool, many times under one name', async () => {
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) => queryPrepared<{ next: number }>(dataSource.manager, ECHO, [i])),
    );
    expect(answers.map(([row]) => row.next)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
  });

  it("runs inside the caller's transaction when given its manager", async () => {
    await dataSource.transaction(async (em) => {
      await em.query('CREATE TEMP TABLE prepared_probe (n int) ON COMMIT DROP');
      await em.query('INSERT INTO prepared_probe VALUES (1)');
      const [{ tx }] = await queryPrepared<{ tx: string | null }>(em, ECHO, [1]);
      const [{ id }]: { id: string }[] = await em.query('SELECT txid_current()::text AS id');
      expect(tx).toBe(id);
    });
  });

  it('fails with TypeORM’s QueryFailedError carrying the SQLSTATE', async () => {
    const failure = await queryPrepared(dataSource.manager, FAILING, [0]).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(QueryFailedError);
    expect((failure as QueryFailedError<Error & { code: string }>).driverError.code).toBe('22012');
  });

  it('refuses a second text under a name already taken', () => {
    expect(() => preparedStatement('test.echo', 'SELECT 2')).toThrow('declared twice');
  });
});
