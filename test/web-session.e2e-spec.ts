import { randomUUID } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { Role } from '../src/common/auth/principal';
import { TokenService } from '../src/common/auth/token.service';
import { DEMO_MUNICIPALITY_ID } from '../src/demo/demo-ids';
import { SESSION_COOKIE } from '../src/web-session/session-cookie';
import { SessionStore } from '../src/web-session/session-store';
import { serviceUserBody } from './service-user-factories';
import { fingerprinter } from './support/db-fingerprint';
import { as, createMunicipality, createTestApp, dataSourceOf, tokenFor } from './support/test-app';

/**
 * The web app's session (TRUST 31, 32): an HttpOnly, Secure, SameSite cookie that the API accepts like a bearer
 * token, a CSRF token on every cookie-authenticated write, an idle timeout, and the demo sign-in.
 */
describe('web session', () => {
  let app: INestApplication;
  let municipalityId: string;

  beforeAll(async () => {
    app = await createTestApp();
    municipalityId = (await createMunicipality(app)).id;
  });
  afterAll(() => app.close());

  const server = () => app.getHttpServer();
  const cookieHeader = (id: string) => `${SESSION_COOKIE}=${id}`;
  const sessionCookieOf = (response: request.Response): string => {
    const cookies = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
    const cookie = cookies.find((c) => c.startsWith(`${SESSION_COOKIE}=`));
    if (!cookie) throw new Error('no session cookie set');
    return cookie;
  };
  /** A session of our own municipality, made by the real store (the demo personas live in the demo municipality). */
  const sessionFor = async (
    role: Role,
    subject = `web-${role}-${Date.now()}`,
    contactId: string | null = null,
  ) => {
    const { id, session } = await app
      .get(SessionStore)
      .create({ subject, name: 'Test Person', role, municipalityId, contactId }, new Date(), 30 * 60_000);
    return { cookie: cookieHeader(id), csrfToken: session.csrfToken, subject, id };
  };

  it('tells an anonymous browser it is not signed in and which demo personas it may use', async () => {
    const response = await request(server()).get('/auth/session').expect(200);
    expect(response.body).toEqual({
      authenticated: false,
      user: null,
      csrfToken: null,
      idleExpiresAt: null,
      signIn: {
        oidc: false,
        demoPersonas: [
          expect.objectContaining({ key: 'coordinator', role: 'coordinator' }),
          expect.objectContaining({ key: 'caseworker', role: 'caseworker' }),
          expect.objectContaining({ key: 'admin', role: 'admin' }),
          expect.objectContaining({ key: 'contact', role: 'contact' }),
        ],
      },
    });
    for (const persona of response.body.signIn.demoPersonas) {
      expect(persona.name).toEqual(expect.any(String));
      expect(persona.description).toEqual(expect.any(String));
    }
  });

  it('signs in a demo persona with an HttpOnly, Secure, SameSite=Lax cookie that the API then accepts', async () => {
    const login = await request(server())
      .post('/auth/demo-login')
      .send({ persona: 'coordinator' })
      .expect(200);
    const cookie = sessionCookieOf(login);
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; Secure/i);
    expect(cookie).toMatch(/; SameSite=Lax/i);
    expect(cookie).toMatch(/; Path=\//i);
    expect(login.body).toMatchObject({
      authenticated: true,
      user: {
        subject: 'demo-coordinator',
        role: 'coordinator',
        municipalityId: DEMO_MUNICIPALITY_ID,
        contactId: null,
      },
      csrfToken: expect.stringMatching(/^[\w-]{43}$/),
    });
    // The cookie holds an opaque id, no token a script could use elsewhere.
    const value = cookie.split(';')[0];
    expect(value.split('=')[1]).not.toContain('.');

    const session = await request(server()).get('/auth/session').set('Cookie', value).expect(200);
    expect(session.body.user.subject).toBe('demo-coordinator');
    expect(session.body.csrfToken).toBe(login.body.csrfToken);
    expect(Date.parse(session.body.idleExpiresAt)).toBeGreaterThanOrEqual(
      Date.parse(login.body.idleExpiresAt),
    );

    // The same answer as a bearer token of the same person gets.
    const byCookie = await request(server()).get('/contacts').set('Cookie', value);
    const token = await app.get(TokenService).sign({
      subject: 'demo-coordinator',
      role: 'coordinator',
      municipalityId: DEMO_MUNICIPALITY_ID,
    });
    const byToken = await as(app, token).get('/contacts');
    expect(byCookie.status).not.toBe(401);
    expect([byCookie.status, byCookie.body.code]).toEqual([byToken.status, byToken.body.code]);
  });

  it('gives each persona its own subject; the contact persona is a støttekontakt of the demo roster', async () => {
    const subjects = new Set<string>();
    for (const persona of ['coordinator', 'caseworker', 'admin', 'contact']) {
      const login = await request(server()).post('/auth/demo-login').send({ persona }).expect(200);
      subjects.add(login.body.user.subject);
      if (persona === 'contact') expect(login.body.user.contactId).toEqual(expect.any(String));
    }
    expect(subjects.size).toBe(4);
  });

  it('sends a browser back to the sign-in page when no identity provider is configured', async () => {
    const login = await request(server()).get('/auth/login').query({ returnTo: '/forslag' }).expect(302);
    expect(login.headers.location).toBe('/logg-inn?error=sign_in_unavailable');
    expect(login.headers['set-cookie']).toBeUndefined();
  });

  it('refuses an unknown persona with 400 naming the field', async () => {
    const response = await request(server()).post('/auth/demo-login').send({ persona: 'root' }).expect(400);
    expect(response.body.details).toEqual([expect.objectContaining({ field: 'persona' })]);
    expect(response.headers['set-cookie']).toBeUndefined();
  });

  it('applies the same role rules to a session as to a token', async () => {
    const { cookie } = await sessionFor('contact', 'web-contact', randomUUID());
    const refused = await request(server()).get('/service-users').set('Cookie', cookie).expect(403);
    expect(refused.body.code).toBe('forbidden');
  });

  it('refuses a write without the CSRF token (403) and changes nothing, not even the session', async () => {
    const { cookie, csrfToken } = await sessionFor('caseworker');
    const dataSource = dataSourceOf(app);
    const fingerprint = await fingerprinter(dataSource, [municipalityId]);
    const before = await fingerprint();
    for (const token of [undefined, '', `${csrfToken}x`, csrfToken.slice(0, -1)]) {
      const attempt = request(server()).post('/service-users').set('Cookie', cookie).send(serviceUserBody());
      if (token !== undefined) attempt.set('X-CSRF-Token', token);
      const response = await attempt.expect(403);
      expect(response.body.code).toBe('csrf_token_invalid');
    }
    // Another session's token does not fit either.
    const other = await sessionFor('caseworker');
    await request(server())
      .post('/service-users')
      .set('Cookie', cookie)
      .set('X-CSRF-Token', other.csrfToken)
      .send(serviceUserBody())
      .expect(403);
    const after = await fingerprint();
    expect(after.filter((t) => t.table !== 'web_sessions')).toEqual(
      before.filter((t) => t.table !== 'web_sessions'),
    );
    expect(after.find((t) => t.table === 'web_sessions')?.rows).toBe(
      (before.find((t) => t.table === 'web_sessions')?.rows ?? 0) + 1,
    );

    await request(server())
      .post('/service-users')
      .set('Cookie', cookie)
      .set('X-CSRF-Token', csrfToken)
      .send(serviceUserBody())
      .expect(201);
  });

  it('writes the session’s subject as the actor of a logged read', async () => {
    const caseworker = as(app, await tokenFor(app, 'caseworker', municipalityId));
    const user = (await caseworker.post('/service-users').send(serviceUserBody()).expect(201)).body;
    const { cookie, subject } = await sessionFor('coordinator');
    await request(server()).get(`/service-users/${user.id}`).set('Cookie', cookie).expect(200);
    const rows = await dataSourceOf(app).query(
      `SELECT actor, role, outcome, route FROM access_log WHERE subject_id = $1 AND actor = $2`,
      [user.id, subject],
    );
    expect(rows).toEqual([
      { actor: subject, role: 'coordinator', outcome: 'allowed', route: 'GET /service-users/:id' },
    ]);
  });

  it('ends an idle session: 401 unauthenticated, and /auth/session says signed out', async () => {
    const { cookie, id } = await sessionFor('coordinator');
    await request(server()).get('/contacts').set('Cookie', cookie).expect(200);
    await dataSourceOf(app).query(
      `UPDATE web_sessions SET idle_expires_at = now() - interval '1 second'
        WHERE id_hash = sha256(convert_to($1, 'UTF8'))`,
      [id],
    );
    const refused = await request(server()).get('/contacts').set('Cookie', cookie).expect(401);
    expect(refused.body.code).toBe('unauthenticated');
    const session = await request(server()).get('/auth/session').set('Cookie', cookie).expect(200);
    expect(session.body).toMatchObject({ authenticated: false, user: null, csrfToken: null });
  });

  it('refuses an unknown session id with 401', async () => {
    const refused = await request(server())
      .get('/contacts')
      .set('Cookie', cookieHeader('x'.repeat(43)));
    expect(refused.status).toBe(401);
    expect(refused.body.code).toBe('unauthenticated');
  });

  it('logs out: needs the CSRF token, deletes the session and clears the cookie', async () => {
    const { cookie, csrfToken } = await sessionFor('coordinator');
    await request(server()).post('/auth/logout').set('Cookie', cookie).expect(403);
    const out = await request(server())
      .post('/auth/logout')
      .set('Cookie', cookie)
      .set('X-CSRF-Token', csrfToken)
      .expect(200);
    expect(out.body).toEqual({ endSessionUrl: null });
    expect(sessionCookieOf(out)).toMatch(/^sk_session=;.*Expires=Thu, 01 Jan 1970/i);
    await request(server()).get('/contacts').set('Cookie', cookie).expect(401);
  });

  it('keeps bearer tokens working beside a stale cookie (the token wins)', async () => {
    const token = await tokenFor(app, 'coordinator', municipalityId);
    await request(server())
      .get('/contacts')
      .set('Authorization', `Bearer ${token}`)
      .set('Cookie', cookieHeader('stale'))
      .expect(200);
  });
});
