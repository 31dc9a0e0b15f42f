import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';
import { IsDateOnly } from '../../common/http/common-validators';
import { PageOf, PageQuery } from '../../common/http/pagination';
import { WeeklySlotDto } from '../../common/scheduling/weekly-slot.dto';
import { GroupResponse } from './group.response';

export const GROUP_PROPOSAL_STATUSES = ['open', 'superseded', 'accepted', 'declined'] as const;
export type GroupProposalStatus = (typeof GROUP_PROPOSAL_STATUSES)[number];

export class GroupProposalListQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all') runId?: string;
  @ApiPropertyOptional({ enum: GROUP_PROPOSAL_STATUSES })
  @IsOptional()
  @IsIn(GROUP_PROPOSAL_STATUSES)
  status?: GroupProposalStatus;
}

/** Edits a coordinator may make before accepting; the group size and contact rules apply to the result. */
export class AcceptGroupProposalRequest {
  @ApiPropertyOptional({ description: "The new group's name (default: the suggestion)", maxLength: 100 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name?: string;

  @ApiPropertyOptional({ type: [String], description: 'Proposed members to leave out' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(6)
  @IsUUID('all', { each: true })
  dropMembers?: string[];

  @ApiPropertyOptional({
    type: [String],
    description: 'Service users to add (their vedtak in force must be for an activity group)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(6)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  addMembers?: string[];

  @ApiPropertyOptional({
    type: [String],
    description: 'The contacts to run the group instead of the proposed ones (1–2; eligible, with room)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(2)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  contactIds?: string[];

  @ApiPropertyOptional({
    example: '2026-09-01',
    description: "The contacts' assignments start (default today)",
  })
  @IsOptional()
  @IsDateOnly()
  startsOn?: string;
}

export class DeclineGroupProposalRequest {
  @ApiProperty({ example: 'The members live too far apart for one meeting place', maxLength: 500 })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason!: string;
}

export class GroupProposalPerson {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() firstName!: string;
  @ApiProperty() lastName!: string;
}

export class GroupProposalResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) runId!: string;
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'Set when the proposal fills open seats of this existing group',
  })
  groupId!: string | null;
  @ApiProperty({ description: "A suggested name (or the existing group's name)" }) name!: string;
  @ApiProperty({ type: [String] }) interests!: string[];
  @ApiProperty({
    type: WeeklySlotDto,
    description: 'The weekly meeting all members and contacts are free for',
  })
  meetingTime!: WeeklySlotDto;
  @ApiProperty() centreLatitude!: number;
  @ApiProperty() centreLongitude!: number;
  @ApiProperty({ description: "Hours a week the group takes of each contact's capacity" })
  weeklyHours!: number;
  @ApiProperty({ type: 'integer', format: 'int32' }) score!: number;
  @ApiProperty() reason!: string;
  @ApiProperty({ enum: GROUP_PROPOSAL_STATUSES }) status!: GroupProposalStatus;
  @ApiProperty({ nullable: true, type: String }) declineReason!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) acceptedGroupId!: string | null;
  @ApiProperty({
    type: [GroupProposalPerson],
    description: 'New members (or newcomers to the existing group)',
  })
  members!: GroupProposalPerson[];
  @ApiProperty({ type: [GroupProposalPerson], description: 'Proposed contacts; none when filling seats' })
  contacts!: GroupProposalPerson[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export const GroupProposalPage = PageOf(GroupProposalResponse);

export class AcceptedGroupProposalResponse {
  @ApiProperty({ type: GroupProposalResponse }) proposal!: GroupProposalResponse;
  @ApiProperty({ type: GroupResponse, description: 'The group created (or whose seats were filled)' })
  group!: GroupResponse;
}
