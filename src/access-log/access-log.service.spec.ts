import { BadRequestException, ForbiddenException, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessContext } from './access-context';
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
  clientRequestId: null,
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

describe('AccessLogService.read', () => {
  afterEach(() => jest.restoreAllMocks());

  const access: AccessContext = {
    principal: { subject: 'kari', role: 'caseworker', municipalityId: 'm', contactId: null },
    route: 'GET /service-users/:id',
    requestId: 'req-1',
    clientRequestId: null,
  };
  const written = (query: jest.SpyInstance) =>
    query.mock.calls.map(([, , values]) => {
      const columns = values as Columns;
      return { subjects: columns[4], action: columns[5][0], outcome: columns[8][0], route: columns[6][0] };
    });

  it('returns the result after one allowed row per subject is written', async () => {
    const query = insertWith(() => Promise.resolve([]));
    const result = await new AccessLogService(dataSource).read(
      access,
      { action: 'list', subjectsOf: (ids: string[]) => ids },
      () => Promise.resolve(['a', 'b']),
    );
    expect(result).toEqual(['a', 'b']);
    expect(written(query)).toEqual([
      { subjects: ['a', 'b'], action: 'list', outcome: 'allowed', route: 'GET /service-users/:id' },
    ]);
  });

  it('does not serve a read that cannot be logged', async () => {
    insertWith(() => Promise.reject(new Error('connection lost')));
    await expect(
      new AccessLogService(dataSource).read(access, { action: 'read', subjectsOf: () => ['a'] }, () =>
        Promise.resolve('personal data'),
      ),
    ).rejects.toThrow('connection lost');
  });

  it.each([
    ['404', new NotFoundException()],
    ['403', new ForbiddenException()],
  ])(
    'writes one denied row for the named subject on %s and answers with the refusal',
    async (_status, refusal) => {
      const query = insertWith(() => Promise.resolve([]));
      const read = new AccessLogService(dataSource).read(
        access,
        { action: 'read', subjectsOf: () => ['never'], refusedSubject: 'x' },
        () => Promise.reject(refusal),
      );
      await expect(read).rejects.toBe(refusal);
      expect(written(query)).toEqual([
        { subjects: ['x'], action: 'read', outcome: 'denied', route: 'GET /service-users/:id' },
      ]);
    },
  );

  it('still answers with the refusal when its denied row cannot be written', async () => {
    insertWith(() => Promise.reject(new Error('connection lost')));
    const refusal = new NotFoundException();
    await expect(
      new AccessLogService(dataSource).read(access, { action: 'read', subjectsOf: () => [] }, () =>
        Promise.reject(refusal),
      ),
    ).rejects.toBe(refusal);
  });

  it('writes nothing for other failures', async () => {
    const query = insertWith(() => Promise.resolve([]));
    const invalid = new BadRequestException();
    await expect(
      new AccessLogService(dataSource).read(access, { action: 'read', subjectsOf: () => ['a'] }, () =>
        Promise.reject(invalid),
      ),
    ).rejects.toBe(invalid);
    expect(query).not.toHaveBeenCalled();
  });
});
