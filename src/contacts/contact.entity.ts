import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { WeeklySlot } from '../common/scheduling/weekly-slot';

export const GENDERS = ['female', 'male', 'other'] as const;
export type Gender = (typeof GENDERS)[number];

/** A støttekontakt on the roster: paid by the municipality to give a user meaningful leisure time. */
@Entity('contacts')
export class Contact {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'municipality_id', type: 'uuid' }) municipalityId!: string;
  @Column({ name: 'first_name', type: 'text' }) firstName!: string;
  @Column({ name: 'last_name', type: 'text' }) lastName!: string;
  @Column({ type: 'text', nullable: true }) email!: string | null;
  @Column({ type: 'text', nullable: true }) phone!: string | null;
  @Column({ name: 'birth_year', type: 'integer' }) birthYear!: number;
  @Column({ type: 'enum', enum: GENDERS, enumName: 'gender', nullable: true }) gender!: Gender | null;
  @Column({ type: 'text', array: true }) languages!: string[];
  @Column({ name: 'postal_code', type: 'char', length: 4, nullable: true }) postalCode!: string | null;
  @Column({ type: 'double precision', nullable: true }) latitude!: number | null;
  @Column({ type: 'double precision', nullable: true }) longitude!: number | null;
  @Column({ type: 'text', array: true }) interests!: string[];
  @Column({ type: 'jsonb' }) availability!: WeeklySlot[];
  @Column({ name: 'max_users', type: 'integer' }) maxUsers!: number;
  /** numeric(5,2) arrives from pg as a string; the transformer keeps it a number in the domain. */
  @Column({
    name: 'max_weekly_hours',
    type: 'numeric',
    precision: 5,
    scale: 2,
    transformer: { to: (v: number) => v, from: (v: string | null) => (v === null ? null : Number(v)) },
  })
  maxWeeklyHours!: number;
  @Column({ name: 'drives_own_car', type: 'boolean' }) drivesOwnCar!: boolean;
  /** politiattest: the date the police issued it */
  @Column({ name: 'police_certificate_issued_on', type: 'date', nullable: true }) policeCertificateIssuedOn!:
    string | null;
  /** politiattest: the date the contact showed it to the municipality */
  @Column({ name: 'police_certificate_presented_on', type: 'date', nullable: true })
  policeCertificatePresentedOn!: string | null;
  /** taushetserklæring: the date it was signed */
  @Column({ name: 'confidentiality_signed_on', type: 'date', nullable: true }) confidentialitySignedOn!:
    string | null;
  @Column({ type: 'boolean' }) active!: boolean;
  @Column({ type: 'integer' }) version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
