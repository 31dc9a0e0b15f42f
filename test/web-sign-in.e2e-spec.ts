import { randomBytes, randomUUID } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DEFAULT_INTERESTS } from '../src/municipalities/default-interests';
import { SESSION_COOKIE, SIGN_IN_COOKIE } from '../src/web-session/session-cookie';
import { serviceUserBody } from './service-user-factories';
import { startOidcProvider } from './support/oidc-provider-process';

const PUBLIC_URL = 'http://127.0.0.1:39999';

/**
 * The staff sign-in (TRUST 31): OpenID Connect Authorization Code flow with PKCE against a real OpenID provider
 * (`oidc-provider` in its own process), walked over HTTP as a browser would, from the login redirect through the
 * provider's login and consent forms to the session cookie, an API read as that person, and the logout at the
 * provider.
 */
describe('web sign-in with OpenID Connect', () => {
  let app: INestApplication;
  let provider: { issuer: string; stop: () => Promise<void> };
  const municipalityId = randomUUID();

  beforeAll(async () => {
    provider = await startOidcProvider(
      {
        client_id: 'stottekontakt-web',
        client_secret: 'a-client-secret-for-the-e2e-test-only',
        redirect_uris: [`${PUBLIC_URL}/auth/callback`],
        post_logout_redirect_uris: [`${PUBLIC_URL}/`],
      },
      {
        'kari@kommune.no': {
          name: 'Kari Saksbehandler',
          role: 'caseworker',
          municipality_id: municipalityId,
        },
        'no-role@kommune.no': { name: 'Uten Rolle', municipality_id: municipalityId },
      },
    );
    // The configuration is read when the app module loads, so it is set before the module is imported.
    Object.assign(process.env, {
      OIDC_ISSUER_URL: provider.issuer,
      OIDC_CLIENT_ID: 'stottekontakt-web',
      OIDC_CLIENT_SECRET: 'a-client-secret-for-the-e2e-test-only',
      PUBLIC_URL,
      LOCAL_SIGNER_ENABLED: 'false',
      // With the local signer off this is a production configuration, which must set the pepper.
      SIGNING_CODE_PEPPER: randomBytes(32).toString('base64url'),
    });
    const { createTestApp, dataSourceOf } = await import('./support/test-app');
    app = await createTestApp();
    await dataSourceOf(app).query(`INSERT INTO municipalities (id, name) VALUES ($1, $2)`, [
      municipalityId,
      `OIDC-kommune ${municipalityId.slice(0, 8)}`,
    ]);
    for (const interest of DEFAULT_INTERESTS) {
      await dataSourceOf(app).query(
        `INSERT INTO interests (municipality_id, code, label) VALUES ($1, $2, $3)`,
        [municipalityId, interest.code, interest.label],
      );
    }
  });
  afterAll(async () => {
    await app?.close();
    await provider?.stop();
    for (const key of [
      'OIDC_ISSUER_URL',
      'OIDC_CLIENT_ID',
      'OIDC_CLIENT_SECRET',
      'PUBLIC_URL',
      'SIGNING_CODE_PEPPER',
    ]) {
      delete process.env[key];
    }
    delete process.env.LOCAL_SIGNER_ENABLED;
  });

  const server = () => app.getHttpServer();
  const setCookies = (response: request.Response): string[] =>
    ([] as string[]).concat(response.headers['set-cookie'] ?? []);
  const cookieValue = (response: request.Response, name: string): string | undefined =>
    setCookies(response)
      .find((c) => c.startsWith(`${name}=`))
      ?.split(';')[0];

  /** The provider's cookies, kept across its pages as a browser would. */
  const providerCookies = new Map<string, string>();
  async function providerRequest(url: string, init: RequestInit = {}): Promise<Response> {
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: {
        ...(init.headers as Record<string, string>),
        cookie: [...providerCookies].map(([k, v]) => `${k}=${v}`).join('; '),
      },
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const [name, value] = [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)];
      if (value) providerCookies.set(name, value);
      else providerCookies.delete(name);
    }
    return response;
  }

  /**
   * Walks the provider from its authorization URL: follows its redirects and fills in its forms (login as
   * `account`, then consent) until it sends the browser back to our redirect URI, which is returned.
   */
  async function walkProvider(authorizationUrl: string, account: string): Promise<URL> {
    let next: { url: string; init?: RequestInit } = { url: authorizationUrl };
    for (let step = 0; step < 12; step++) {
      const response = await providerRequest(next.url, next.init);
      const location = response.headers.get('location');
      if (location) {
        const target = new URL(location, next.url);
        if (target.href.startsWith(`${PUBLIC_URL}/`)) return target;
        next = { url: target.href };
        continue;
      }
      const html = await response.text();
      expect(response.status).toBe(200);
      const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
      const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
      if (!action || !prompt) throw new Error(`no form on the provider's page: ${html.slice(0, 300)}`);
      const fields = new URLSearchParams({ prompt });
      if (prompt === 'login') {
        fields.set('login', account);
        fields.set('password', 'any');
      }
      next = {
        url: new URL(action, next.url).href,
        init: {
          method: 'POST',
          body: fields.toString(),
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        },
      };
    }
    throw new Error('the provider never sent the browser back');
  }

  /** The whole sign-in as `account`: our login redirect, the provider, our callback. */
  async function signIn(account: string, returnTo = '/forslag') {
    providerCookies.clear(); // a fresh browser: the provider asks who it is
    const login = await request(server()).get('/auth/login').query({ returnTo }).expect(302);
    const signInCookie = cookieValue(login, SIGN_IN_COOKIE);
    expect(signInCookie).toMatch(/^\S{16,}$/);
    const back = await walkProvider(login.headers.location, account);
    const callback = await request(server())
      .get(`${back.pathname}${back.search}`)
      .set('Cookie', signInCookie as string)
      .expect(302);
    return { login, back, callback, signInCookie: signInCookie as string };
  }

  it('sends the browser to the provider with PKCE S256, state and nonce', async () => {
    const login = await request(server()).get('/auth/login').expect(302);
    const url = new URL(login.headers.location);
    expect(`${url.origin}`).toBe(provider.issuer);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      response_type: 'code',
      client_id: 'stottekontakt-web',
      redirect_uri: `${PUBLIC_URL}/auth/callback`,
      code_challenge_method: 'S256',
      code_challenge: expect.stringMatching(/^[\w-]{43}$/),
      state: expect.any(String),
      nonce: expect.any(String),
      scope: 'openid profile',
    });
    const cookie = setCookies(login).find((c) => c.startsWith(`${SIGN_IN_COOKIE}=`)) as string;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/Secure/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it('signs a person in, reads and writes the API as them, and logs out at the provider too', async () => {
    const { callback } = await signIn('kari@kommune.no', '/tjenestemottakere?side=2');
    expect(callback.headers.location).toBe('/tjenestemottakere?side=2');
    const sessionCookie = setCookies(callback).find((c) => c.startsWith(`${SESSION_COOKIE}=`)) as string;
    expect(sessionCookie).toMatch(/; HttpOnly/i);
    expect(sessionCookie).toMatch(/; Secure/i);
    expect(sessionCookie).toMatch(/; SameSite=Lax/i);
    expect(sessionCookie).toMatch(/; Path=\//i);
    const cookie = sessionCookie.split(';')[0];

    const session = await request(server()).get('/auth/session').set('Cookie', cookie).expect(200);
    expect(session.body).toMatchObject({
      authenticated: true,
      user: {
        subject: 'kari@kommune.no',
        name: 'Kari Saksbehandler',
        role: 'caseworker',
        municipalityId,
        contactId: null,
      },
      signIn: { oidc: true, demoPersonas: [] },
    });
    const csrfToken: string = session.body.csrfToken;

    const municipality = await request(server()).get('/municipality').set('Cookie', cookie).expect(200);
    expect(municipality.body.id).toBe(municipalityId);
    const created = await request(server())
      .post('/service-users')
      .set('Cookie', cookie)
      .set('X-CSRF-Token', csrfToken)
      .send(serviceUserBody());
    expect([created.status, created.body]).toEqual([
      201,
      expect.objectContaining({ id: expect.any(String) }),
    ]);
    await request(server()).get(`/service-users/${created.body.id}`).set('Cookie', cookie).expect(200);
    const { dataSourceOf } = await import('./support/test-app');
    const logged = await dataSourceOf(app).query(
      `SELECT actor, role, outcome FROM access_log WHERE subject_id = $1 AND route = 'GET /service-users/:id'`,
      [created.body.id],
    );
    expect(logged).toEqual([{ actor: 'kari@kommune.no', role: 'caseworker', outcome: 'allowed' }]);

    const logout = await request(server())
      .post('/auth/logout')
      .set('Cookie', cookie)
      .set('X-CSRF-Token', csrfToken)
      .expect(200);
    const endSession = new URL(logout.body.endSessionUrl);
    expect(endSession.origin).toBe(provider.issuer);
    expect(endSession.searchParams.get('id_token_hint')).toEqual(expect.any(String));
    expect(endSession.searchParams.get('post_logout_redirect_uri')).toBe(`${PUBLIC_URL}/`);
    // The provider accepts it (an unknown id_token_hint or redirect would be an error page).
    const atProvider = await providerRequest(endSession.href);
    expect(atProvider.status).toBe(200);
    await request(server()).get('/municipality').set('Cookie', cookie).expect(401);
  });

  it('refuses a returnTo that leaves the app and sends the person to /', async () => {
    for (const returnTo of ['https://evil.example/', '//evil.example/forslag', '/\\evil.example']) {
      const { callback } = await signIn('kari@kommune.no', returnTo);
      expect(callback.headers.location).toBe('/');
    }
  });

  it('finishes a sign-in once, and only in the browser that started it', async () => {
    const { back, signInCookie } = await signIn('kari@kommune.no');
    const replay = await request(server())
      .get(`${back.pathname}${back.search}`)
      .set('Cookie', signInCookie)
      .expect(302);
    expect(replay.headers.location).toBe('/logg-inn?error=sign_in_expired');
    expect(cookieValue(replay, SESSION_COOKIE)).toBeUndefined();

    // A callback URL planted in another browser (no sign-in cookie of its own) signs nobody in.
    const login = await request(server()).get('/auth/login').expect(302);
    const planted = await walkProvider(login.headers.location, 'kari@kommune.no');
    const elsewhere = await request(server()).get(`${planted.pathname}${planted.search}`).expect(302);
    expect(elsewhere.headers.location).toBe('/logg-inn?error=sign_in_expired');
  });

  it('refuses a person whose claims carry no role of ours', async () => {
    const { callback } = await signIn('no-role@kommune.no');
    expect(callback.headers.location).toBe('/logg-inn?error=sign_in_failed');
    expect(cookieValue(callback, SESSION_COOKIE)).toBeUndefined();
  });

  it('offers no demo sign-in where the local signer is off', async () => {
    await request(server()).post('/auth/demo-login').send({ persona: 'coordinator' }).expect(404);
  });
});
