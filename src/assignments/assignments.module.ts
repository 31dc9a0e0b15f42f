import { Module } from '@nestjs/common';
import { describeConstraints } from '../common/errors/postgres-errors';
import { ContactsModule } from '../contacts/contacts.module';
import { ServiceUsersModule } from '../service-users/service-users.module';
import { AssignmentsController } from './assignments.controller';
import { AssignmentsService } from './assignments.service';

describeConstraints({
  assignments_open_pair: 'The contact already has an open assignment for this service user',
  assignments_open_group_seat: 'A group is run by at most 2 contacts',
  assignments_open_group_contact: 'The contact already runs this group',
  assignments_one_subject: 'An assignment is for either a service user or a group',
  assignments_period_order: 'An assignment cannot end before it starts',
  assignments_end_has_reason: 'An ended assignment needs an end reason',
});

@Module({
  imports: [ContactsModule, ServiceUsersModule],
  controllers: [AssignmentsController],
  providers: [AssignmentsService],
  exports: [AssignmentsService],
})
export class AssignmentsModule {}
