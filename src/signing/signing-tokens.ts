import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { hashToken, newSecretToken } from '../common/secret-token';
import { AppConfig } from '../config/app-config.service';
import { hashCode, newCode } from './one-time-code';

export { hashToken, isTokenShaped } from '../common/secret-token';

/**
 * The signing link's token: made when the e-mail is sent (so it exists only there), stored as its SHA-256
 * hash. Issuing again replaces the hash, so only the newest link of a request works.
 */
@Injectable()
export class SigningTokens {
  constructor(private readonly config: AppConfig) {}

  /** A new token for a pending, unexpired request; null when there is nothing to sign any more. */
  async issue(em: EntityManager, signingRequestId: string): Promise<string | null> {
    const token = newSecretToken();
    // TypeORM answers an UPDATE … RETURNING with [rows, affected count].
    const [, affected] = await em.query<[{ id: string }[], number]>(
      `UPDATE signing_requests SET token_hash = $2
        WHERE id = $1 AND status = 'pending' AND expires_at > now() RETURNING id`,
      [signingRequestId, hashToken(token)],
    );
    return affected === 1 ? token : null;
  }

  /**
   * A new one-time code for the request's code number `codeSeq`, while the request is pending and that code has
   * not expired; null otherwise (voided, signed, expired, or a newer code asked for since).
   */
  async issueCode(em: EntityManager, signingRequestId: string, codeSeq: number): Promise<string | null> {
    const code = newCode();
    const [, affected] = await em.query<[{ id: string }[], number]>(
      `UPDATE signing_requests SET code_hash = $3
        WHERE id = $1 AND code_seq = $2 AND status = 'pending' AND code_expires_at > now() RETURNING id`,
      [signingRequestId, codeSeq, hashCode(this.config.get('SIGNING_CODE_PEPPER')!, signingRequestId, code)],
    );
    return affected === 1 ? code : null;
  }
}
