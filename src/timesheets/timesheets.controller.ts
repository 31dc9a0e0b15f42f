import { ServiceUserData } from '../access-log/service-user-data';
import { Body, Controller, Get, Header, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../common/auth/decorators';
import { Principal } from '../common/auth/principal';
import { Page } from '../common/http/pagination';
import { UuidParam } from '../common/http/uuid-param';
import { PaySettingsDto } from './dto/pay-settings.dto';
import { TimesheetListQuery } from './dto/session.query';
import { TimesheetDetailResponse, TimesheetPage, TimesheetResponse } from './dto/timesheet.response';
import { PaySettingsService } from './pay-settings.service';
import { TimesheetsService } from './timesheets.service';

/** timelister: signed by the user or a guardian by their own link (src/signing/), approved by a coordinator. */
@ApiTags('timesheets')
@ApiBearerAuth()
@Controller()
export class TimesheetsController {
  constructor(
    private readonly timesheets: TimesheetsService,
    private readonly paySettings: PaySettingsService,
  ) {}

  @Roles('coordinator', 'caseworker', 'admin', 'contact')
  @Get('timesheets')
  @ServiceUserData({ action: 'list' })
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'List timesheets; a contact gets only their own',
    description:
      'Monthly timesheets with their status: open, sent to signing, signed, approved. A støttekontakt sees only their own.',
  })
  @ApiOkResponse({ type: TimesheetPage })
  list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: TimesheetListQuery,
  ): Promise<Page<TimesheetResponse>> {
    return this.timesheets.list(principal, query);
  }

  @Roles('coordinator', 'caseworker', 'admin', 'contact')
  @Get('timesheets/:id')
  @ServiceUserData({ action: 'read' })
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ type: TimesheetDetailResponse })
  @ApiOperation({
    summary: 'One timesheet',
    description: "A timesheet's lines and totals, and the user's signature with who signed, how and when.",
  })
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam) id: string,
  ): Promise<TimesheetDetailResponse> {
    return this.timesheets.get(principal, id);
  }

  @Roles('coordinator', 'admin')
  @Post('timesheets/:id/approve')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ type: TimesheetDetailResponse })
  @ApiConflictResponse({
    description: 'timesheet_not_signed, timesheet_already_approved, timesheet_signature_invalid',
  })
  @ApiOperation({
    summary: 'Approve a signed timesheet',
    description:
      'A coordinator approves a timesheet the user (or guardian) has signed; it then counts for payroll and invoices.',
  })
  approve(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam) id: string,
  ): Promise<TimesheetDetailResponse> {
    return this.timesheets.approve(principal, id);
  }

  @Get('pay-settings')
  @ApiOkResponse({ type: PaySettingsDto })
  @ApiOperation({
    summary: 'Pay period settings',
    description: "The first day of the municipality's pay periods.",
  })
  settings(@CurrentPrincipal() principal: Principal): Promise<PaySettingsDto> {
    return this.paySettings.get(principal.municipalityId);
  }

  @Roles('admin')
  @Put('pay-settings')
  @ApiOperation({
    summary: 'Set the first day of pay periods (applies to timesheets opened from now on)',
    description: 'Timesheets already open keep their period.',
  })
  @ApiOkResponse({ type: PaySettingsDto })
  updateSettings(
    @CurrentPrincipal() principal: Principal,
    @Body() body: PaySettingsDto,
  ): Promise<PaySettingsDto> {
    return this.paySettings.update(principal, body);
  }
}
