import { Module } from '@nestjs/common';
import { describeConstraints } from '../common/errors/postgres-errors';
import { MunicipalitiesModule } from '../municipalities/municipalities.module';
import { ContactViewController } from './contact-view.controller';
import { ContactViewService } from './contact-view.service';
import { ServiceUsersController } from './service-users.controller';
import { ServiceUsersService } from './service-users.service';

// Messages never name the fødselsnummer itself.
describeConstraints({
  service_users_national_id_unique:
    'A service user with this fødselsnummer is already registered in the municipality',
  service_users_coordinates_together: 'latitude and longitude must be given together',
  service_users_age_band: 'preferredContactAgeMin cannot be above preferredContactAgeMax',
});

/**
 * Service users. Exports ServiceUsersService so other contexts (decisions, groups, assignments) can lock a user
 * and read the decision in force inside their own transactions.
 */
@Module({
  imports: [MunicipalitiesModule],
  controllers: [ServiceUsersController, ContactViewController],
  providers: [ServiceUsersService, ContactViewService],
  exports: [ServiceUsersService],
})
export class ServiceUsersModule {}
