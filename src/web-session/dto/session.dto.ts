import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { ROLES } from '../../common/auth/principal';
import { PERSONA_KEYS, PersonaKey } from '../demo-personas';

export class SessionUserResponse {
  @ApiProperty({ description: 'The person’s subject at the identity provider (the access log’s actor)' })
  subject!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ROLES }) role!: (typeof ROLES)[number];
  @ApiProperty({ format: 'uuid' }) municipalityId!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) contactId!: string | null;
}

export class DemoPersonaResponse {
  @ApiProperty({ enum: PERSONA_KEYS }) key!: PersonaKey;
  @ApiProperty({ enum: ROLES }) role!: string;
  @ApiProperty() name!: string;
  @ApiProperty() description!: string;
}

export class SignInOptionsResponse {
  @ApiProperty({ description: 'An OpenID provider is configured: the sign-in page offers "Logg inn"' })
  oidc!: boolean;
  @ApiProperty({ type: [DemoPersonaResponse], description: 'Empty unless the local demo signer is enabled' })
  demoPersonas!: DemoPersonaResponse[];
}

export class WebSessionResponse {
  @ApiProperty() authenticated!: boolean;
  @ApiProperty({ type: SessionUserResponse, nullable: true }) user!: SessionUserResponse | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Send as X-CSRF-Token on every cookie-authenticated request that is not GET/HEAD/OPTIONS',
  })
  csrfToken!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date-time',
    description: 'When the session ends without a further request; each request moves it on',
  })
  idleExpiresAt!: string | null;
  @ApiProperty({ type: SignInOptionsResponse }) signIn!: SignInOptionsResponse;
}

export class DemoLoginRequest {
  @ApiProperty({ enum: PERSONA_KEYS })
  @IsIn(PERSONA_KEYS)
  persona!: PersonaKey;
}

export class LogoutResponse {
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Navigate here to end the session at the identity provider too; null when there is none',
  })
  endSessionUrl!: string | null;
}
