import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';

/** The contact sends the month's timesheet to the user (or the guardian on record) to sign. */
export class CreateSigningRequest {
  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'For a group timesheet: the member, present at a session, who signs; an individual one needs none',
  })
  @IsOptional()
  @IsUUID()
  serviceUserId?: string;
}

/** The signer's answer on the public signing page. */
export class SigningDecisionRequest {
  @ApiProperty({ enum: ['confirm', 'object'] })
  @IsIn(['confirm', 'object'])
  decision!: 'confirm' | 'object';

  @ApiPropertyOptional({ description: 'What is wrong; required when objecting', maxLength: 2000 })
  @ValidateIf((body: SigningDecisionRequest) => body.decision === 'object' || body.comment !== undefined)
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  comment?: string;
}

/** The code the user or guardian got by e-mail, typed in on the contact's phone. */
export class SigningCodeRequest {
  @ApiProperty({
    description: 'The six-digit one-time code',
    pattern: '^\\d{6}$',
    minLength: 6,
    maxLength: 6,
    example: '042137',
  })
  @IsString()
  @Matches(/^\d{6}$/, { message: 'the code is six digits' })
  code!: string;
}
