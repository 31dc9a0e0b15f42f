import { ApiProperty } from '@nestjs/swagger';
import { WeeklySlotDto } from '../../common/scheduling/weekly-slot.dto';
import { Contact, Gender, GENDERS } from '../contact.entity';
import { EligibilityAssessment } from '../eligibility';

export class EligibilityReasonResponse {
  @ApiProperty({ example: 'police_certificate_expired' }) code!: string;
  @ApiProperty() message!: string;
}

export class EligibilityResponse {
  @ApiProperty({ description: 'Valid politiattest and signed taushetserklæring today' }) eligible!: boolean;
  @ApiProperty({ type: [EligibilityReasonResponse] }) reasons!: EligibilityReasonResponse[];
  @ApiProperty({
    format: 'date',
    nullable: true,
    type: String,
    description: 'The date the politiattest lapses',
  })
  validUntil!: string | null;
}

/** What holds the contact's capacity: open assignments and introductions on their way (contact.queries.ts). */
export class ContactLoadResponse {
  @ApiProperty({
    type: 'integer',
    format: 'int32',
    description: 'Users taken: open assignments (a group seat counts as one) and introductions on their way',
  })
  users!: number;
  @ApiProperty({ description: 'Hours a week taken by those assignments and introductions' })
  weeklyHours!: number;
}

export class ContactResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() firstName!: string;
  @ApiProperty() lastName!: string;
  @ApiProperty({ nullable: true, type: String }) email!: string | null;
  @ApiProperty({ nullable: true, type: String }) phone!: string | null;
  @ApiProperty({ type: 'integer', format: 'int32' }) birthYear!: number;
  @ApiProperty({ enum: GENDERS, nullable: true }) gender!: Gender | null;
  @ApiProperty({ type: [String] }) languages!: string[];
  @ApiProperty({ nullable: true, type: String }) postalCode!: string | null;
  @ApiProperty({ nullable: true, type: Number }) latitude!: number | null;
  @ApiProperty({ nullable: true, type: Number }) longitude!: number | null;
  @ApiProperty({ type: [String] }) interests!: string[];
  @ApiProperty({ type: [WeeklySlotDto] }) availability!: WeeklySlotDto[];
  @ApiProperty({ type: 'integer', format: 'int32' }) maxUsers!: number;
  @ApiProperty() maxWeeklyHours!: number;
  @ApiProperty() drivesOwnCar!: boolean;
  @ApiProperty({ format: 'date', nullable: true, type: String }) policeCertificateIssuedOn!: string | null;
  @ApiProperty({ format: 'date', nullable: true, type: String }) policeCertificatePresentedOn!: string | null;
  @ApiProperty({ format: 'date', nullable: true, type: String }) confidentialitySignedOn!: string | null;
  @ApiProperty() active!: boolean;
  @ApiProperty({ type: EligibilityResponse }) eligibility!: EligibilityResponse;
  @ApiProperty({ type: ContactLoadResponse }) load!: ContactLoadResponse;
  @ApiProperty({
    type: 'integer',
    format: 'int32',
    description: 'Send as If-Match to update without losing a concurrent change',
  })
  version!: number;

  static from(
    contact: Omit<Contact, 'municipalityId'>,
    eligibility: EligibilityAssessment,
    load: ContactLoadResponse,
  ): ContactResponse {
    return {
      id: contact.id,
      firstName: contact.firstName,
      lastName: contact.lastName,
      email: contact.email,
      phone: contact.phone,
      birthYear: contact.birthYear,
      gender: contact.gender,
      languages: contact.languages,
      postalCode: contact.postalCode,
      latitude: contact.latitude,
      longitude: contact.longitude,
      interests: contact.interests,
      availability: contact.availability,
      maxUsers: contact.maxUsers,
      maxWeeklyHours: contact.maxWeeklyHours,
      drivesOwnCar: contact.drivesOwnCar,
      policeCertificateIssuedOn: contact.policeCertificateIssuedOn,
      policeCertificatePresentedOn: contact.policeCertificatePresentedOn,
      confidentialitySignedOn: contact.confidentialitySignedOn,
      active: contact.active,
      eligibility: {
        eligible: eligibility.eligible,
        reasons: eligibility.reasons.map((r) => ({ code: r.code, message: r.message })),
        validUntil: eligibility.validUntil,
      },
      load,
      version: contact.version,
    };
  }
}
