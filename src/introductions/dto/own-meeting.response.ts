import { ApiProperty } from '@nestjs/swagger';

class MeetingUserRef {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() firstName!: string;
  @ApiProperty({ description: 'A guardian on record, who may come with a child' }) hasGuardian!: boolean;
}

/**
 * A støttekontakt's own upcoming introduction meeting (første møte): when, where, and who comes. Minimised like
 * the rest of the contact's view: the user's first name only, no vedtak, no fødselsnummer, nothing health-related.
 */
export class OwnMeetingResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'date-time' }) startsAt!: string;
  @ApiProperty({ format: 'date-time' }) endsAt!: string;
  @ApiProperty({ nullable: true, type: String }) location!: string | null;
  @ApiProperty({ type: MeetingUserRef }) serviceUser!: MeetingUserRef;
  @ApiProperty({ description: 'The saksbehandler holding the meeting' }) caseworker!: string;

  /** The exact set of fields a contact may see; tests assert it. */
  static readonly FIELDS = ['id', 'startsAt', 'endsAt', 'location', 'serviceUser', 'caseworker'] as const;
}
