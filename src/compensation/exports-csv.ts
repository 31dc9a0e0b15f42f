/** The payroll and invoice exports as CSV: one row per line, then a TOTAL row that is the sum of the rows. */
import { toCsv } from '../common/csv';
import { InvoiceExportResponse, PayrollExportResponse } from './dto/money.dto';

export function payrollCsv(payroll: PayrollExportResponse): string {
  return toCsv(
    [
      'contact_id',
      'contact_name',
      'timesheet_id',
      'period_start',
      'period_end',
      'rate_valid_from',
      'minutes',
      'hours',
      'hourly_rate_ore',
      'hours_ore',
      'km',
      'km_rate_ore',
      'km_ore',
      'expenses_ore',
      'total_ore',
    ],
    [
      ...payroll.lines.map((l) => [
        l.contactId,
        l.contactName,
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
        l.totalOre,
      ]),
      [
        'TOTAL',
        '',
        '',
        payroll.periodStart,
        '',
        '',
        payroll.minutes,
        '',
        '',
        payroll.hoursOre,
        '',
        '',
        payroll.kmOre,
        payroll.expensesOre,
        payroll.totalOre,
      ],
    ],
  );
}

export function invoicesCsv(invoices: InvoiceExportResponse): string {
  return toCsv(
    [
      'service_user_id',
      'service_user_name',
      'timesheet_id',
      'period_start',
      'period_end',
      'rate_valid_from',
      'passenger_km',
      'km_rate_ore',
      'amount_ore',
    ],
    [
      ...invoices.lines.map((l) => [
        l.serviceUserId,
        l.serviceUserName,
        l.timesheetId,
        l.periodStart,
        l.periodEnd,
        l.rateValidFrom,
        l.km,
        l.kmRateOre,
        l.amountOre,
      ]),
      ['TOTAL', '', '', invoices.periodStart, '', '', '', '', invoices.totalOre],
    ],
  );
}
