import { lastNameInitial } from '../../service-users/name-for-contact';
import { ApiProperty } from '@nestjs/swagger';
import { MAX_PAGE_SIZE, PageMeta } from '../../common/http/pagination';
import { GROUP_STATUSES, GroupStatus } from '../../groups/activity-group.entity';
import { ASSIGNMENT_END_REASONS, AssignmentEndReason } from '../assignment.entity';

/** One assignment joined with the names a reader needs; read with visible SQL in AssignmentsService. */
export interface AssignmentRow {
  id: string;
  contact_id: string;
  contact_first_name: string;
  contact_last_name: string;
  service_user_id: string | null;
  user_first_name: string | null;
  user_last_name: string | null;
  group_id: string | null;
  group_name: string | null;
  group_status: GroupStatus | null;
  decision_id: string | null;
  weekly_hours: string;
  starts_on: string;
  ends_on: string | null;
  end_reason: AssignmentEndReason | null;
  end_note: string | null;
  started_without_introduction_reason: string | null;
  version: number;
  created_at: Date;
}

export class AssignedContactResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() firstName!: string;
  @ApiProperty() lastName!: string;
}

export class AssignedUserResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() firstName!: string;
  @ApiProperty() lastName!: string;
}

/** What a contact is told about their user: enough to know who, nothing from the case (TRUST 6). */
export class AssignedUserForContactResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() firstName!: string;
  @ApiProperty({ example: 'N.' }) lastNameInitial!: string;
}

export class AssignedGroupResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: GROUP_STATUSES }) status!: GroupStatus;
}

class AssignmentCommon {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: AssignedContactResponse }) contact!: AssignedContactResponse;
  @ApiProperty({ type: AssignedGroupResponse, nullable: true }) group!: AssignedGroupResponse | null;
  @ApiProperty({ description: "Hours a week taken of the contact's capacity" }) weeklyHours!: number;
  @ApiProperty({ format: 'date', example: '2026-09-01' }) startsOn!: string;
  @ApiProperty({ format: 'date', nullable: true, type: String }) endsOn!: string | null;
  @ApiProperty({ enum: ASSIGNMENT_END_REASONS, nullable: true }) endReason!: AssignmentEndReason | null;
  @ApiProperty({ description: 'Not ended, or ending today or later' }) active!: boolean;
}

/** The staff view of an assignment. */
export class AssignmentResponse extends AssignmentCommon {
  @ApiProperty({ type: AssignedUserResponse, nullable: true }) serviceUser!: AssignedUserResponse | null;
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'The vedtak the assignment serves',
  })
  decisionId!: string | null;
  @ApiProperty({ nullable: true, type: String }) endNote!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Why the assignment started without an introduction meeting; null when it followed one',
  })
  startedWithoutIntroductionReason!: string | null;
  @ApiProperty({ type: 'integer', format: 'int32' }) version!: number;
  @ApiProperty() createdAt!: Date;

  static from(row: AssignmentRow, today: string): AssignmentResponse {
    return {
      ...common(row, today),
      serviceUser:
        row.service_user_id === null
          ? null
          : {
              id: row.service_user_id,
              firstName: row.user_first_name ?? '',
              lastName: row.user_last_name ?? '',
            },
      decisionId: row.decision_id,
      endNote: row.end_note,
      startedWithoutIntroductionReason: row.started_without_introduction_reason,
      version: row.version,
      createdAt: row.created_at,
    };
  }
}

/** A contact's view of their own assignment: no fødselsnummer, vedtak, notes or other case data. */
export class OwnAssignmentResponse extends AssignmentCommon {
  @ApiProperty({ type: AssignedUserForContactResponse, nullable: true })
  serviceUser!: AssignedUserForContactResponse | null;

  static from(row: AssignmentRow, today: string): OwnAssignmentResponse {
    return {
      ...common(row, today),
      serviceUser:
        row.service_user_id === null
          ? null
          : {
              id: row.service_user_id,
              firstName: row.user_first_name ?? '',
              lastNameInitial: lastNameInitial(row.user_last_name),
            },
    };
  }
}

function common(row: AssignmentRow, today: string): AssignmentCommon {
  return {
    id: row.id,
    contact: { id: row.contact_id, firstName: row.contact_first_name, lastName: row.contact_last_name },
    group:
      row.group_id === null
        ? null
        : { id: row.group_id, name: row.group_name ?? '', status: row.group_status ?? 'forming' },
    weeklyHours: Number(row.weekly_hours),
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    endReason: row.end_reason,
    active: row.ends_on === null || row.ends_on >= today,
  };
}

export class AssignmentPage extends PageMeta {
  @ApiProperty({
    type: [AssignmentResponse],
    maxItems: MAX_PAGE_SIZE,
    description: 'For role contact the items are OwnAssignmentResponse',
  })
  items!: (AssignmentResponse | OwnAssignmentResponse)[];
}
