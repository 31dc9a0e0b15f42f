import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { INTRODUCTION_STATUSES, IntroductionStatus } from './transitions';

const hours = { to: (v: number) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

/**
 * første møte: a user and a proposed støttekontakt meet with the saksbehandler before the assignment starts
 * (DOMAIN rule 8). While pending (awaiting_booking, booked) it holds a place in the contact's capacity.
 */
@Entity('introductions')
export class Introduction {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'municipality_id', type: 'uuid' }) municipalityId!: string;
  @Column({ name: 'service_user_id', type: 'uuid' }) serviceUserId!: string;
  @Column({ name: 'contact_id', type: 'uuid' }) contactId!: string;
  @Column({ name: 'decision_id', type: 'uuid', nullable: true }) decisionId!: string | null;
  /** null when the coordinator picked the contact by hand */
  @Column({ name: 'proposal_id', type: 'uuid', nullable: true }) proposalId!: string | null;
  @Column({ name: 'weekly_hours', type: 'numeric', precision: 5, scale: 2, transformer: hours })
  weeklyHours!: number;
  @Column({ type: 'enum', enum: INTRODUCTION_STATUSES, enumName: 'introduction_status' })
  status!: IntroductionStatus;
  /** The saksbehandler holding the meeting: the subject of their login. */
  @Column({ type: 'text', nullable: true }) caseworker!: string | null;
  @Column({ name: 'starts_at', type: 'timestamptz', nullable: true }) startsAt!: Date | null;
  @Column({ name: 'ends_at', type: 'timestamptz', nullable: true }) endsAt!: Date | null;
  @Column({ type: 'text', nullable: true }) location!: string | null;
  @Column({ name: 'decline_reason', type: 'text', nullable: true }) declineReason!: string | null;
  @Column({ name: 'declined_by', type: 'text', nullable: true }) declinedBy!: string | null;
  @Column({ name: 'assignment_id', type: 'uuid', nullable: true }) assignmentId!: string | null;
  @Column({ type: 'integer' }) version!: number;
  @Column({ name: 'created_by', type: 'text' }) createdBy!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
