import type { FastifyReply } from 'fastify';

/**
 * CSV for exports (RFC 4180, `;`-free: comma separated, CRLF line ends). A text cell that a spreadsheet would
 * run as a formula (starting with = + - @ tab or CR) is prefixed with an apostrophe (OWASP "CSV injection");
 * numbers are written as they are, so amounts in øre stay whole numbers.
 */
export type CsvCell = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n']/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** Sets the CSV headers on a passthrough response and returns the body to send. */
export function csvResponse(reply: FastifyReply, filename: string, body: string): string {
  reply.header('Content-Type', 'text/csv; charset=utf-8');
  reply.header('Content-Disposition', `attachment; filename="${filename}"`);
  return body;
}
