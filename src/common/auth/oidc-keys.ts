import { createRemoteJWKSet, JWTVerifyGetKey } from 'jose';

/**
 * The signing keys of an OpenID Connect issuer, found through its discovery document and cached by jose
 * (refetched when a token names an unknown key id).
 */
export class OidcKeys {
  private keys?: Promise<JWTVerifyGetKey>;

  constructor(private readonly issuer: string) {}

  get(): Promise<JWTVerifyGetKey> {
    this.keys ??= this.discover().catch((error: unknown) => {
      this.keys = undefined; // try discovery again on the next token
      throw error;
    });
    return this.keys;
  }

  private async discover(): Promise<JWTVerifyGetKey> {
    const url = `${this.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
    const response = await fetch(url, { signal: AbortSignal.timeout(3000) });
    if (!response.ok) throw new Error(`OIDC discovery answered ${response.status}`);
    const document = (await response.json()) as { issuer?: string; jwks_uri?: string };
    if (!document.jwks_uri) throw new Error('OIDC discovery has no jwks_uri');
    return createRemoteJWKSet(new URL(document.jwks_uri), {
      timeoutDuration: 3000,
      cooldownDuration: 30_000,
    });
  }
}
