import { ApiProperty } from '@nestjs/swagger';
import { Gender, GENDERS } from '../../contacts/contact.entity';
import { ageInYears } from '../../common/dates';
import { WeeklySlotDto } from '../../common/scheduling/weekly-slot.dto';
import type { DecisionSummary } from '../../decisions/decision.entity';
import { DecisionSummaryResponse } from '../../decisions/dto/decision.response';
import { maskNationalId, NationalIdKind, parseNationalId } from '../national-id';
import { COMPANION_CARD_STATES, CompanionCard, ServiceUser } from '../service-user.entity';

/** Facts about a user that come from other records, computed for a page of users at once. */
export interface ServiceUserStanding {
  currentDecision: DecisionSummary | null;
  waiting: boolean;
}

export class ServiceUserResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({
    example: '178190*****',
    description: 'The fødselsnummer masked; the full number is never returned',
  })
  nationalIdMasked!: string;
  @ApiProperty({ enum: ['fnr', 'dnr', 'hnr', 'synthetic'], nullable: true })
  nationalIdKind!: NationalIdKind | null;
  @ApiProperty() firstName!: string;
  @ApiProperty() lastName!: string;
  @ApiProperty({ format: 'date', example: '1990-01-17' }) birthDate!: string;
  @ApiProperty({ type: 'integer', format: 'int32', description: 'Completed years today' }) age!: number;
  @ApiProperty({ enum: GENDERS, nullable: true }) gender!: Gender | null;
  @ApiProperty({ nullable: true, type: String }) phone!: string | null;
  @ApiProperty({ type: [String] }) languages!: string[];
  @ApiProperty({ nullable: true, type: String }) postalCode!: string | null;
  @ApiProperty({ nullable: true, type: Number }) latitude!: number | null;
  @ApiProperty({ nullable: true, type: Number }) longitude!: number | null;
  @ApiProperty({ type: [String] }) interests!: string[];
  @ApiProperty({ type: [WeeklySlotDto] }) availability!: WeeklySlotDto[];
  @ApiProperty({ nullable: true, type: String }) wishes!: string | null;
  @ApiProperty({ enum: GENDERS, nullable: true }) preferredContactGender!: Gender | null;
  @ApiProperty({ nullable: true, type: String }) preferredLanguage!: string | null;
  @ApiProperty({ nullable: true, type: 'integer', format: 'int32' }) preferredContactAgeMin!: number | null;
  @ApiProperty({ nullable: true, type: 'integer', format: 'int32' }) preferredContactAgeMax!: number | null;
  @ApiProperty({ nullable: true, type: String }) guardianName!: string | null;
  @ApiProperty({ nullable: true, type: String }) guardianPhone!: string | null;
  @ApiProperty({
    enum: COMPANION_CARD_STATES,
    nullable: true,
    description: 'Ledsagerbevis: has one, has applied, has none (null: not recorded)',
  })
  companionCard!: CompanionCard | null;
  @ApiProperty({ type: DecisionSummaryResponse, nullable: true, description: 'The decision valid today' })
  currentDecision!: DecisionSummaryResponse | null;
  @ApiProperty({
    description: 'A decision is valid today and no contact is assigned (individually or via a group)',
  })
  waiting!: boolean;
  @ApiProperty({
    type: 'integer',
    format: 'int32',
    description: 'Send as If-Match to update without losing a concurrent change',
  })
  version!: number;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;

  /** `user` must have been loaded with its nationalId selected; only its mask leaves this function. */
  static from(
    user: Omit<ServiceUser, 'municipalityId'>,
    standing: ServiceUserStanding,
    today: string,
  ): ServiceUserResponse {
    const parsed = parseNationalId(user.nationalId, { allowSynthetic: true });
    return {
      id: user.id,
      nationalIdMasked: maskNationalId(user.nationalId),
      nationalIdKind: parsed.valid ? parsed.kind : null,
      firstName: user.firstName,
      lastName: user.lastName,
      birthDate: user.birthDate,
      age: ageInYears(user.birthDate, today),
      gender: user.gender,
      phone: user.phone,
      languages: user.languages,
      postalCode: user.postalCode,
      latitude: user.latitude,
      longitude: user.longitude,
      interests: user.interests,
      availability: user.availability,
      wishes: user.wishes,
      preferredContactGender: user.preferredContactGender,
      preferredLanguage: user.preferredLanguage,
      preferredContactAgeMin: user.preferredContactAgeMin,
      preferredContactAgeMax: user.preferredContactAgeMax,
      guardianName: user.guardianName,
      guardianPhone: user.guardianPhone,
      companionCard: user.companionCard,
      currentDecision: standing.currentDecision
        ? DecisionSummaryResponse.from(standing.currentDecision)
        : null,
      waiting: standing.waiting,
      version: user.version,
      createdAt: user.createdAt,
      updatedAt: user.updatedAt,
    };
  }
}
