import { ApiProperty } from '@nestjs/swagger';

/** The full fødselsnummer, answered only to the explicit, access-logged reveal. */
export class NationalIdResponse {
  @ApiProperty({ example: '17819000034', description: 'Fødselsnummer, D-number or H-number (11 digits)' })
  nationalId!: string;
}
