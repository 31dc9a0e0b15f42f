import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, MaxLength } from 'class-validator';

export const CHANNELS = ['email', 'none'] as const;
export type Channel = (typeof CHANNELS)[number];

/** A person's own choice: e-mail (to the address given, or a contact's address on the roster) or none. */
export class MyNotificationSettings {
  @ApiProperty({ enum: CHANNELS })
  @IsIn(CHANNELS)
  notifyBy!: Channel;

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

/** How a service user and the guardian on record are reached (the signing link, notices). */
export class ServiceUserNotificationSettings {
  @ApiProperty({ enum: CHANNELS })
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
