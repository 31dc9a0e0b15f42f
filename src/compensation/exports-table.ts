/**
 * The payroll and invoice exports as tables for a spreadsheet (CSV or XLSX, src/common/spreadsheet.ts): one
 * row per line, then a row of sums that is the sum of the rows above it. Headers in Norwegian, as the people
 * who open them read; amounts in kroner (kept in øre until written).
 */
import { SheetColumn, SheetTable } from '../common/spreadsheet';
import { ContactLineResponse, InvoiceExportResponse, PayrollExportResponse } from './dto/money.dto';

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
/** A sum of decimals (km, hours) without a float's tail: 12.5 + 0.1 is 12.6, not 12.600000000000001. */
const decimalSum = (values: number[], decimals: number) => {
  const factor = 10 ** decimals;
  return sum(values.map((v) => Math.round(v * factor))) / factor;
};

const PAYROLL_COLUMNS: SheetColumn[] = [
  { header: 'Støttekontakt', kind: 'text', width: 28 },
  { header: 'Støttekontakt-ID', kind: 'text', width: 38 },
  { header: 'Timeliste-ID', kind: 'text', width: 38 },
  { header: 'Periode fra', kind: 'date' },
  { header: 'Periode til', kind: 'date' },
  { header: 'Sats gjelder fra', kind: 'date', width: 16 },
  { header: 'Minutter', kind: 'integer' },
  { header: 'Timer', kind: 'hours' },
  { header: 'Timesats (kr)', kind: 'kroner', width: 14 },
  { header: 'Godtgjørelse (kr)', kind: 'kroner', width: 18 },
  { header: 'Km', kind: 'km' },
  { header: 'Km-sats (kr)', kind: 'kroner', width: 14 },
  { header: 'Kjøregodtgjørelse (kr)', kind: 'kroner', width: 22 },
  { header: 'Utlegg dekket (kr)', kind: 'kroner', width: 18 },
  { header: 'Utlegg etter kategori', kind: 'text', width: 48 },
  { header: 'Til utbetaling (kr)', kind: 'kroner', width: 20 },
];

/** Øre as kroner with a decimal comma, from whole numbers (no float rounding on the way). */
const kroner = (ore: number) =>
  `${ore < 0 ? '-' : ''}${Math.floor(Math.abs(ore) / 100)},${String(Math.abs(ore) % 100).padStart(2, '0')}`;

/** "Parkering: 45,00 av 60,00 kr; Mat: 0,00 av 89,00 kr": each category, covered of paid, in kroner. */
export const expensesByCategory = (line: ContactLineResponse): string | null =>
  line.expenses.length === 0
    ? null
    : line.expenses
        .map((c) => `${c.categoryName}: ${kroner(c.coveredOre)} av ${kroner(c.paidOre)} kr`)
        .join('; ');

export function payrollTable(payroll: PayrollExportResponse): SheetTable {
  return {
    sheetName: 'Utbetaling',
    columns: PAYROLL_COLUMNS,
    rows: payroll.lines.map((l) => [
      l.contactName,
      l.contactId,
      l.timesheetId,
      l.periodStart,
      l.periodEnd,
      l.rateValidFrom,
      l.minutes,
      l.hours,
      l.hourlyRateOre,
      l.hoursOre,
      l.km,
      l.kmRateOre,
      l.kmOre,
      l.expensesOre,
      expensesByCategory(l),
      l.totalOre,
    ]),
    totals: [
      'Sum',
      null,
      null,
      payroll.periodStart,
      null,
      null,
      payroll.minutes,
      Math.round((payroll.minutes / 60) * 100) / 100,
      null,
      payroll.hoursOre,
      decimalSum(
        payroll.lines.map((l) => l.km),
        1,
      ),
      null,
      payroll.kmOre,
      payroll.expensesOre,
      null,
      payroll.totalOre,
    ],
  };
}

const INVOICE_COLUMNS: SheetColumn[] = [
  { header: 'Tjenestemottaker', kind: 'text', width: 28 },
  { header: 'Tjenestemottaker-ID', kind: 'text', width: 38 },
  { header: 'Timeliste-ID', kind: 'text', width: 38 },
  { header: 'Periode fra', kind: 'date' },
  { header: 'Periode til', kind: 'date' },
  { header: 'Sats gjelder fra', kind: 'date', width: 16 },
  { header: 'Km som passasjer', kind: 'km', width: 18 },
  { header: 'Km-sats (kr)', kind: 'kroner', width: 14 },
  { header: 'Å betale, halve km (kr)', kind: 'kroner', width: 24 },
];

export function invoicesTable(invoices: InvoiceExportResponse): SheetTable {
  return {
    sheetName: 'Fakturagrunnlag',
    columns: INVOICE_COLUMNS,
    rows: invoices.lines.map((l) => [
      l.serviceUserName,
      l.serviceUserId,
      l.timesheetId,
      l.periodStart,
      l.periodEnd,
      l.rateValidFrom,
      l.km,
      l.kmRateOre,
      l.amountOre,
    ]),
    totals: [
      'Sum',
      null,
      null,
      invoices.periodStart,
      null,
      null,
      decimalSum(
        invoices.lines.map((l) => l.km),
        1,
      ),
      null,
      invoices.totalOre,
    ],
  };
}
