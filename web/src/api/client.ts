import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';

export type Schemas = components['schemas'];

/** The one error shape of the API (`{ status, code, message, details, requestId }`). */
export interface ApiErrorBody {
  status: number;
  code: string;
  message: string;
  details?: { field: string; reason: string }[];
  requestId?: string;
  /** Facts a client may act on, e.g. `runId` of the run already on its way. */
  context?: Record<string, unknown>;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly details: { field: string; reason: string }[] = [],
    readonly requestId?: string,
    readonly context: Record<string, unknown> = {},
  ) {
    super(`${status} ${code}`);
    this.name = 'ApiError';
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
let csrfToken: string | null = null;
let onUnauthenticated: () => void = () => undefined;

/** The session's CSRF token, sent on every write (the cookie alone does not authorise a change). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** What happens when the API answers 401 (the session expired): the app sends the person to /logg-inn. */
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

export const sessionMiddleware: Middleware = {
  onRequest({ request }) {
    if (!SAFE_METHODS.has(request.method.toUpperCase()) && csrfToken) {
      request.headers.set('X-CSRF-Token', csrfToken);
    }
    return request;
  },
  onResponse({ response, request }) {
    // /auth/session answers 200 to anyone; a 401 elsewhere means the session is gone.
    if (response.status === 401 && !new URL(request.url).pathname.startsWith('/auth/')) onUnauthenticated();
    return response;
  },
};

export const api = createClient<paths>({
  baseUrl: typeof window === 'undefined' ? 'http://localhost' : window.location.origin,
  credentials: 'same-origin',
});
api.use(sessionMiddleware);

/** Turns an openapi-fetch answer into its data, or throws an ApiError with the API's code. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.error !== undefined || !result.response.ok) {
    const body = (result.error ?? {}) as Partial<ApiErrorBody>;
    throw new ApiError(
      result.response.status,
      typeof body.code === 'string' ? body.code : 'unknown',
      Array.isArray(body.details) ? body.details : [],
      body.requestId,
      body.context && typeof body.context === 'object' ? body.context : {},
    );
  }
  return result.data as T;
}
