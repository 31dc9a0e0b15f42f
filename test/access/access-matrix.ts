import { Role } from '../../src/common/auth/principal';

/**
 * Who may call what, as data: every route of the OpenAPI document has a row here, and the access suite fails
 * when a route has none, so a new endpoint cannot ship without someone deciding who may use it.
 *
 * - allow: the role passes the access check (the answer is whatever the request deserves, never 401/403/5xx)
 * - deny:  403 for this role
 * - own:   a støttekontakt on their own record passes; on anyone else's it gets 404, as for a missing id
 * Records of another municipality answer 404 to staff (`crossTenant`), checked with the row's `body` for writes.
 */
export type Access = 'allow' | 'deny' | 'own';

/** The fixture records a path parameter can point at. */
export type Fixture =
  'contact' | 'serviceUser' | 'decision' | 'group' | 'assignment' | 'matchingRun' | 'proposal';

export interface RouteRule {
  public?: true;
  roles?: Record<Role, Access>;
  /** Path parameter → the fixture it names. */
  params?: Record<string, Fixture>;
  /** A valid body, so the cross-tenant check reaches the record lookup instead of failing validation. */
  body?: (ids: Record<Fixture, string>) => Record<string, unknown>;
  crossTenant?: boolean;
}

const staff = (contact: Access = 'deny'): Record<Role, Access> => ({
  coordinator: 'allow',
  caseworker: 'allow',
  admin: 'allow',
  contact,
});
const managers = (caseworker: Access = 'deny'): Record<Role, Access> => ({
  coordinator: 'allow',
  caseworker,
  admin: 'allow',
  contact: 'deny',
});
const contactOnly: Record<Role, Access> = {
  coordinator: 'deny',
  caseworker: 'deny',
  admin: 'deny',
  contact: 'allow',
};
const adminOnly: Record<Role, Access> = {
  coordinator: 'deny',
  caseworker: 'deny',
  admin: 'allow',
  contact: 'deny',
};

export const ACCESS_MATRIX: Record<string, RouteRule> = {
  'GET /health': { public: true },
  'GET /municipality': { roles: staff() },
  'PATCH /municipality/settings': { roles: adminOnly },
  'GET /interests': { roles: staff('allow') },
  'POST /interests': { roles: managers() },

  'GET /contacts': { roles: staff() },
  'POST /contacts': { roles: managers() },
  'GET /contacts/me': { roles: contactOnly },
  'PATCH /contacts/me': { roles: contactOnly },
  'GET /contacts/{id}': { roles: staff('own'), params: { id: 'contact' }, crossTenant: true },
  'PATCH /contacts/{id}': {
    roles: managers(),
    params: { id: 'contact' },
    body: () => ({ maxUsers: 2 }),
    crossTenant: true,
  },
  'GET /contacts/me/users': { roles: contactOnly },
  'GET /contacts/me/users/{id}': {
    roles: { coordinator: 'deny', caseworker: 'deny', admin: 'deny', contact: 'own' },
    params: { id: 'serviceUser' },
  },

  'GET /service-users': { roles: staff() },
  'POST /service-users': { roles: staff() },
  'POST /service-users/lookup': { roles: staff() },
  'GET /service-users/{id}': { roles: staff(), params: { id: 'serviceUser' }, crossTenant: true },
  'PATCH /service-users/{id}': {
    roles: staff(),
    params: { id: 'serviceUser' },
    body: () => ({ phone: '+47 900 00 000' }),
    crossTenant: true,
  },
  'GET /service-users/{id}/access-log': {
    roles: managers(),
    params: { id: 'serviceUser' },
    crossTenant: true,
  },
  'GET /service-users/{serviceUserId}/decisions': {
    roles: staff(),
    params: { serviceUserId: 'serviceUser' },
    crossTenant: true,
  },
  'POST /service-users/{serviceUserId}/decisions': {
    roles: staff(),
    params: { serviceUserId: 'serviceUser' },
  },
  'GET /decisions/{id}': { roles: staff(), params: { id: 'decision' }, crossTenant: true },

  'GET /assignments': { roles: staff('allow') },
  'POST /assignments': { roles: managers() },
  'GET /assignments/{id}': { roles: staff('own'), params: { id: 'assignment' }, crossTenant: true },
  'POST /assignments/{id}/end': { roles: managers(), params: { id: 'assignment' } },

  'GET /groups': { roles: staff() },
  'POST /groups': { roles: managers() },
  'GET /groups/{id}': { roles: staff(), params: { id: 'group' }, crossTenant: true },
  'PATCH /groups/{id}': {
    roles: managers(),
    params: { id: 'group' },
    body: () => ({ name: 'Nytt navn' }),
    crossTenant: true,
  },
  'POST /groups/{id}/members': {
    roles: managers(),
    params: { id: 'group' },
    body: (ids) => ({ serviceUserId: ids.serviceUser }),
    crossTenant: true,
  },
  'DELETE /groups/{id}/members/{serviceUserId}': {
    roles: managers(),
    params: { id: 'group', serviceUserId: 'serviceUser' },
  },
  'POST /groups/{id}/contacts': { roles: managers(), params: { id: 'group' } },
  'POST /groups/{id}/activate': { roles: managers(), params: { id: 'group' }, crossTenant: true },
  'POST /groups/{id}/close': { roles: managers(), params: { id: 'group' } },

  'POST /matching-runs': { roles: managers() },
  'GET /matching-runs': { roles: staff() },
  'GET /matching-runs/{id}': { roles: staff(), params: { id: 'matchingRun' }, crossTenant: true },
  'GET /proposals': { roles: staff() },
  'GET /proposals/{id}': { roles: staff(), params: { id: 'proposal' }, crossTenant: true },
};
