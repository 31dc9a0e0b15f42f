import { Injectable } from '@nestjs/common';
import { decodeJwt, errors, jwtVerify, JWTPayload, SignJWT } from 'jose';
import { LRUCache } from 'lru-cache';
import { AppConfig } from '../../config/app-config.service';
import { ClaimNames, InvalidTokenError, LOCAL_CLAIM_NAMES, principalFromClaims } from './claims';
import { OidcKeys } from './oidc-keys';
import { Principal, Role } from './principal';

export { InvalidTokenError } from './claims';

/** How the configured OIDC issuer names its claims (OIDC_ROLE_CLAIM and friends); shared with the web sign-in. */
export function oidcClaimNames(config: AppConfig): ClaimNames {
  return {
    role: config.get('OIDC_ROLE_CLAIM'),
    municipality: config.get('OIDC_MUNICIPALITY_CLAIM'),
    contact: config.get('OIDC_CONTACT_CLAIM'),
    fixedMunicipalityId: config.get('OIDC_MUNICIPALITY_ID'),
  };
}

/**
 * How long a verified token is remembered at most. Its own expiry always wins when sooner; the cap bounds how long
 * a token signed by a key that the issuer has since withdrawn from its JWKS stays accepted.
 */
export const VERIFIED_TOKEN_TTL_MS = 5 * 60_000;
const VERIFIED_TOKEN_CACHE_SIZE = 10_000;

export interface TokenRequest {
  subject: string;
  role: Role;
  municipalityId: string;
  contactId?: string | null;
  expiresIn?: string;
}

/**
 * Verifies bearer tokens and signs development tokens. Claims: `sub`, `role`, `municipality_id`, and `contact_id` for contacts.
 */
@Injectable()
export class TokenService {
  /** The local signer's key; absent where the signer is off, so nothing can be signed or verified with it. */
  private readonly secret?: Uint8Array;
  private readonly oidcIssuer?: string;
  private readonly oidc?: OidcKeys;
  private readonly oidcClaims: ClaimNames;
  /**
   * Tokens that passed every check, by their exact text, so a client's next request skips the signature check
   * (an HMAC or RSA verification and jose's key import per request were a tenth of a read's cost). A changed byte
   * is a different key, so only the very token that was verified is ever served from here; refusals are never
   * remembered, so each one is checked and logged again.
   */
  private readonly verified = new LRUCache<string, Principal>({ max: VERIFIED_TOKEN_CACHE_SIZE });

  constructor(private readonly config: AppConfig) {
    const secret = config.get('LOCAL_SIGNER_ENABLED') ? config.get('JWT_SECRET') : undefined;
    this.secret = secret ? new TextEncoder().encode(secret) : undefined;
    this.oidcIssuer = config.get('OIDC_ISSUER_URL');
    this.oidc = this.oidcIssuer ? new OidcKeys(this.oidcIssuer) : undefined;
    this.oidcClaims = oidcClaimNames(config);
  }

  /**
   * Local tokens (HS256, our issuer) and, when configured, tokens of the municipality's OIDC issuer (asymmetric
   * keys from its JWKS). The issuer claim only picks the key; the signature, issuer, audience and expiry are
   * then all checked, and `alg: none` or an HS256 token claiming the OIDC issuer never passes.
   */
  /** TOKEN_MAX_AGE_MINUTES, in jose's terms: checked against `iat`, which every token must carry. */
  private get maxTokenAge(): string {
    return `${this.config.get('TOKEN_MAX_AGE_MINUTES')}m`;
  }

  async verify(token: string): Promise<Principal> {
    const remembered = this.verified.get(token);
    if (remembered) return remembered;
    const { payload, claims } = await this.verifySignatureAndClaims(token);
    const principal = Object.freeze(principalFromClaims(payload, claims));
    // requiredClaims makes `exp` present; the entry lapses with the token.
    const ttl = Math.min((payload.exp ?? 0) * 1000 - Date.now(), VERIFIED_TOKEN_TTL_MS);
    if (ttl > 0) this.verified.set(token, principal, { ttl });
    return principal;
  }

  private async verifySignatureAndClaims(
    token: string,
  ): Promise<{ payload: JWTPayload; claims: ClaimNames }> {
    let payload: JWTPayload;
    let claims = LOCAL_CLAIM_NAMES;
    try {
      const issuer = decodeJwt(token).iss;
      if (this.oidc && issuer === this.oidcIssuer) {
        ({ payload } = await jwtVerify(token, await this.oidc.get(), {
          algorithms: ['RS256', 'RS384', 'RS512', 'PS256', 'ES256', 'ES384', 'EdDSA'],
          issuer: this.oidcIssuer,
          audience: this.config.get('OIDC_AUDIENCE') ?? this.config.get('JWT_AUDIENCE'),
          requiredClaims: ['sub', 'exp', 'iat'],
          maxTokenAge: this.maxTokenAge,
        }));
        claims = this.oidcClaims;
      } else if (this.secret) {
        ({ payload } = await jwtVerify(token, this.secret, {
          algorithms: ['HS256'],
          issuer: this.config.get('JWT_ISSUER'),
          audience: this.config.get('JWT_AUDIENCE'),
          requiredClaims: ['sub', 'exp', 'iat'],
          maxTokenAge: this.maxTokenAge,
        }));
      } else {
        throw new InvalidTokenError('issuer not accepted');
      }
    } catch (error) {
      if (error instanceof InvalidTokenError) throw error;
      const reason =
        error instanceof errors.JWTExpired
          ? error.claim === 'iat'
            ? 'token older than TOKEN_MAX_AGE_MINUTES'
            : 'token expired'
          : error instanceof errors.JWTClaimValidationFailed
            ? `claim ${error.claim} invalid`
            : 'signature or format invalid';
      throw new InvalidTokenError(reason);
    }
    return { payload, claims };
  }

  async sign(request: TokenRequest): Promise<string> {
    if (!this.secret) throw new Error('The local signer is not enabled (LOCAL_SIGNER_ENABLED=true)');
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
