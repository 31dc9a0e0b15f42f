import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { WeeklySlot } from '../common/scheduling/weekly-slot';

/** A kommune (or bydel) running the scheme; every record belongs to one, and its settings are the municipal rules. */
@Entity('municipalities')
export class Municipality {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'char', length: 4, nullable: true }) code!: string | null;
  /** Max age of a politiattest in calendar months, when presented and when an oppdragsavtale is signed (commonly 3). */
  @Column({ name: 'police_certificate_max_age_months', type: 'integer' })
  policeCertificateMaxAgeMonths!: number;
  /** A politiattest must be renewed after this many months. */
  @Column({ name: 'police_certificate_validity_months', type: 'integer' })
  policeCertificateValidityMonths!: number;
  /** The municipality's matching settings (radius, meeting length, weights); empty = the engine's defaults. */
  @Column({ name: 'matching_settings', type: 'jsonb' }) matchingSettings!: MunicipalMatchingSettings;
  /** When introduction meetings may be held (Oslo wall-clock); by default Monday–Friday 08:00–16:00. */
  @Column({ name: 'meeting_hours', type: 'jsonb' }) meetingHours!: WeeklySlot[];
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

export interface MunicipalMatchingSettings {
  travelRadiusKm?: number;
  minMeetingMinutes?: number;
  weights?: Partial<
    Record<
      'base' | 'interests' | 'availability' | 'distance' | 'ageCloseness' | 'language' | 'waiting',
      number
    >
  >;
}

@Entity('interests')
export class Interest {
  @Column({ name: 'municipality_id', type: 'uuid', primary: true }) municipalityId!: string;
  @Column({ type: 'text', primary: true }) code!: string;
  @Column({ type: 'text' }) label!: string;
}
