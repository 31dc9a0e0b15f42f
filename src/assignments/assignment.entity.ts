import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const ASSIGNMENT_END_REASONS = [
  'user_moved',
  'contact_quit',
  'decision_expired',
  'needs_changed',
  'not_a_good_match',
  'eligibility_lapsed',
  'other',
] as const;
export type AssignmentEndReason = (typeof ASSIGNMENT_END_REASONS)[number];

const hours = { to: (v: number) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

/**
 * oppdrag: a contact's engagement for one service user or one activity group. Exactly one of `serviceUserId`
 * and `groupId` is set; a group assignment holds one of the group's two contact seats while it is not ended.
 */
@Entity('assignments')
export class Assignment {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'municipality_id', type: 'uuid' }) municipalityId!: string;
  @Column({ name: 'contact_id', type: 'uuid' }) contactId!: string;
  @Column({ name: 'service_user_id', type: 'uuid', nullable: true }) serviceUserId!: string | null;
  @Column({ name: 'group_id', type: 'uuid', nullable: true }) groupId!: string | null;
  /** The vedtak the assignment serves (individual assignments). */
  @Column({ name: 'decision_id', type: 'uuid', nullable: true }) decisionId!: string | null;
  /** Hours a week taken of the contact's capacity; numeric(5,2) arrives as a string. */
  @Column({ name: 'weekly_hours', type: 'numeric', precision: 5, scale: 2, transformer: hours })
  weeklyHours!: number;
  @Column({ name: 'starts_on', type: 'date' }) startsOn!: string;
  @Column({ name: 'ends_on', type: 'date', nullable: true }) endsOn!: string | null;
  @Column({
    name: 'end_reason',
    type: 'enum',
    enum: ASSIGNMENT_END_REASONS,
    enumName: 'assignment_end_reason',
    nullable: true,
  })
  endReason!: AssignmentEndReason | null;
  @Column({ name: 'end_note', type: 'text', nullable: true }) endNote!: string | null;
  /** Why an individual assignment started without an introduction meeting (DOMAIN rule 8); null otherwise. */
  @Column({ name: 'started_without_introduction_reason', type: 'text', nullable: true })
  startedWithoutIntroductionReason!: string | null;
  @Column({ name: 'group_contact_seat', type: 'smallint', nullable: true }) groupContactSeat!: number | null;
  @Column({ type: 'integer' }) version!: number;
  @Column({ name: 'created_by', type: 'text' }) createdBy!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
