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
import { ContactsModule } from './contacts/contacts.module';
import { DatabaseModule } from './database/database.module';
import { DecisionsModule } from './decisions/decisions.module';
import { GroupsModule } from './groups/groups.module';
import { HealthModule } from './health/health.module';
import { MatchingModule } from './matching/matching.module';
import { MunicipalitiesModule } from './municipalities/municipalities.module';
import { ServiceUsersModule } from './service-users/service-users.module';

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
    MatchingModule,
    ServiceUsersModule,
    DecisionsModule,
    AssignmentsModule,
    GroupsModule,
  ],
  providers: [{ provide: APP_FILTER, useClass: AllExceptionsFilter }],
})
export class AppModule {}
