import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Principal } from '../common/auth/principal';
import { conflict } from '../common/errors/api-error';
import { minutesToHours } from '../decisions/quota';
import { tenthsToKm } from '../timesheets/session-rules';
import { LedgerEntry, TimesheetsService } from '../timesheets/timesheets.service';
import {
  ContactLineResponse,
  InvoiceExportResponse,
  PassengerLineResponse,
  PayrollExportResponse,
  TimesheetMoneyResponse,
} from './dto/money.dto';
import { ContactLine, MissingRateError, PassengerLine, priceEntries, Rate, TimesheetMoney } from './money';
import { RatesService } from './rates.service';

interface ApprovedSheet {
  id: string;
  contact_id: string;
  contact_name: string;
  period_start: string;
  period_end: string;
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/**
 * Money from timesheets (DOMAIN rule 4): the contact's pay and each user's invoice for half the km as
 * passenger, priced by money.ts at the rates in force on each session's date. Exports cover the approved
 * timesheets of one pay period; every total is the sum of the lines above it.
 */
@Injectable()
export class CompensationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly timesheets: TimesheetsService,
    private readonly rates: RatesService,
  ) {}

  /** Any status: before approval it is what the timesheet will be worth at today's rates. */
  async timesheetMoney(principal: Principal, id: string): Promise<TimesheetMoneyResponse> {
    const sheet = await this.timesheets.find(principal, id);
    const money = this.price(
      await this.timesheets.ledger([id]),
      await this.rates.rates(principal.municipalityId),
    );
    return {
      timesheetId: id,
      status: sheet.status,
      contactLines: money.contactLines.map(contactLine),
      passengerLines: money.passengerLines.map(passengerLine),
      contactTotalOre: money.contactTotalOre,
      passengerTotalOre: money.passengerTotalOre,
      municipalityKmOre: money.municipalityKmOre,
    };
  }

  async payroll(principal: Principal, periodStart: string): Promise<PayrollExportResponse> {
    const { sheets, money } = await this.approved(principal.municipalityId, periodStart);
    const lines = sheets.flatMap((sheet) =>
      money.get(sheet.id)!.contactLines.map((line) => ({
        contactId: sheet.contact_id,
        contactName: sheet.contact_name,
        timesheetId: sheet.id,
        periodStart: sheet.period_start,
        periodEnd: sheet.period_end,
        ...contactLine(line),
      })),
    );
    return {
      periodStart,
      lines,
      timesheets: sheets.length,
      minutes: sum(lines.map((l) => l.minutes)),
      hoursOre: sum(lines.map((l) => l.hoursOre)),
      kmOre: sum(lines.map((l) => l.kmOre)),
      expensesOre: sum(lines.map((l) => l.expensesOre)),
      totalOre: sum(lines.map((l) => l.totalOre)),
    };
  }

  async invoices(principal: Principal, periodStart: string): Promise<InvoiceExportResponse> {
    const { sheets, money } = await this.approved(principal.municipalityId, periodStart);
    const ids = [
      ...new Set([...money.values()].flatMap((m) => m.passengerLines.map((l) => l.serviceUserId))),
    ];
    const names = new Map(
      (
        await this.dataSource.query<{ id: string; name: string }[]>(
          `SELECT id, first_name || ' ' || last_name AS name FROM service_users WHERE id = ANY($1::uuid[])`,
          [ids],
        )
      ).map((row) => [row.id, row.name]),
    );
    const lines = sheets.flatMap((sheet) =>
      money.get(sheet.id)!.passengerLines.map((line) => ({
        ...passengerLine(line),
        serviceUserName: names.get(line.serviceUserId) ?? '',
        timesheetId: sheet.id,
        periodStart: sheet.period_start,
        periodEnd: sheet.period_end,
      })),
    );
    lines.sort(
      (a, b) =>
        a.serviceUserName.localeCompare(b.serviceUserName, 'nb') ||
        a.timesheetId.localeCompare(b.timesheetId),
    );
    return { periodStart, lines, totalOre: sum(lines.map((l) => l.amountOre)) };
  }

  private async approved(municipalityId: string, periodStart: string) {
    const sheets = await this.dataSource.query<ApprovedSheet[]>(
      `SELECT t.id, t.contact_id, c.last_name || ', ' || c.first_name AS contact_name,
              t.period_start::text AS period_start, t.period_end::text AS period_end
         FROM timesheets t JOIN contacts c ON c.id = t.contact_id
        WHERE t.municipality_id = $1 AND t.status = 'approved' AND t.period_start = $2::date
        ORDER BY c.last_name, c.first_name, t.id`,
      [municipalityId, periodStart],
    );
    const ledger = await this.timesheets.ledger(sheets.map((s) => s.id));
    const rates = await this.rates.rates(municipalityId);
    const byTimesheet = new Map<string, LedgerEntry[]>(sheets.map((s) => [s.id, []]));
    for (const entry of ledger) byTimesheet.get(entry.timesheetId)?.push(entry);
    const money = new Map([...byTimesheet].map(([id, entries]) => [id, this.price(entries, rates)]));
    return { sheets, money };
  }

  private price(entries: LedgerEntry[], rates: Rate[]): TimesheetMoney {
    try {
      return priceEntries(entries, rates);
    } catch (error) {
      if (error instanceof MissingRateError) {
        throw conflict('rate_missing', `${error.message}; an admin sets the municipality's rates`, {
          date: error.date,
        });
      }
      throw error;
    }
  }
}

function contactLine(line: ContactLine): ContactLineResponse {
  return {
    rateValidFrom: line.rate.validFrom,
    hourlyRateOre: line.rate.hourlyRateOre,
    kmRateOre: line.rate.kmRateOre,
    minutes: line.minutes,
    hours: minutesToHours(line.minutes),
    km: tenthsToKm(line.kmTenths),
    hoursOre: line.hoursOre,
    kmOre: line.kmOre,
    expensesOre: line.expensesOre,
    expenses: line.expenses,
    totalOre: line.totalOre,
  };
}

function passengerLine(line: PassengerLine): PassengerLineResponse {
  return {
    serviceUserId: line.serviceUserId,
    rateValidFrom: line.rate.validFrom,
    kmRateOre: line.rate.kmRateOre,
    km: tenthsToKm(line.kmTenths),
    amountOre: line.amountOre,
  };
}
