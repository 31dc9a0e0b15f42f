import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { WeeklySlot } from '../common/scheduling/weekly-slot';

export const GROUP_STATUSES = ['forming', 'active', 'closed'] as const;
export type GroupStatus = (typeof GROUP_STATUSES)[number];

/** Users per group: at least 3 to run, at most 6 (seat 1..6 in the database) (DOMAIN rule 2, seed 002). */
export const MIN_ACTIVE_MEMBERS = 3;
export const MAX_MEMBERS = 6;
/** Contacts per group: one or two (seat 1..2 among open group assignments). */
export const MAX_GROUP_CONTACTS = 2;

/** aktivitetsgruppe: 3–6 users with similar interests, run by one or two støttekontakter. */
@Entity('activity_groups')
export class ActivityGroup {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'municipality_id', type: 'uuid' }) municipalityId!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text', array: true }) interests!: string[];
  @Column({ name: 'postal_code', type: 'char', length: 4, nullable: true }) postalCode!: string | null;
  @Column({ type: 'double precision', nullable: true }) latitude!: number | null;
  @Column({ type: 'double precision', nullable: true }) longitude!: number | null;
  @Column({ name: 'meeting_times', type: 'jsonb' }) meetingTimes!: WeeklySlot[];
  @Column({ type: 'enum', enum: GROUP_STATUSES, enumName: 'group_status' }) status!: GroupStatus;
  @Column({ type: 'integer' }) version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
