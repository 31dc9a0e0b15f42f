import { QueryFailedError } from 'typeorm';
import { apiErrorFromDatabase } from './postgres-errors';

const failed = (code: string) =>
  new QueryFailedError('INSERT …', [], Object.assign(new Error('driver'), { code }));

describe('apiErrorFromDatabase', () => {
  // Found by the fuzz suite: a name holding "\u0000" answered 500.
  it.each(['22021', '22P05'])('answers 400 for text PostgreSQL cannot store (%s)', (code) => {
    expect(apiErrorFromDatabase(failed(code))).toMatchObject({ code: 'invalid_text', status: 400 });
  });

  it('maps an exclusion violation to 409 and leaves unknown codes alone', () => {
    expect(apiErrorFromDatabase(failed('23P01'))?.getStatus()).toBe(409);
    expect(apiErrorFromDatabase(failed('42P01'))).toBeUndefined();
  });
});
