import { ServiceUserData } from '../access-log/service-user-data';
import { Body, Controller, Get, Header, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, Roles } from '../common/auth/decorators';
import { Principal } from '../common/auth/principal';
import { UuidParam } from '../common/http/uuid-param';
import { csvResponse as csv } from '../common/csv';
import { CompensationService } from './compensation.service';
import {
  ExportQuery,
  InvoiceExportResponse,
  PayrollExportResponse,
  TimesheetMoneyResponse,
} from './dto/money.dto';
import { CreateRateRequest, RateResponse } from './dto/rate.dto';
import { invoicesCsv, payrollCsv } from './exports-csv';
import { RatesService } from './rates.service';

/** Rates, what timesheets are worth, and the payroll and invoice exports (amounts in øre). */
@ApiTags('compensation')
@ApiBearerAuth()
@Controller('compensation')
export class CompensationController {
  constructor(
    private readonly compensation: CompensationService,
    private readonly rates: RatesService,
  ) {}

  @Get('rates')
  @ApiOkResponse({ type: [RateResponse] })
  listRates(@CurrentPrincipal() principal: Principal): Promise<RateResponse[]> {
    return this.rates.list(principal.municipalityId);
  }

  @Roles('admin')
  @Post('rates')
  @ApiOperation({ summary: 'Set the hourly and km rates from a date (applies to sessions on and after it)' })
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
  @ApiOperation({ summary: "A timesheet's pay and invoice lines (a contact: only their own)" })
  @ApiOkResponse({ type: TimesheetMoneyResponse })
  @ApiConflictResponse({ description: 'rate_missing' })
  timesheet(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam) id: string,
  ): Promise<TimesheetMoneyResponse> {
    return this.compensation.timesheetMoney(principal, id);
  }

  @Roles('coordinator', 'admin')
  @Get('payroll')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: "Payroll export: the contacts' pay from the approved timesheets of a pay period" })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: PayrollExportResponse })
  async payroll(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ExportQuery,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<PayrollExportResponse | string> {
    const payroll = await this.compensation.payroll(principal, query.periodStart);
    return query.format === 'csv'
      ? csv(response, `payroll-${query.periodStart}.csv`, payrollCsv(payroll))
      : payroll;
  }

  @Roles('coordinator', 'admin')
  @Get('invoices')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Invoice export: each user pays half the km as passenger (approved timesheets)' })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: InvoiceExportResponse })
  async invoices(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ExportQuery,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<InvoiceExportResponse | string> {
    const invoices = await this.compensation.invoices(principal, query.periodStart);
    return query.format === 'csv'
      ? csv(response, `invoices-${query.periodStart}.csv`, invoicesCsv(invoices))
      : invoices;
  }
}
