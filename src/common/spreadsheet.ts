/**
 * A table for people to open in a spreadsheet, and its CSV as Norwegian Excel opens it without an import
 * dialog: UTF-8 with a byte-order mark (else Excel reads ANSI and mangles æøå), `;` between cells (Excel in
 * nb-NO takes `,` for the decimal sign), decimal comma, CRLF line ends, dates dd.mm.åååå.
 * A text cell a spreadsheet would run as a formula (starting with = + - @, a tab or a CR) is prefixed with an
 * apostrophe and quoted (OWASP "CSV injection"); numbers are numbers, never text. Amounts are kept in øre as
 * whole numbers until they are written, so a kroner cell is exact. xlsx.ts writes the same table as XLSX.
 */
export type SheetCell = string | number | null | undefined;

/** How a column's values are written: kroner cells hold øre, date cells ISO dates (åååå-mm-dd). */
export type ColumnKind = 'text' | 'date' | 'integer' | 'hours' | 'km' | 'kroner';

export interface SheetColumn {
  header: string;
  kind: ColumnKind;
  /** Width in characters, for XLSX. */
  width?: number;
}

export interface SheetTable {
  /** The worksheet's name (XLSX: at most 31 characters, none of []:*?/\). */
  sheetName: string;
  columns: SheetColumn[];
  rows: SheetCell[][];
  /** A last row of sums, shown apart (bold in XLSX). */
  totals?: SheetCell[];
}

export const BOM = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[;"\r\n']/;

/** Øre as kroner with a decimal comma, exactly: 141875 → "1418,75", -5 → "-0,05". */
export function kronerText(ore: number): string {
  if (!Number.isSafeInteger(ore)) throw new RangeError('an amount in øre is a whole number');
  const magnitude = Math.abs(ore);
  const text = `${Math.floor(magnitude / 100)},${String(magnitude % 100).padStart(2, '0')}`;
  return ore < 0 ? `-${text}` : text;
}

/** åååå-mm-dd → dd.mm.åååå */
export function norwegianDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  return match ? `${match[3]}.${match[2]}.${match[1]}` : isoDate;
}

const DECIMALS: Partial<Record<ColumnKind, number>> = { hours: 2, km: 1 };

/** One CSV cell of a column of the given kind. */
export function sheetCsvCell(value: SheetCell, kind: ColumnKind): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '';
    if (kind === 'kroner') return kronerText(value);
    const decimals = DECIMALS[kind];
    return (decimals === undefined ? String(value) : value.toFixed(decimals)).replace('.', ',');
  }
  if (kind === 'date') return norwegianDate(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function spreadsheetCsv(table: SheetTable): string {
  const line = (cells: SheetCell[], kinds: (ColumnKind | 'text')[]) =>
    cells.map((cell, i) => sheetCsvCell(cell, kinds[i] ?? 'text')).join(';');
  const kinds = table.columns.map((c) => c.kind);
  const lines = [
    line(
      table.columns.map((c) => c.header),
      table.columns.map(() => 'text'),
    ),
    ...table.rows.map((row) => line(row, kinds)),
    ...(table.totals ? [line(table.totals, kinds)] : []),
  ];
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
