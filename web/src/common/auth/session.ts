import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, setCsrfToken } from '../../api/client';

/** GET /auth/session, as agreed with the server (docs: WEB_SESSION_CONTRACT). */
export interface SessionUser {
  subject: string;
  name: string;
  role: 'coordinator' | 'caseworker' | 'admin' | 'contact';
  municipalityId: string;
  contactId: string | null;
}
export interface DemoPersona {
  key: string;
  role: string;
  name: string;
  description: string;
}
export interface Session {
  authenticated: boolean;
  user: SessionUser | null;
  csrfToken: string | null;
  idleExpiresAt: string | null;
  signIn: { oidc: boolean; demoPersonas: DemoPersona[] };
}

export const sessionKey = ['auth', 'session'] as const;

async function sessionRequest(path: string, init?: RequestInit): Promise<Session> {
  const response = await fetch(path, {
    credentials: 'same-origin',
    headers: { Accept: 'application/json', ...(init?.body ? { 'Content-Type': 'application/json' } : {}) },
    ...init,
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { code?: string };
    throw new ApiError(response.status, body.code ?? 'unknown');
  }
  const session = (await response.json()) as Session;
  setCsrfToken(session.csrfToken);
  return session;
}

export function fetchSession(): Promise<Session> {
  return sessionRequest('/auth/session');
}

export function demoLogin(persona: string): Promise<Session> {
  return sessionRequest('/auth/demo-login', { method: 'POST', body: JSON.stringify({ persona }) });
}

export async function logout(csrfToken: string | null): Promise<string | null> {
  const response = await fetch('/auth/logout', {
    method: 'POST',
    credentials: 'same-origin',
    headers: csrfToken ? { 'X-CSRF-Token': csrfToken } : {},
  });
  setCsrfToken(null);
  if (!response.ok) return null;
  const body = (await response.json()) as { endSessionUrl: string | null };
  return body.endSessionUrl;
}

/** `returnTo` for /auth/login: only a relative path of this app. */
export function safeReturnTo(value: string | null | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  return value;
}

export function useSession() {
  return useQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: 60_000, retry: 1 });
}

export function useSetSession() {
  const queryClient = useQueryClient();
  return (session: Session) => queryClient.setQueryData(sessionKey, session);
}
