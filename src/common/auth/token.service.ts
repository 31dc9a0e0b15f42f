import { Injectable } from '@nestjs/common';
import { errors, jwtVerify, JWTPayload, SignJWT } from 'jose';
import { AppConfig } from '../../config/app-config.service';
import { Principal, Role, ROLES } from './principal';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class InvalidTokenError extends Error {}

export interface TokenRequest {
  subject: string;
  role: Role;
  municipalityId: string;
  contactId?: string | null;
  expiresIn?: string;
}

/**
 * Verifies bearer tokens (HS256 from the local signer: signature, expiry, issuer and audience) and
 * signs development tokens. Claims: `sub`, `role`, `municipality_id`, and `contact_id` for contacts.
 */
@Injectable()
export class TokenService {
  private readonly secret: Uint8Array;

  constructor(private readonly config: AppConfig) {
    this.secret = new TextEncoder().encode(config.get('JWT_SECRET'));
  }

  async verify(token: string): Promise<Principal> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.secret, {
        algorithms: ['HS256'],
        issuer: this.config.get('JWT_ISSUER'),
        audience: this.config.get('JWT_AUDIENCE'),
        requiredClaims: ['sub', 'exp'],
      }));
    } catch (error) {
      const reason =
        error instanceof errors.JWTExpired
          ? 'token expired'
          : error instanceof errors.JWTClaimValidationFailed
            ? `claim ${error.claim} invalid`
            : 'signature or format invalid';
      throw new InvalidTokenError(reason);
    }
    return principalFromClaims(payload);
  }

  async sign(request: TokenRequest): Promise<string> {
    return new SignJWT({
      role: request.role,
      municipality_id: request.municipalityId,
      ...(request.contactId ? { contact_id: request.contactId } : {}),
    })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(request.subject)
      .setIssuer(this.config.get('JWT_ISSUER'))
      .setAudience(this.config.get('JWT_AUDIENCE'))
      .setIssuedAt()
      .setExpirationTime(request.expiresIn ?? '8h')
      .sign(this.secret);
  }
}

export function principalFromClaims(payload: JWTPayload): Principal {
  const role = payload.role as Role;
  if (!ROLES.includes(role)) throw new InvalidTokenError('claim role invalid');
  const municipalityId = payload.municipality_id;
  if (typeof municipalityId !== 'string' || !UUID.test(municipalityId)) {
    throw new InvalidTokenError('claim municipality_id invalid');
  }
  const contactId = typeof payload.contact_id === 'string' ? payload.contact_id : null;
  if (role === 'contact' && (!contactId || !UUID.test(contactId))) {
    throw new InvalidTokenError('claim contact_id invalid');
  }
  return {
    subject: String(payload.sub),
    role,
    municipalityId,
    contactId: role === 'contact' ? contactId : null,
  };
}
