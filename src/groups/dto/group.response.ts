import { ApiProperty } from '@nestjs/swagger';
import type { GroupContact } from '../../assignments/assignment.queries';
import { PageOf } from '../../common/http/pagination';
import { WeeklySlotDto } from '../../common/scheduling/weekly-slot.dto';
import { ActivityGroup, GROUP_STATUSES, GroupStatus, MAX_MEMBERS } from '../activity-group.entity';

export interface GroupMemberRow {
  group_id: string;
  service_user_id: string;
  first_name: string;
  last_name: string;
  seat: number;
  joined_at: Date;
}

export class GroupMemberResponse {
  @ApiProperty({ format: 'uuid', description: 'The service user' }) id!: string;
  @ApiProperty() firstName!: string;
  @ApiProperty() lastName!: string;
  @ApiProperty({ type: 'integer', format: 'int32', minimum: 1, maximum: MAX_MEMBERS }) seat!: number;
  @ApiProperty() joinedAt!: Date;
}

export class GroupContactResponse {
  @ApiProperty({ format: 'uuid', description: 'The contact' }) id!: string;
  @ApiProperty() firstName!: string;
  @ApiProperty() lastName!: string;
  @ApiProperty({
    format: 'uuid',
    description: 'The assignment holding the seat; end it via POST /assignments/{id}/end',
  })
  assignmentId!: string;
  @ApiProperty({ type: 'integer', format: 'int32', minimum: 1, maximum: 2 }) seat!: number;
  @ApiProperty({ format: 'date' }) startsOn!: string;
  @ApiProperty() weeklyHours!: number;
}

export class GroupResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: [String] }) interests!: string[];
  @ApiProperty({ nullable: true, type: String }) postalCode!: string | null;
  @ApiProperty({ nullable: true, type: Number }) latitude!: number | null;
  @ApiProperty({ nullable: true, type: Number }) longitude!: number | null;
  @ApiProperty({ type: [WeeklySlotDto] }) meetingTimes!: WeeklySlotDto[];
  @ApiProperty({
    enum: GROUP_STATUSES,
    description: 'forming until activated; active needs 3–6 members and a contact',
  })
  status!: GroupStatus;
  @ApiProperty({ type: 'integer', format: 'int32' }) memberCount!: number;
  @ApiProperty({
    type: 'integer',
    format: 'int32',
    description: `Free member seats (at most ${MAX_MEMBERS} members)`,
  })
  openSeats!: number;
  @ApiProperty({ type: [GroupMemberResponse] }) members!: GroupMemberResponse[];
  @ApiProperty({ type: [GroupContactResponse] }) contacts!: GroupContactResponse[];
  @ApiProperty({
    type: 'integer',
    format: 'int32',
    description: 'Send as If-Match to update without losing a concurrent change',
  })
  version!: number;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;

  static from(group: ActivityGroup, members: GroupMemberRow[], contacts: GroupContact[]): GroupResponse {
    return {
      id: group.id,
      name: group.name,
      interests: group.interests,
      postalCode: group.postalCode,
      latitude: group.latitude,
      longitude: group.longitude,
      meetingTimes: group.meetingTimes,
      status: group.status,
      memberCount: members.length,
      openSeats: Math.max(0, MAX_MEMBERS - members.length),
      members: members.map((m) => ({
        id: m.service_user_id,
        firstName: m.first_name,
        lastName: m.last_name,
        seat: m.seat,
        joinedAt: m.joined_at,
      })),
      contacts: contacts.map((c) => ({
        id: c.contactId,
        firstName: c.firstName,
        lastName: c.lastName,
        assignmentId: c.assignmentId,
        seat: c.seat,
        startsOn: c.startsOn,
        weeklyHours: c.weeklyHours,
      })),
      version: group.version,
      createdAt: group.createdAt,
      updatedAt: group.updatedAt,
    };
  }
}

export class GroupStatusChange {
  @ApiProperty({ enum: GROUP_STATUSES }) from!: GroupStatus;
  @ApiProperty({ enum: GROUP_STATUSES }) to!: GroupStatus;
  @ApiProperty({ example: 'The group has 2 members; an active group needs at least 3' }) reason!: string;
}

export class MemberRemovedResponse {
  @ApiProperty({ type: GroupResponse }) group!: GroupResponse;
  @ApiProperty({
    type: GroupStatusChange,
    nullable: true,
    description: 'Set when the removal sent an active group back to forming',
  })
  statusChange!: GroupStatusChange | null;
}

export const GroupPage = PageOf(GroupResponse);
