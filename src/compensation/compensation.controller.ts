import { ServiceUserData } from '../access-log/service-user-data';
import { Body, Controller, Get, Header, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, Roles, RateLimit } from '../common/auth/decorators';
import { RATE_LIMITS } from '../common/auth/rate-limits';
import { Principal } from '../common/auth/principal';
import { UuidParam } from '../common/http/uuid-param';
import { SheetTable, spreadsheetCsv } from '../common/spreadsheet';
import { CSV_CONTENT_TYPE, download, spreadsheetXlsx, XLSX_CONTENT_TYPE } from '../common/xlsx';
import { CompensationService } from './compensation.service';
import {
  ExportQuery,
  InvoiceExportResponse,
  PayrollExportResponse,
  TimesheetMoneyResponse,
} from './dto/money.dto';
import { CreateRateRequest, RateResponse } from './dto/rate.dto';
import { invoicesTable, payrollTable } from './exports-table';
import { RatesService } from './rates.service';

/** The export's three shapes, for the OpenAPI document: JSON by default, CSV and XLSX by `format`. */
function exportContent(model: string, file: string) {
  return {
    'application/json': { schema: { $ref: getSchemaPath(model) } },
    'text/csv': {
      schema: {
        type: 'string',
        description: `format=csv: ${file}.csv, UTF-8 with BOM, \`;\` separated, decimal comma, kroner, CRLF`,
      },
    },
    [XLSX_CONTENT_TYPE]: {
      schema: { type: 'string', format: 'binary', description: `format=xlsx: ${file}.xlsx, one worksheet` },
    },
  };
}

/** JSON as it is, or the table as a CSV or XLSX download named `<file>.<format>`. */
async function exported<T>(
  response: FastifyReply,
  format: ExportQuery['format'],
  file: string,
  json: T,
  table: (json: T) => SheetTable,
): Promise<T | string | Buffer> {
  if (format === 'csv')
    return download(response, `${file}.csv`, CSV_CONTENT_TYPE, spreadsheetCsv(table(json)));
  if (format === 'xlsx') {
    return download(response, `${file}.xlsx`, XLSX_CONTENT_TYPE, await spreadsheetXlsx(table(json)));
  }
  return json;
}

/** Rates, what timesheets are worth, and the payroll and invoice exports (JSON in øre; CSV and XLSX in kroner). */
@ApiTags('compensation')
@ApiBearerAuth()
@ApiExtraModels(PayrollExportResponse, InvoiceExportResponse)
@Controller('compensation')
export class CompensationController {
  constructor(
    private readonly compensation: CompensationService,
    private readonly rates: RatesService,
  ) {}

  @Get('rates')
  @ApiOkResponse({ type: [RateResponse] })
  @ApiOperation({
    summary: 'Pay rates',
    description: 'The hourly and km rates, each from the date it applies.',
  })
  listRates(@CurrentPrincipal() principal: Principal): Promise<RateResponse[]> {
    return this.rates.list(principal.municipalityId);
  }

  @Roles('admin')
  @Post('rates')
  @ApiOperation({
    summary: 'Set the hourly and km rates from a date (applies to sessions on and after it)',
    description:
      'A new rate applies to sessions on and after its date; earlier sessions keep the rate of their day.',
  })
  @ApiCreatedResponse({ type: RateResponse })
  @ApiConflictResponse({ description: 'already_exists: a rate from that date exists' })
  createRate(
    @CurrentPrincipal() principal: Principal,
    @Body() body: CreateRateRequest,
  ): Promise<RateResponse> {
    return this.rates.create(principal, body);
  }

  @Roles('coordinator', 'caseworker', 'admin', 'contact')
  @Get('timesheets/:id')
  @ServiceUserData({ action: 'read' })
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: "A timesheet's pay and invoice lines (a contact: only their own)",
    description:
      'The pay lines for the contact and the invoice lines for each user, with the km split exact to the øre.',
  })
  @ApiOkResponse({ type: TimesheetMoneyResponse })
  @ApiConflictResponse({ description: 'rate_missing' })
  timesheet(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam) id: string,
  ): Promise<TimesheetMoneyResponse> {
    return this.compensation.timesheetMoney(principal, id);
  }

  @Roles('coordinator', 'admin')
  @RateLimit(RATE_LIMITS.export)
  @Get('payroll')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: "Payroll export: the contacts' pay from the approved timesheets of a pay period",
    description:
      'As JSON, or as CSV that Norwegian Excel opens as it is (semicolon, UTF-8 BOM, decimal comma) or XLSX, with `format`.',
  })
  @ApiOkResponse({ content: exportContent('PayrollExportResponse', 'utbetaling-<periodStart>') })
  async payroll(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ExportQuery,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<PayrollExportResponse | string | Buffer> {
    const payroll = await this.compensation.payroll(principal, query.periodStart);
    return exported(response, query.format, `utbetaling-${query.periodStart}`, payroll, payrollTable);
  }

  @Roles('coordinator', 'admin')
  @RateLimit(RATE_LIMITS.export)
  @Get('invoices')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Invoice export: each user pays half the km as passenger (approved timesheets)',
    description: 'As JSON, CSV for Norwegian Excel or XLSX, with `format`.',
  })
  @ApiOkResponse({ content: exportContent('InvoiceExportResponse', 'fakturagrunnlag-<periodStart>') })
  async invoices(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ExportQuery,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<InvoiceExportResponse | string | Buffer> {
    const invoices = await this.compensation.invoices(principal, query.periodStart);
    return exported(response, query.format, `fakturagrunnlag-${query.periodStart}`, invoices, invoicesTable);
  }
}
