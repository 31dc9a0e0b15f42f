import { Module } from '@nestjs/common';
import { AssignmentsModule } from '../assignments/assignments.module';
import { describeConstraints } from '../common/errors/postgres-errors';
import { ContactsModule } from '../contacts/contacts.module';
import { MunicipalitiesModule } from '../municipalities/municipalities.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ServiceUsersModule } from '../service-users/service-users.module';
import { IntroductionBookingService } from './introduction-booking.service';
import { IntroductionOutcomeService } from './introduction-outcome.service';
import { IntroductionsController } from './introductions.controller';
import { IntroductionsService } from './introductions.service';
import { OwnMeetingsController } from './own-meetings.controller';
import { OwnMeetingsService } from './own-meetings.service';

describeConstraints({
  introductions_contact_not_double_booked: 'The contact already has an introduction meeting at that time',
  introductions_user_not_double_booked: 'The service user already has an introduction meeting at that time',
  introductions_caseworker_not_double_booked:
    'The saksbehandler already has an introduction meeting at that time',
  introductions_one_pending_per_user: 'The user already has an introduction on its way',
  introductions_booked_has_meeting: 'A booked introduction needs a time and a saksbehandler',
  introductions_meeting_complete: 'A meeting needs a start and an end after it',
});

/** From proposal to assignment: introductions, their meetings and outcomes. */
@Module({
  imports: [ServiceUsersModule, ContactsModule, AssignmentsModule, MunicipalitiesModule, NotificationsModule],
  controllers: [IntroductionsController, OwnMeetingsController],
  providers: [
    IntroductionsService,
    IntroductionBookingService,
    IntroductionOutcomeService,
    OwnMeetingsService,
  ],
})
export class IntroductionsModule {}
