import { ApiProperty } from '@nestjs/swagger';
import { IsDateOnly } from '../../common/http/common-validators';

/** An absence (ferie): whole days, the first and the last included. No reason is asked: it is nobody's business. */
export class CreateAbsenceRequest {
  @ApiProperty({ format: 'date', example: '2027-07-01', description: 'The first day away' })
  @IsDateOnly()
  startsOn!: string;

  @ApiProperty({
    format: 'date',
    example: '2027-07-21',
    description: 'The last day away (on or after startsOn)',
  })
  @IsDateOnly()
  endsOn!: string;
}

export class AbsenceResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'date' }) startsOn!: string;
  @ApiProperty({ format: 'date' }) endsOn!: string;
}
