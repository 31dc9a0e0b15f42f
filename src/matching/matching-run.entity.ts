import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { MatchingSummary } from './matching-summary';

export const MATCHING_TRIGGERS = ['nightly', 'manual'] as const;
export type MatchingTrigger = (typeof MATCHING_TRIGGERS)[number];
export const MATCHING_RUN_STATUSES = ['queued', 'running', 'completed', 'failed'] as const;
export type MatchingRunStatus = (typeof MATCHING_RUN_STATUSES)[number];

/** One run of the matching engine over a municipality's waiting users; also the outbox row for its job. */
@Entity('matching_runs')
export class MatchingRun {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'municipality_id', type: 'uuid' }) municipalityId!: string;
  @Column({ type: 'enum', enum: MATCHING_TRIGGERS, enumName: 'matching_trigger' }) trigger!: MatchingTrigger;
  @Column({ name: 'run_date', type: 'date' }) runDate!: string;
  @Column({ type: 'enum', enum: MATCHING_RUN_STATUSES, enumName: 'matching_run_status' })
  status!: MatchingRunStatus;
  @Column({ type: 'integer' }) progress!: number;
  @Column({ type: 'integer' }) attempts!: number;
  @Column({ type: 'jsonb', nullable: true }) summary!: MatchingSummary | null;
  @Column({ name: 'failure_reason', type: 'text', nullable: true }) failureReason!: string | null;
  @Column({ name: 'requested_by', type: 'text' }) requestedBy!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'started_at', type: 'timestamptz', nullable: true }) startedAt!: Date | null;
  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true }) finishedAt!: Date | null;
}
