import { csvCell, toCsv } from './csv';

describe('csv', () => {
  it.each([
    ['plain', 'plain'],
    ['Ås, Øvre', '"Ås, Øvre"'],
    ['sa "hei"', '"sa ""hei"""'],
    ['=SUM(A1)', `"'=SUM(A1)"`],
    ['-5', `"'-5"`],
    [-5, '-5'],
    [12_345, '12345'],
    [null, ''],
  ] as const)('%p → %s', (value, cell) => expect(csvCell(value)).toBe(cell));

  it('writes a header and rows with CRLF', () => {
    expect(toCsv(['a', 'b'], [[1, 'x']])).toBe('a,b\r\n1,x\r\n');
  });
});
