/**
 * Facts the access decorators (`@Public()`, `@Roles()`, `@Unthrottled()`) write on an operation of the OpenAPI
 * document, from the same call that sets the guard's metadata. `describeResponses` reads them to list the errors
 * and the security each operation really has; `x-roles` stays in the document for integrators to read.
 */
export const ROUTE_PUBLIC = 'x-public';
export const ROUTE_ROLES = 'x-roles';
export const ROUTE_UNTHROTTLED = 'x-unthrottled';
/** A route's own, tighter rate limit (`@RateLimit()`): `{ limit, windowSeconds }`, kept for integrators to read. */
export const ROUTE_RATE_LIMIT = 'x-rate-limit';
