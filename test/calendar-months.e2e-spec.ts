import { Client } from 'pg';
import {
  isWithinCalendarMonths,
  isWithinCalendarMonthsSql,
  lastDayWithinMonths,
} from '../src/common/calendar-months';
import { addDays } from '../src/common/dates';
import { TEST_DATABASE_URL } from './support/test-env';

/**
 * The calendar-month rule and its SQL twin agree day for day: every start day of four years (with a leap year and
 * every month end) against the day before, on and after its limit, for 1, 3 and 36 months.
 */
describe('calendar months: TypeScript and PostgreSQL agree', () => {
  const client = new Client({ connectionString: TEST_DATABASE_URL });
  beforeAll(() => client.connect());
  afterAll(() => client.end());

  it('on the last day within N months and on the days around it', async () => {
    const froms: string[] = [];
    const ons: string[] = [];
    const months: number[] = [];
    for (let d = 0; d < 4 * 366; d++) {
      const from = addDays('2026-01-01', d);
      for (const n of [1, 3, 36]) {
        const last = lastDayWithinMonths(from, n);
        for (const on of [addDays(last, -1), last, addDays(last, 1)]) {
          froms.push(from);
          ons.push(on);
          months.push(n);
        }
      }
    }
    const { rows } = await client.query<{ within: boolean }>(
      `SELECT ${isWithinCalendarMonthsSql('f', 'o', 'n')} AS within
         FROM unnest($1::date[], $2::date[], $3::int[]) WITH ORDINALITY AS t(f, o, n, i) ORDER BY i`,
      [froms, ons, months],
    );
    const disagreements = rows
      .map((row, i) => ({ from: froms[i], on: ons[i], months: months[i], sql: row.within }))
      .filter((r) => r.sql !== isWithinCalendarMonths(r.from, r.on, r.months));
    expect(rows).toHaveLength(froms.length);
    expect(disagreements).toEqual([]);
  });
});
