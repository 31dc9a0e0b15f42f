import { BOM, kronerText, norwegianDate, sheetCsvCell, spreadsheetCsv } from './spreadsheet';

describe('spreadsheet CSV for Norwegian Excel', () => {
  it.each([
    [141_875, '1418,75'],
    [0, '0,00'],
    [5, '0,05'],
    [-5, '-0,05'],
    [-141_875, '-1418,75'],
    [100, '1,00'],
  ])('%i øre → %s kr', (ore, text) => expect(kronerText(ore)).toBe(text));

  it('refuses a fraction of an øre', () => expect(() => kronerText(1.5)).toThrow(RangeError));

  it.each([
    ['plain', 'text', 'plain'],
    ['Ås; Øvre', 'text', '"Ås; Øvre"'],
    ['Ås, Øvre', 'text', 'Ås, Øvre'],
    ['sa "hei"', 'text', '"sa ""hei"""'],
    ['=SUM(A1)', 'text', `"'=SUM(A1)"`],
    ['+47 999', 'text', `"'+47 999"`],
    ['-5', 'text', `"'-5"`],
    ['@cmd', 'text', `"'@cmd"`],
    ['\tx', 'text', `"'\tx"`],
    ['\rx', 'text', `"'\rx"`],
    [-5, 'integer', '-5'],
    [5.5, 'hours', '5,50'],
    [12.5, 'km', '12,5'],
    [26_000, 'kroner', '260,00'],
    ['2026-09-24', 'date', '24.09.2026'],
    [null, 'kroner', ''],
    [Number.NaN, 'integer', ''],
  ] as const)('%p as %s → %s', (value, kind, cell) => expect(sheetCsvCell(value, kind)).toBe(cell));

  it('writes the BOM, a header, `;` between cells and CRLF line ends', () => {
    const csv = spreadsheetCsv({
      sheetName: 'Ark',
      columns: [
        { header: 'Navn', kind: 'text' },
        { header: 'Beløp (kr)', kind: 'kroner' },
      ],
      rows: [['Ås', 1050]],
      totals: ['Sum', 1050],
    });
    expect(csv).toBe(`${BOM}Navn;Beløp (kr)\r\nÅs;10,50\r\nSum;10,50\r\n`);
  });

  it('reads dates as a Norwegian writes them', () => {
    expect(norwegianDate('2026-01-02')).toBe('02.01.2026');
  });
});
