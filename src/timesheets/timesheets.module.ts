import { Module } from '@nestjs/common';
import { describeConstraints } from '../common/errors/postgres-errors';
import { ContactsModule } from '../contacts/contacts.module';
import { ExpensesModule } from '../expenses/expenses.module';
import { MunicipalitiesModule } from '../municipalities/municipalities.module';
import { ServiceUsersModule } from '../service-users/service-users.module';
import { OverrunsService } from './overruns.service';
import { PlannedSessionsController } from './planned-sessions.controller';
import { PlannedSessionsService } from './planned-sessions.service';
import { PaySettingsService } from './pay-settings.service';
import { QuotaWarningsService } from './quota-warnings.service';
import { QuotasController } from './quotas.controller';
import { SessionGuards } from './session-guards';
import { SessionQuotaService } from './session-quota.service';
import { SessionsController } from './sessions.controller';
import { SessionsService } from './sessions.service';
import { TimesheetsController } from './timesheets.controller';
import { TimesheetsService } from './timesheets.service';

describeConstraints({
  sessions_no_overlap: 'The contact has another session at that time',
  planned_sessions_no_overlap: 'You have another planned session at that time',
  sessions_immutable: 'A logged session never changes; log a correction instead',
  sessions_signed_immutable: 'The session is on a signed timesheet and cannot change',
  sessions_corrected_once: 'The session has been corrected already; correct the correction',
  sessions_end_after_start: 'A session ends after it starts, on the same day',
  timesheets_immutable: 'A signed timesheet never changes but for its approval',
  timesheets_one_per_period: 'The assignment has a timesheet for this period already',
});

/** Hours and driving within the vedtak: sessions, quotas and overruns, timesheets and pay periods. */
@Module({
  imports: [MunicipalitiesModule, ServiceUsersModule, ContactsModule, ExpensesModule],
  controllers: [SessionsController, TimesheetsController, QuotasController, PlannedSessionsController],
  providers: [
    SessionsService,
    PlannedSessionsService,
    SessionQuotaService,
    SessionGuards,
    QuotaWarningsService,
    OverrunsService,
    TimesheetsService,
    PaySettingsService,
  ],
  exports: [TimesheetsService, PaySettingsService],
})
export class TimesheetsModule {}
