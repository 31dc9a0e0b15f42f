import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import * as oidc from 'openid-client';
import { ClaimNames, principalFromClaims } from '../common/auth/claims';
import { Principal } from '../common/auth/principal';
import { oidcClaimNames } from '../common/auth/token.service';
import { ApiError } from '../common/errors/api-error';
import { AppConfig } from '../config/app-config.service';
import { PendingSignIn } from './session-store';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** A person the provider vouched for: who, with which rights, and the id_token for the logout at the provider. */
export interface SignedIn {
  principal: Principal;
  name: string;
  idToken: string | undefined;
}

/**
 * Sign-in at the municipality's OpenID provider (Authorization Code flow with PKCE S256, state and nonce) with
 * openid-client: discovery by issuer URL, the code exchange and the id_token's validation are the library's.
 */
@Injectable()
export class OidcSignIn {
  private readonly logger = new Logger('OidcSignIn');
  private readonly issuer?: string;
  private readonly clientId?: string;
  private readonly claims: ClaimNames;
  private configuration?: Promise<oidc.Configuration>;

  constructor(private readonly config: AppConfig) {
    this.issuer = config.get('OIDC_ISSUER_URL');
    this.clientId = config.get('OIDC_CLIENT_ID');
    this.claims = oidcClaimNames(config);
  }

  /** An identity provider is configured for people (issuer and client): the sign-in page shows "Logg inn". */
  get enabled(): boolean {
    return Boolean(this.issuer && this.clientId);
  }

  get redirectUri(): string {
    return `${publicUrlOf(this.config)}/auth/callback`;
  }

  /** The provider's authorization URL for a new sign-in, and what the callback must check. */
  async start(returnTo: string): Promise<{ url: URL; pending: PendingSignIn }> {
    const configuration = await this.discovered();
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const pending: PendingSignIn = {
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      codeVerifier,
      returnTo,
    };
    const url = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: this.redirectUri,
      scope: this.config.get('OIDC_SCOPES'),
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state: pending.state,
      nonce: pending.nonce,
    });
    return { url, pending };
  }

  /** Exchanges the callback's code (checking state, nonce, PKCE and the id_token) and maps the claims. */
  async finish(query: string, pending: PendingSignIn): Promise<SignedIn> {
    const configuration = await this.discovered();
    const tokens = await oidc.authorizationCodeGrant(configuration, new URL(`${this.redirectUri}${query}`), {
      pkceCodeVerifier: pending.codeVerifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims() as Record<string, unknown> | undefined;
    if (!claims) throw new Error('no id_token');
    const principal = principalFromClaims(claims, this.claims);
    const name = [claims.name, claims.preferred_username, claims.email].find(
      (value): value is string => typeof value === 'string' && value !== '',
    );
    return { principal, name: name ?? principal.subject, idToken: tokens.id_token };
  }

  /** Where the browser goes to end the session at the provider too; null without a provider or its support. */
  async endSessionUrl(idToken: string | null): Promise<string | null> {
    if (!this.enabled || !idToken) return null;
    const configuration = await this.discovered().catch(() => undefined);
    if (!configuration?.serverMetadata().end_session_endpoint) return null;
    return oidc
      .buildEndSessionUrl(configuration, {
        id_token_hint: idToken,
        post_logout_redirect_uri: `${publicUrlOf(this.config)}/`,
      })
      .toString();
  }

  private discovered(): Promise<oidc.Configuration> {
    if (!this.enabled) {
      throw new ApiError(HttpStatus.NOT_FOUND, 'not_found', 'No identity provider is configured');
    }
    this.configuration ??= this.discover().catch((error: unknown) => {
      this.configuration = undefined; // ask again next time
      this.logger.warn(
        { reason: error instanceof Error ? error.message : 'unknown' },
        'OIDC discovery failed',
      );
      throw new ApiError(
        HttpStatus.SERVICE_UNAVAILABLE,
        'identity_provider_unavailable',
        'The identity provider does not answer',
      );
    });
    return this.configuration;
  }

  private discover(): Promise<oidc.Configuration> {
    const issuer = new URL(this.issuer as string);
    const secret = this.config.get('OIDC_CLIENT_SECRET');
    return oidc.discovery(
      issuer,
      this.clientId as string,
      secret ? { client_secret: secret } : undefined,
      secret ? oidc.ClientSecretBasic(secret) : oidc.None(),
      {
        timeout: 5,
        // Plain HTTP only for a provider on this machine (the tests' and a developer's); never across a network.
        execute:
          issuer.protocol === 'http:' && LOOPBACK.has(issuer.hostname) ? [oidc.allowInsecureRequests] : [],
      },
    );
  }
}

/** The address people use; PUBLIC_URL, else this machine's port. */
export function publicUrlOf(config: AppConfig): string {
  return (config.get('PUBLIC_URL') ?? `http://127.0.0.1:${config.get('PORT')}`).replace(/\/$/, '');
}
