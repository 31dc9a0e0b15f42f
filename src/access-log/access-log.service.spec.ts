import { DataSource } from 'typeorm';
import { AccessEvent, AccessLogService } from './access-log.service';

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
  it('writes the events of one turn of the event loop with one INSERT, and settles each after it', async () => {
    const query = jest.fn().mockResolvedValue([]);
    const service = new AccessLogService({ query } as unknown as DataSource);
    await Promise.all([service.record(event('a')), service.record(event('b')), service.record(event('c'))]);
    expect(query).toHaveBeenCalledTimes(1);
    expect(query.mock.calls[0][1][4]).toEqual(['a', 'b', 'c']);
    expect(query.mock.calls[0][1][7]).toEqual(['req-a', 'req-b', 'req-c']);
  });

  it('fails only the request whose row cannot be written', async () => {
    const query = jest.fn(async (_sql: string, params: unknown[][]) => {
      if ((params[4] as string[]).includes('bad')) throw new Error('invalid input syntax for type uuid');
      return [];
    });
    const service = new AccessLogService({ query } as unknown as DataSource);
    const results = await Promise.allSettled([service.record(event('a')), service.record(event('bad'))]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected']);
  });

  it('writes nothing for an event without subjects', async () => {
    const query = jest.fn();
    await new AccessLogService({ query } as unknown as DataSource).record({ ...event('a'), subjectIds: [] });
    expect(query).not.toHaveBeenCalled();
  });
});
