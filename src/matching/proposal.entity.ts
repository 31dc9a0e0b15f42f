import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { ScoreComponents } from './engine/scoring';

export const PROPOSAL_STATUSES = ['open', 'superseded', 'accepted', 'declined'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

/** A proposed introduction of a user to a støttekontakt, with the score's components and a readable reason. */
@Entity('proposals')
export class Proposal {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'municipality_id', type: 'uuid' }) municipalityId!: string;
  @Column({ name: 'run_id', type: 'uuid' }) runId!: string;
  @Column({ name: 'service_user_id', type: 'uuid' }) serviceUserId!: string;
  @Column({ name: 'contact_id', type: 'uuid' }) contactId!: string;
  @Column({ name: 'decision_id', type: 'uuid', nullable: true }) decisionId!: string | null;
  @Column({ type: 'integer' }) score!: number;
  @Column({ type: 'jsonb' }) components!: ScoreComponents & { distanceKm?: number };
  @Column({ type: 'text' }) reason!: string;
  @Column({ type: 'enum', enum: PROPOSAL_STATUSES, enumName: 'proposal_status' }) status!: ProposalStatus;
  @Column({ name: 'status_changed_at', type: 'timestamptz', nullable: true }) statusChangedAt!: Date | null;
  @Column({ name: 'status_changed_by', type: 'text', nullable: true }) statusChangedBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
