import { Workbook } from 'exceljs';
import type { FastifyReply } from 'fastify';
import { ColumnKind, SheetCell, SheetTable } from './spreadsheet';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';

/**
 * Number formats in Excel's own (en-US) notation; Excel shows them with the reader's separators, so a
 * Norwegian sees 1 418,75 and 24.09.2026.
 */
const NUMBER_FORMATS: Record<ColumnKind, string | undefined> = {
  text: '@',
  date: 'dd.mm.yyyy',
  integer: '0',
  hours: '#,##0.00',
  km: '#,##0.0',
  kroner: '#,##0.00',
};

/** A cell's value as XLSX holds it: kroner from øre, a date as a calendar day (UTC midnight, no zone shift). */
function xlsxValue(value: SheetCell, kind: ColumnKind): string | number | Date | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number') return kind === 'kroner' ? value / 100 : value;
  if (kind === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(`${value}T00:00:00Z`);
  // A string is a string cell: XLSX never runs it as a formula, so it needs no apostrophe.
  return value;
}

/** The table as one worksheet with a bold, frozen header row, filters, and a number format per column. */
export async function spreadsheetXlsx(table: SheetTable): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.creator = 'Støttekontakt';
  const sheet = workbook.addWorksheet(table.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = table.columns.map((column) => ({
    header: column.header,
    width: column.width ?? Math.max(12, column.header.length + 2),
    style: { numFmt: NUMBER_FORMATS[column.kind] },
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.eachCell((cell) => (cell.numFmt = 'General'));
  for (const row of table.rows) {
    sheet.addRow(row.map((value, i) => xlsxValue(value, table.columns[i].kind)));
  }
  if (table.totals) {
    const totals = sheet.addRow(table.totals.map((value, i) => xlsxValue(value, table.columns[i].kind)));
    totals.font = { bold: true };
    totals.getCell(1).numFmt = 'General';
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Sets a download's headers on a passthrough response and returns the body to send. */
export function download<T extends string | Buffer>(
  reply: FastifyReply,
  filename: string,
  contentType: string,
  body: T,
): T {
  reply.header('Content-Type', contentType);
  reply.header('Content-Disposition', `attachment; filename="${filename}"`);
  return body;
}
