import { Module } from '@nestjs/common';
import { describeConstraints } from '../common/errors/postgres-errors';
import { TimesheetsModule } from '../timesheets/timesheets.module';
import { CompensationController } from './compensation.controller';
import { CompensationService } from './compensation.service';
import { RatesService } from './rates.service';

describeConstraints({
  compensation_rates_one_per_day: 'The municipality has a rate from that date already',
});

/** Money from approved timesheets: rates by date, pay, invoices, exports. */
@Module({
  imports: [TimesheetsModule],
  controllers: [CompensationController],
  providers: [CompensationService, RatesService],
})
export class CompensationModule {}
