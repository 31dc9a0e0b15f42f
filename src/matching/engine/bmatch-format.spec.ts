import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { solveBMatching } from './b-matching';
import { BMatchFormatError, formatBMatchSolution, parseBMatch } from './bmatch-format';

function errorOf(text: string): BMatchFormatError {
  try {
    parseBMatch(text);
  } catch (error) {
    if (error instanceof BMatchFormatError) return error;
    throw error;
  }
  throw new Error('expected a format error');
}

describe('parseBMatch', () => {
  it('reads header, capacities and edges, skipping comments and blank lines', () => {
    const g = parseBMatch('# demo\n\np bmatch 2 2 3\nc 0 2\n  c 1 0\ne 0 0 5\ne 1 0 -3\n\ne 1 1 7\n');
    expect(g.userCount).toBe(2);
    expect(g.contactCount).toBe(2);
    expect(Array.from(g.capacity)).toEqual([2, 0]);
    expect(Array.from(g.userStart)).toEqual([0, 1, 3]);
    expect(Array.from(g.edgeContact)).toEqual([0, 0, 1]);
    expect(Array.from(g.edgeScore)).toEqual([5, -3, 7]);
  });

  it('gives a contact without a capacity line capacity 1', () => {
    expect(Array.from(parseBMatch('p bmatch 1 2 0\nc 1 4').capacity)).toEqual([1, 4]);
  });

  it.each([
    ['e 0 0 1', 1, 'before the "p bmatch" line'],
    ['p bmatch 1 1 1\ne 0 1 5', 2, 'CONTACT 1 is outside 0..0'],
    ['p bmatch 1 1 1\ne 0 0 2.5', 2, 'SCORE must be an integer, got "2.5"'],
    ['p bmatch 1 1 1\ne 0 0', 2, 'expected "e USER CONTACT SCORE"'],
    ['p bmatch 1 1 0\nc 0 1\nc 0 2', 3, 'given twice'],
    ['p bmatch 1 1 0\nc 0 -1', 2, 'CAPACITY -1 is outside'],
    ['p bmatch 1 1 2\ne 0 0 1', 1, 'declares 2 edges but the file has 1'],
    ['p bmatch 1 1 0\ne 0 0 1', 2, 'more edges than the 0 declared'],
    ['p matching 1 1 0', 1, 'must be "bmatch"'],
    ['p bmatch 1 1 0\nx 1', 2, 'unknown line type "x"'],
    ['# nothing here', 1, 'no "p bmatch'],
    ['p bmatch 1 1 0\np bmatch 1 1 0', 2, 'second problem line'],
  ])('rejects %j at line %i', (text, line, message) => {
    const error = errorOf(text);
    expect(error.line).toBe(line);
    expect(error.message).toContain(message);
    expect(error.message).toMatch(new RegExp(`^line ${line}: `));
  });
});

describe('formatBMatchSolution', () => {
  it('prints the total, the count and one m line per pair, in user order', () => {
    const g = parseBMatch(readFileSync(join(__dirname, '../../../bench/fixtures/small.bmatch'), 'utf8'));
    expect(formatBMatchSolution(g, solveBMatching(g))).toBe('s 36 3\nm 0 0\nm 2 0\nm 3 1\n');
  });
});
