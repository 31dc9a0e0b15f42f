import { Controller, Get, Header, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Access, AccessContext } from '../access-log/access-context';
import { AccessLogService } from '../access-log/access-log.service';
import { CurrentPrincipal, Roles, RateLimit } from '../common/auth/decorators';
import { RATE_LIMITS } from '../common/auth/rate-limits';
import { Principal } from '../common/auth/principal';
import { csvResponse } from '../common/csv';
import { daysBetween } from '../common/dates';
import { badRequest } from '../common/errors/api-error';
import {
  EndedAssignmentsReport,
  HoursReport,
  KprReport,
  RangeQuery,
  WaitingTimesReport,
  YearQuery,
} from './dto/report.dto';
import { MAX_REPORT_DAYS } from './dto/report.dto';
import { endedAssignmentsCsv, hoursCsv, kprCsv, waitingTimesCsv } from './reports-csv';
import { ReportsService } from './reports.service';

function assertRange(query: RangeQuery): void {
  const reason =
    query.to < query.from
      ? 'to must be on or after from'
      : daysBetween(query.from, query.to) >= MAX_REPORT_DAYS
        ? `a report covers at most ${MAX_REPORT_DAYS} days (five years); ask for several`
        : null;
  if (reason) throw badRequest('validation_failed', 'The request is invalid', [{ field: 'to', reason }]);
}

/** Reports for staff (JSON, or CSV with ?format=csv). */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly accessLog: AccessLogService,
  ) {}

  @RateLimit(RATE_LIMITS.report)
  @Get('hours')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Hours granted vs used, per user and per contact',
    description:
      'For a date range: hours granted by the vedtak and hours used, per user and per støttekontakt.',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: HoursReport })
  async hours(
    @Access() access: AccessContext,
    @Query() query: RangeQuery,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<HoursReport | string> {
    assertRange(query);
    // Names each user with their hours: every user in it is written to the access log (CSV or JSON alike).
    const report = await this.accessLog.read(
      access,
      { action: 'hours_report', subjectsOf: (hours) => hours.users.map((line) => line.serviceUserId) },
      () => this.reports.hours(access.principal.municipalityId, query.from, query.to),
    );
    return query.format === 'csv' ? csvResponse(response, 'hours.csv', hoursCsv(report)) : report;
  }

  @RateLimit(RATE_LIMITS.report)
  @Get('waiting-times')
  @ApiOperation({
    summary: "Waiting times in Helsedirektoratet's bands: ≤15, 16–30, ≥31 days",
    description:
      'How long users waited for a contact, by band, for each month of the range, and who still waits.',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: WaitingTimesReport })
  async waitingTimes(
    @CurrentPrincipal() principal: Principal,
    @Query() query: RangeQuery,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<WaitingTimesReport | string> {
    assertRange(query);
    const report = await this.reports.waitingTimes(principal.municipalityId, query.from, query.to);
    return query.format === 'csv'
      ? csvResponse(response, 'waiting-times.csv', waitingTimesCsv(report))
      : report;
  }

  @RateLimit(RATE_LIMITS.report)
  @Get('ended-assignments')
  @ApiOperation({
    summary: 'Matches ended within 3, 6 or 12 months of their start, with the reasons',
    description: 'How many matches ended, and why, by how long they lasted.',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: EndedAssignmentsReport })
  async endedAssignments(
    @CurrentPrincipal() principal: Principal,
    @Query() query: RangeQuery,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<EndedAssignmentsReport | string> {
    assertRange(query);
    const report = await this.reports.endedAssignments(principal.municipalityId, query.from, query.to);
    return query.format === 'csv'
      ? csvResponse(response, 'ended-assignments.csv', endedAssignmentsCsv(report))
      : report;
  }

  /** Holds fødselsnumre: coordinators and admins only, and every user in it is written to the access log. */
  @Roles('coordinator', 'admin')
  @RateLimit(RATE_LIMITS.report)
  @Get('kpr')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'KPR yearly export: hours of støttekontakt (service code 9) per user',
    description:
      'The yearly report to KPR (Kommunalt pasient- og brukerregister): hours of støttekontakt per user, as CSV.',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: KprReport })
  async kpr(
    @Access() access: AccessContext,
    @Query() query: YearQuery,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<KprReport | string> {
    const report = await this.accessLog.read(
      access,
      { action: 'kpr_export', subjectsOf: (kpr) => kpr.lines.map((line) => line.serviceUserId) },
      () => this.reports.kpr(access.principal.municipalityId, query.year),
    );
    return query.format === 'csv' ? csvResponse(response, `kpr-${query.year}.csv`, kprCsv(report)) : report;
  }
}
