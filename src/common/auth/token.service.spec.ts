import { randomBytes } from 'node:crypto';
import * as jose from 'jose';
import { AppConfig } from '../../config/app-config.service';
import { validateEnvironment } from '../../config/environment';
import { InvalidTokenError, TokenService } from './token.service';

const MUNICIPALITY = '7f0c1b8e-4a63-4c5e-9d1a-2b3c4d5e6f70';

function tokenService(): TokenService {
  const environment = validateEnvironment({
    LOCAL_SIGNER_ENABLED: 'true',
    JWT_SECRET: randomBytes(32).toString('hex'),
  });
  return new TokenService({
    get: (key: keyof typeof environment) => environment[key],
  } as unknown as AppConfig);
}

describe('TokenService', () => {
  afterEach(() => jest.restoreAllMocks());

  it('verifies a token once and answers the same token from memory afterwards', async () => {
    const tokens = tokenService();
    const token = await tokens.sign({ subject: 'anne', role: 'coordinator', municipalityId: MUNICIPALITY });
    const verify = jest.spyOn(jose, 'jwtVerify');

    const first = await tokens.verify(token);
    const second = await tokens.verify(token);

    expect(first).toEqual({
      subject: 'anne',
      role: 'coordinator',
      municipalityId: MUNICIPALITY,
      contactId: null,
    });
    expect(second).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(verify).toHaveBeenCalledTimes(1);
  });

  it('never serves a token that differs by one character from a remembered one', async () => {
    const tokens = tokenService();
    const token = await tokens.sign({ subject: 'anne', role: 'coordinator', municipalityId: MUNICIPALITY });
    await tokens.verify(token);
    // A character inside the signature (the last one may only carry padding bits).
    const at = token.length - 10;
    const altered = token.slice(0, at) + (token[at] === 'A' ? 'B' : 'A') + token.slice(at + 1);

    await expect(tokens.verify(altered)).rejects.toBeInstanceOf(InvalidTokenError);
  });

  it('does not remember refusals: a bad token is checked again each time', async () => {
    const tokens = tokenService();
    const verify = jest.spyOn(jose, 'jwtVerify');
    const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{}').toString('base64url')}.`;

    await expect(tokens.verify(unsigned)).rejects.toBeInstanceOf(InvalidTokenError);
    await expect(tokens.verify(unsigned)).rejects.toBeInstanceOf(InvalidTokenError);
    expect(verify).toHaveBeenCalledTimes(2);
  });

  it('stops accepting a remembered token once it has expired', async () => {
    const tokens = tokenService();
    const token = await tokens.sign({
      subject: 'anne',
      role: 'coordinator',
      municipalityId: MUNICIPALITY,
      expiresIn: '1s',
    });
    await tokens.verify(token);
    const { exp } = jose.decodeJwt(token);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, exp! * 1000 - Date.now()) + 50));

    await expect(tokens.verify(token)).rejects.toThrow('token expired');
  });

  describe('a maximum age, whatever exp says', () => {
    const secret = randomBytes(32).toString('hex');
    const environment = validateEnvironment({ LOCAL_SIGNER_ENABLED: 'true', JWT_SECRET: secret });
    const tokens = new TokenService({
      get: (key: keyof typeof environment) => environment[key],
    } as unknown as AppConfig);
    const now = Math.floor(Date.now() / 1000);
    const signed = (claims: { iat?: number; exp: number }) => {
      const jwt = new jose.SignJWT({ role: 'admin', municipality_id: MUNICIPALITY })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('anne')
        .setIssuer(environment.JWT_ISSUER)
        .setAudience(environment.JWT_AUDIENCE)
        .setExpirationTime(claims.exp);
      if (claims.iat !== undefined) jwt.setIssuedAt(claims.iat);
      return jwt.sign(new TextEncoder().encode(secret));
    };

    it('refuses a token issued longer ago than TOKEN_MAX_AGE_MINUTES, though it expires in a month', async () => {
      const month = now + 30 * 24 * 3600;
      const old = await signed({ iat: now - (environment.TOKEN_MAX_AGE_MINUTES + 1) * 60, exp: month });
      await expect(tokens.verify(old)).rejects.toThrow('token older than TOKEN_MAX_AGE_MINUTES');
      const recent = await signed({ iat: now - 60, exp: month });
      await expect(tokens.verify(recent)).resolves.toMatchObject({ subject: 'anne', role: 'admin' });
    });

    it('refuses a token without iat, whose age cannot be known', async () => {
      await expect(tokens.verify(await signed({ exp: now + 3600 }))).rejects.toThrow('claim iat invalid');
    });
  });
});
