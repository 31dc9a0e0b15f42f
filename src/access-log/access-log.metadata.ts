/** What @AccessLogged stores on a route, read by the interceptor. */
export const ACCESS_LOGGED = 'access-log:spec';

export interface AccessLoggedSpec {
  /** What kind of record is read, e.g. 'service_user'. */
  subjectType: string;
  /** What the caller did, e.g. 'read', 'list', 'lookup'. */
  action: string;
  /** The subjects a successful response is about. */
  subjectsOf: (body: unknown, params: Record<string, string>) => (string | null)[];
  /** The subject of a refused request (404/403), from the route, when there is one. */
  deniedSubjectOf?: (params: Record<string, string>) => string | null;
}
