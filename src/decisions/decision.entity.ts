import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const SERVICE_FORMS = ['individual', 'group', 'volunteer_partnership'] as const;
/** individual (1:1), activity group, or individual with a volunteer organisation (fritid med bistand). */
export type ServiceForm = (typeof SERVICE_FORMS)[number];

export const QUOTA_PERIODS = ['week', 'month'] as const;
export type QuotaPeriod = (typeof QUOTA_PERIODS)[number];

const numeric = { to: (v: number) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

/** A vedtak: the municipality's reasoned decision granting a service user støttekontakt for a period. */
@Entity('decisions')
export class Decision {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'municipality_id', type: 'uuid' }) municipalityId!: string;
  @Column({ name: 'service_user_id', type: 'uuid' }) serviceUserId!: string;
  @Column({ name: 'service_form', type: 'enum', enum: SERVICE_FORMS, enumName: 'service_form' })
  serviceForm!: ServiceForm;
  /** numeric(6,2) arrives from pg as a string; the transformer keeps it a number in the domain. */
  @Column({ name: 'hours_granted', type: 'numeric', precision: 6, scale: 2, transformer: numeric })
  hoursGranted!: number;
  @Column({ name: 'hours_period', type: 'enum', enum: QUOTA_PERIODS, enumName: 'quota_period' })
  hoursPeriod!: QuotaPeriod;
  @Column({ name: 'driving_km_granted', type: 'integer' }) drivingKmGranted!: number;
  @Column({ name: 'driving_period', type: 'enum', enum: QUOTA_PERIODS, enumName: 'quota_period' })
  drivingPeriod!: QuotaPeriod;
  @Column({ name: 'decided_on', type: 'date' }) decidedOn!: string;
  @Column({ name: 'valid_from', type: 'date' }) validFrom!: string;
  @Column({ name: 'valid_to', type: 'date' }) validTo!: string;
  /** barnevernstjenesten may grant the service to a child under school age (DOMAIN rule 6). */
  @Column({ name: 'granted_by_child_welfare', type: 'boolean' }) grantedByChildWelfare!: boolean;
  /** When the need for a contact arose; the waiting list is ordered by it. */
  @Column({ name: 'waiting_since', type: 'date' }) waitingSince!: string;
  /** The reasoned decision; health-related, staff only. */
  @Column({ name: 'decision_text', type: 'text', nullable: true }) decisionText!: string | null;
  @Column({ name: 'created_by', type: 'text' }) createdBy!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

/** What a service user's record shows of the decision in force. */
export type DecisionSummary = Pick<
  Decision,
  'id' | 'serviceForm' | 'hoursGranted' | 'hoursPeriod' | 'validFrom' | 'validTo' | 'waitingSince'
>;
