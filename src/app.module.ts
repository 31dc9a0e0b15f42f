import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { APP_FILTER } from '@nestjs/core';
import { AccessLogModule } from './access-log/access-log.module';
import { AssignmentsModule } from './assignments/assignments.module';
import { AuthModule } from './common/auth/auth.module';
import { CommonModule } from './common/common.module';
import { AllExceptionsFilter } from './common/errors/all-exceptions.filter';
import { LoggerModule } from './common/logging/logger.module';
import { RedisModule } from './common/redis/redis.module';
import { AppConfigModule } from './config/config.module';
import { CaseDeadlinesModule } from './case-deadlines/case-deadlines.module';
import { CloseRelativesModule } from './close-relatives/close-relatives.module';
import { ContactsModule } from './contacts/contacts.module';
import { DatabaseModule } from './database/database.module';
import { DecisionsModule } from './decisions/decisions.module';
import { GroupProposalsModule } from './groups/group-proposals.module';
import { GroupsModule } from './groups/groups.module';
import { HealthModule } from './health/health.module';
import { MatchingModule } from './matching/matching.module';
import { MunicipalitiesModule } from './municipalities/municipalities.module';
import { ServiceUsersModule } from './service-users/service-users.module';
import { CaseHistoryModule } from './case-history/case-history.module';
import { CaseworkerCalendarModule } from './caseworker-calendar/caseworker-calendar.module';
import { CalendarFeedsModule } from './calendar-feeds/calendar-feeds.module';
import { IntroductionsModule } from './introductions/introductions.module';
import { WaitingListModule } from './waiting-list/waiting-list.module';
import { TimesheetsModule } from './timesheets/timesheets.module';
import { ExpensesModule } from './expenses/expenses.module';
import { CompensationModule } from './compensation/compensation.module';
import { LapsesModule } from './lapses/lapses.module';
import { RecruitmentModule } from './recruitment/recruitment.module';
import { ReportsModule } from './reports/reports.module';
import { NotificationsModule } from './notifications/notifications.module';
import { SigningModule } from './signing/signing.module';

/** The API: wires the bounded contexts. */
@Module({
  imports: [
    AppConfigModule,
    LoggerModule,
    ScheduleModule.forRoot(),
    CommonModule,
    DatabaseModule,
    RedisModule,
    AuthModule,
    AccessLogModule,
    HealthModule,
    MunicipalitiesModule,
    ContactsModule,
    CloseRelativesModule,
    CaseDeadlinesModule,
    MatchingModule,
    ServiceUsersModule,
    DecisionsModule,
    AssignmentsModule,
    GroupsModule,
    GroupProposalsModule,
    TimesheetsModule,
    ExpensesModule,
    CompensationModule,
    LapsesModule,
    ReportsModule,
    RecruitmentModule,
    NotificationsModule,
    SigningModule,
    IntroductionsModule,
    CaseworkerCalendarModule,
    CalendarFeedsModule,
    WaitingListModule,
    CaseHistoryModule,
  ],
  providers: [{ provide: APP_FILTER, useClass: AllExceptionsFilter }],
})
export class AppModule {}
