import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Gender, GENDERS } from '../contacts/contact.entity';

/** Ledsagerbevis (companion card): whether the user has one, has applied, or has none. */
export const COMPANION_CARD_STATES = ['has', 'applied', 'none'] as const;
export type CompanionCard = (typeof COMPANION_CARD_STATES)[number];
import { WeeklySlot } from '../common/scheduling/weekly-slot';

/** A tjenestemottaker: a person granted støttekontakt who lives or stays in the municipality. */
@Entity('service_users')
export class ServiceUser {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'municipality_id', type: 'uuid' }) municipalityId!: string;
  /**
   * Fødselsnummer, D- or H-number. Not selected by default, so code that loads a user for other purposes
   * (assignments, matching, what a contact sees) never holds it; select it explicitly where it is needed.
   */
  @Column({ name: 'national_id', type: 'char', length: 11, select: false }) nationalId!: string;
  @Column({ name: 'first_name', type: 'text' }) firstName!: string;
  @Column({ name: 'last_name', type: 'text' }) lastName!: string;
  @Column({ name: 'birth_date', type: 'date' }) birthDate!: string;
  @Column({ type: 'enum', enum: GENDERS, enumName: 'gender', nullable: true }) gender!: Gender | null;
  @Column({ type: 'text', nullable: true }) phone!: string | null;
  @Column({ type: 'text', array: true }) languages!: string[];
  @Column({ name: 'postal_code', type: 'char', length: 4, nullable: true }) postalCode!: string | null;
  @Column({ type: 'double precision', nullable: true }) latitude!: number | null;
  @Column({ type: 'double precision', nullable: true }) longitude!: number | null;
  @Column({ type: 'text', array: true }) interests!: string[];
  @Column({ type: 'jsonb' }) availability!: WeeklySlot[];
  /** "Hva er viktig for deg?": the user's own words; may hold health-related information. */
  @Column({ type: 'text', nullable: true }) wishes!: string | null;
  @Column({
    name: 'preferred_contact_gender',
    type: 'enum',
    enum: GENDERS,
    enumName: 'gender',
    nullable: true,
  })
  preferredContactGender!: Gender | null;
  @Column({ name: 'preferred_language', type: 'text', nullable: true }) preferredLanguage!: string | null;
  @Column({ name: 'preferred_contact_age_min', type: 'integer', nullable: true }) preferredContactAgeMin!:
    number | null;
  @Column({ name: 'preferred_contact_age_max', type: 'integer', nullable: true }) preferredContactAgeMax!:
    number | null;
  @Column({ name: 'guardian_name', type: 'text', nullable: true }) guardianName!: string | null;
  @Column({ name: 'guardian_phone', type: 'text', nullable: true }) guardianPhone!: string | null;
  /** Ledsagerbevis: has one, has applied, has none; null while not recorded. */
  @Column({
    name: 'companion_card',
    type: 'enum',
    enum: COMPANION_CARD_STATES,
    enumName: 'companion_card',
    nullable: true,
  })
  companionCard!: CompanionCard | null;
  @Column({ type: 'integer' }) version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
