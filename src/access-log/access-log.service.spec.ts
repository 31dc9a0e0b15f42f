import { DataSource } from 'typeorm';
import * as prepared from '../database/prepared-statement';
import { AccessEvent, AccessLogService } from './access-log.service';

/** The rows' columns as the INSERT receives them (its third argument). */
type Columns = unknown[][];
const dataSource = { manager: {} } as unknown as DataSource;
const insertWith = (implementation: (columns: Columns) => Promise<unknown[]>) =>
  jest
    .spyOn(prepared, 'queryPrepared')
    .mockImplementation((_em, _statement, values) => implementation(values as Columns) as Promise<never[]>);

const event = (subjectId: string): AccessEvent => ({
  principal: { subject: 'kari', role: 'caseworker', municipalityId: 'm', contactId: null },
  subjectType: 'service_user',
  subjectIds: [subjectId],
  action: 'read',
  route: 'GET /service-users/:id',
  requestId: `req-${subjectId}`,
  outcome: 'allowed',
});

describe('AccessLogService.record (group commit)', () => {
  afterEach(() => jest.restoreAllMocks());

  it('writes the events of one turn of the event loop with one INSERT, and settles each after it', async () => {
    const query = insertWith(() => Promise.resolve([]));
    const service = new AccessLogService(dataSource);
    await Promise.all([service.record(event('a')), service.record(event('b')), service.record(event('c'))]);
    expect(query).toHaveBeenCalledTimes(1);
    const columns = query.mock.calls[0][2] as Columns;
    expect(columns[4]).toEqual(['a', 'b', 'c']);
    expect(columns[7]).toEqual(['req-a', 'req-b', 'req-c']);
  });

  it('fails only the request whose row cannot be written', async () => {
    insertWith(async (columns) => {
      if ((columns[4] as string[]).includes('bad')) throw new Error('invalid input syntax for type uuid');
      return [];
    });
    const service = new AccessLogService(dataSource);
    const results = await Promise.allSettled([service.record(event('a')), service.record(event('bad'))]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected']);
  });

  it('writes nothing for an event without subjects', async () => {
    const query = insertWith(() => Promise.resolve([]));
    await new AccessLogService(dataSource).record({ ...event('a'), subjectIds: [] });
    expect(query).not.toHaveBeenCalled();
  });
});
