import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, MaxLength } from 'class-validator';
import { IsPhone } from '../../common/http/common-validators';

/** sms only where the municipality has an SMS provider configured and a number is on record. */
export const CHANNELS = ['email', 'sms', 'none'] as const;
export type Channel = (typeof CHANNELS)[number];

/**
 * A person's own choice: e-mail (to the address given, or a contact's address on the roster), SMS (to the number
 * given, or a contact's number on the roster) or none.
 */
export class MyNotificationSettings {
  @ApiProperty({
    enum: CHANNELS,
    description: 'sms: only where the municipality has configured SMS and a number is on record (else 409)',
  })
  @IsIn(CHANNELS)
  notifyBy!: Channel;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 20,
    example: '+47 912 34 567',
    description: "Staff only, for SMS; a contact's number is the one on their roster record",
  })
  @IsOptional()
  @IsPhone()
  phone?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    format: 'email',
    maxLength: 254,
    description: "Staff only; a contact's address is the one on their roster record",
  })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string | null;
}

/**
 * How a service user and the guardian on record are reached (the signing link, notices): by e-mail to these
 * addresses, or by SMS to the phone numbers on the user's record (the guardian's first).
 */
export class ServiceUserNotificationSettings {
  @ApiProperty({
    enum: CHANNELS,
    description:
      "sms: only where SMS is configured and the user's or guardian's number is on record (else 409)",
  })
  @IsIn(CHANNELS)
  notifyBy!: Channel;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'email', maxLength: 254 })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'email', maxLength: 254 })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  guardianEmail?: string | null;
}
