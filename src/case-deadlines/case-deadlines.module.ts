import { Module } from '@nestjs/common';
import { describeConstraints } from '../common/errors/postgres-errors';
import { CaseDeadlinesController } from './case-deadlines.controller';
import { CaseDeadlinesService } from './case-deadlines.service';

describeConstraints({
  interim_notices_reason_check: 'reason must be 1–2000 characters',
});

/** Deadlines from the law (DOMAIN rule 10): applications, interim notices, deliveries of vedtak, complaints. */
@Module({
  controllers: [CaseDeadlinesController],
  providers: [CaseDeadlinesService],
})
export class CaseDeadlinesModule {}
