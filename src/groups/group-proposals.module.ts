import { Module } from '@nestjs/common';
import { AssignmentsModule } from '../assignments/assignments.module';
import { describeConstraints } from '../common/errors/postgres-errors';
import { GroupProposalsController } from './group-proposals.controller';
import { GroupProposalsService } from './group-proposals.service';
import { GroupsModule } from './groups.module';

describeConstraints({
  group_proposal_members_one_per_run: 'The service user is already in another group proposal of this run',
  group_proposals_declined_has_reason: 'A declined group proposal needs a reason',
});

/** Group proposals of the matching run: read, accept into a real group, decline (issue 4, items 7–8). */
@Module({
  imports: [GroupsModule, AssignmentsModule],
  controllers: [GroupProposalsController],
  providers: [GroupProposalsService],
})
export class GroupProposalsModule {}
