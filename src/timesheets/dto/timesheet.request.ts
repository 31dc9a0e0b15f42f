import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsUUID } from 'class-validator';

/**
 * The user's (or a guardian's) signature on a timesheet, as the contact records it (DOMAIN rule 5): who signed
 * and when. A guardian signs under the name on the user's record.
 */
export class SignTimesheetRequest {
  @ApiProperty({ enum: ['user', 'guardian'] })
  @IsIn(['user', 'guardian'])
  signedBy!: 'user' | 'guardian';

  @ApiPropertyOptional({
    description:
      'Whose timesheet signature this is; required for a group, defaults to the user of an individual assignment',
  })
  @IsOptional()
  @IsUUID()
  serviceUserId?: string;

  @ApiPropertyOptional({
    example: '2026-02-20T18:00:00+01:00',
    description: 'When it was signed; default now',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  signedAt?: string;
}
