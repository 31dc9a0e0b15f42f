import { Module } from '@nestjs/common';
import { describeConstraints } from '../common/errors/postgres-errors';
import { ServiceUsersModule } from '../service-users/service-users.module';
import { DecisionsController } from './decisions.controller';
import { DecisionsService } from './decisions.service';

describeConstraints({
  decisions_period_order: 'validTo must be on or after validFrom',
});

/**
 * Decisions (vedtak) of service users. Depends on ServiceUsersModule (to lock the user), never the reverse:
 * service users read decisions only through the Decision entity and SQL, so there is no module cycle.
 */
@Module({
  imports: [ServiceUsersModule],
  controllers: [DecisionsController],
  providers: [DecisionsService],
  exports: [DecisionsService],
})
export class DecisionsModule {}
