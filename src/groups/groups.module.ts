import { Module } from '@nestjs/common';
import { AssignmentsModule } from '../assignments/assignments.module';
import { describeConstraints } from '../common/errors/postgres-errors';
import { MunicipalitiesModule } from '../municipalities/municipalities.module';
import { ServiceUsersModule } from '../service-users/service-users.module';
import { GroupsController } from './groups.controller';
import { GroupsService } from './groups.service';

describeConstraints({
  activity_groups_name_unique: 'The municipality already has a group with this name',
  group_members_pkey: 'The service user is already a member of this group',
  group_members_seat_unique: 'The group has no free seat; another member took it at the same time',
});

@Module({
  imports: [MunicipalitiesModule, ServiceUsersModule, AssignmentsModule],
  controllers: [GroupsController],
  providers: [GroupsService],
  exports: [GroupsService],
})
export class GroupsModule {}
