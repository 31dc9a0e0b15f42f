import { Module } from '@nestjs/common';
import { describeConstraints } from '../common/errors/postgres-errors';
import { CaseworkerCalendarController } from './caseworker-calendar.controller';
import { CaseworkerCalendarService } from './caseworker-calendar.service';

describeConstraints({
  caseworker_busy_times_no_overlap: 'You already have a busy time that overlaps this one',
  caseworker_busy_times_order: 'A busy time must end after it starts',
});

/** The saksbehandler's calendar of busy times. */
@Module({
  controllers: [CaseworkerCalendarController],
  providers: [CaseworkerCalendarService],
})
export class CaseworkerCalendarModule {}
