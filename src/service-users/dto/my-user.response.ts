import { ApiProperty } from '@nestjs/swagger';
import { WeeklySlotDto } from '../../common/scheduling/weekly-slot.dto';
import { COMPANION_CARD_STATES, CompanionCard } from '../service-user.entity';

/**
 * What a støttekontakt receives about a user they work with: only what the work needs (first name, phone,
 * interests, availability, area, ledsagerbevis). Never the fødselsnummer, the decision or anything health-related.
 */
export class MyUserResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() firstName!: string;
  @ApiProperty({ nullable: true, type: String }) phone!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'A guardian to call, for a child' })
  guardianPhone!: string | null;
  @ApiProperty({ type: [String] }) interests!: string[];
  @ApiProperty({ type: [WeeklySlotDto] }) availability!: WeeklySlotDto[];
  @ApiProperty({ nullable: true, type: String, description: 'Postal code of the home area' }) area!:
    string | null;
  @ApiProperty({
    enum: COMPANION_CARD_STATES,
    nullable: true,
    description:
      'Ledsagerbevis: with one, the contact gets in free where it is accepted (null: not recorded)',
  })
  companionCard!: CompanionCard | null;

  /** The exact set of fields a contact may see; tests assert it. */
  static readonly FIELDS = [
    'id',
    'firstName',
    'phone',
    'guardianPhone',
    'interests',
    'availability',
    'area',
    'companionCard',
  ] as const;
}
