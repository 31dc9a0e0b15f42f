import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Principal } from '../common/auth/principal';
import { Clock } from '../common/clock';
import { ApiError, badRequest } from '../common/errors/api-error';
import { AppConfig } from '../config/app-config.service';
import { DEMO_PERSONAS, personaOf } from './demo-personas';
import { WebSessionResponse } from './dto/session.dto';
import { OidcSignIn } from './oidc-sign-in';
import {
  clearCookie,
  COOKIE_OPTIONS,
  CSRF_HEADER,
  cookieOf,
  SAFE_METHODS,
  SESSION_COOKIE,
  setCookie,
  SIGN_IN_COOKIE,
} from './session-cookie';
import { safeReturnTo, sameSecret } from './session-secrets';
import { NewSession, SessionStore, SIGN_IN_TTL_MS, WebSession } from './session-store';

const expired = (): ApiError =>
  new ApiError(HttpStatus.UNAUTHORIZED, 'unauthenticated', 'The session has expired; sign in again');

const principalOf = (session: WebSession): Principal =>
  Object.freeze({
    subject: session.subject,
    role: session.role,
    municipalityId: session.municipalityId,
    contactId: session.contactId,
  });

/** The web app's sign-in and session use cases: the browser holds a cookie, the server holds the session. */
@Injectable()
export class WebSessionService {
  private readonly logger = new Logger('WebSession');
  private readonly idleMs: number;

  constructor(
    private readonly store: SessionStore,
    private readonly oidc: OidcSignIn,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {
    this.idleMs = config.get('WEB_SESSION_IDLE_MINUTES') * 60_000;
  }

  /**
   * For the auth guard: the principal of the request's session cookie, or undefined when it has none. An
   * unknown or expired session is 401; a write without the session's CSRF token is 403 before anything runs.
   */
  async authenticate(request: FastifyRequest): Promise<Principal | undefined> {
    const id = cookieOf(request, SESSION_COOKIE);
    if (!id) return undefined;
    const now = this.clock.now();
    // A refused write changes nothing, not even the session's idle expiry.
    if (!SAFE_METHODS.has(request.method)) this.requireCsrf(request, await this.live(id, now));
    const session = await this.store.touch(id, now, this.idleMs);
    if (!session) throw expired();
    return principalOf(session);
  }

  /** GET /auth/session: who is signed in (the call counts as activity) and how one may sign in. */
  async describe(request: FastifyRequest): Promise<WebSessionResponse> {
    const id = cookieOf(request, SESSION_COOKIE);
    const session = id ? await this.store.touch(id, this.clock.now(), this.idleMs) : undefined;
    return this.responseFor(session);
  }

  async demoLogin(persona: unknown, reply: FastifyReply): Promise<WebSessionResponse> {
    if (!this.demoEnabled)
      throw new ApiError(HttpStatus.NOT_FOUND, 'not_found', 'Demo sign-in is not enabled');
    const chosen = personaOf(persona);
    if (!chosen) {
      throw badRequest('validation_failed', 'Unknown persona', [
        { field: 'persona', reason: `must be one of ${DEMO_PERSONAS.map((p) => p.key).join(', ')}` },
      ]);
    }
    return this.responseFor(await this.open({ ...chosen.principal, name: chosen.name }, reply));
  }

  /** GET /auth/login: remembers the sign-in against a short-lived cookie and returns the provider's URL. */
  async startSignIn(returnTo: unknown, reply: FastifyReply): Promise<string> {
    // A browser navigation: a failure goes back to the sign-in page with a code it can show in words.
    if (!this.oidc.enabled) return '/logg-inn?error=sign_in_unavailable';
    let started: Awaited<ReturnType<OidcSignIn['start']>>;
    try {
      started = await this.oidc.start(safeReturnTo(returnTo));
    } catch {
      return '/logg-inn?error=identity_provider_unavailable';
    }
    const id = await this.store.startSignIn(started.pending, this.clock.now());
    setCookie(reply, SIGN_IN_COOKIE, id, { ...COOKIE_OPTIONS, maxAge: SIGN_IN_TTL_MS / 1000 });
    return started.url.toString();
  }

  /**
   * GET /auth/callback: the provider sent the person back. Only the browser that started the sign-in (its
   * cookie) can finish it, once. Returns where to go: the returnTo, or the sign-in page with an error code.
   */
  async finishSignIn(request: FastifyRequest, reply: FastifyReply): Promise<string> {
    const signInId = cookieOf(request, SIGN_IN_COOKIE);
    clearCookie(reply, SIGN_IN_COOKIE);
    const pending = signInId ? await this.store.takeSignIn(signInId, this.clock.now()) : undefined;
    if (!pending) return '/logg-inn?error=sign_in_expired';
    const queryStart = request.url.indexOf('?');
    try {
      const signedIn = await this.oidc.finish(queryStart < 0 ? '' : request.url.slice(queryStart), pending);
      await this.open({ ...signedIn.principal, name: signedIn.name, idToken: signedIn.idToken }, reply);
      return pending.returnTo;
    } catch (error) {
      if (error instanceof ApiError && error.code === 'identity_provider_unavailable') {
        return '/logg-inn?error=identity_provider_unavailable';
      }
      // The reason goes to the log (with the request id), never the claims or the code.
      this.logger.warn({ reason: error instanceof Error ? error.message : 'unknown' }, 'sign-in refused');
      return '/logg-inn?error=sign_in_failed';
    }
  }

  /** POST /auth/logout: ends the session here and says where to end it at the provider. */
  async logout(request: FastifyRequest, reply: FastifyReply): Promise<string | null> {
    const id = cookieOf(request, SESSION_COOKIE);
    const live = id ? await this.store.find(id, this.clock.now()) : undefined;
    if (live) this.requireCsrf(request, live);
    const ended = id ? await this.store.delete(id) : undefined;
    clearCookie(reply, SESSION_COOKIE);
    return this.oidc.endSessionUrl(ended?.idToken ?? null);
  }

  private get demoEnabled(): boolean {
    return this.config.get('LOCAL_SIGNER_ENABLED');
  }

  private async open(session: NewSession, reply: FastifyReply): Promise<WebSession> {
    const created = await this.store.create(session, this.clock.now(), this.idleMs);
    setCookie(reply, SESSION_COOKIE, created.id);
    return created.session;
  }

  private async live(id: string, now: Date): Promise<WebSession> {
    const session = await this.store.find(id, now);
    if (!session) throw expired();
    return session;
  }

  private requireCsrf(request: FastifyRequest, session: WebSession): void {
    if (!sameSecret(request.headers[CSRF_HEADER], session.csrfToken)) {
      throw new ApiError(
        HttpStatus.FORBIDDEN,
        'csrf_token_invalid',
        `A request with the session cookie must carry the session's X-CSRF-Token`,
      );
    }
  }

  private responseFor(session: WebSession | undefined): WebSessionResponse {
    return {
      authenticated: Boolean(session),
      user: session
        ? {
            subject: session.subject,
            name: session.name,
            role: session.role,
            municipalityId: session.municipalityId,
            contactId: session.contactId,
          }
        : null,
      csrfToken: session?.csrfToken ?? null,
      idleExpiresAt: session?.idleExpiresAt.toISOString() ?? null,
      signIn: {
        oidc: this.oidc.enabled,
        demoPersonas: this.demoEnabled
          ? DEMO_PERSONAS.map(({ key, role, name, description }) => ({ key, role, name, description }))
          : [],
      },
    };
  }
}
