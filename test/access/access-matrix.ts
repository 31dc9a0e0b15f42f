import { Role } from '../../src/common/auth/principal';
import { daysAgo, today } from '../factories';

/** The first day of this month (the default pay period) and the last 30 days, for reads that need a period. */
const thisMonth = () => `${today().slice(0, 7)}-01`;
const lastMonth = () => `from=${daysAgo(30)}&to=${today()}`;

/**
 * Who may call what, as data: every route of the OpenAPI document has a row here, and the access suite fails
 * when a route has none, so a new endpoint cannot ship without someone deciding who may use it.
 *
 * - allow: the role passes the access check: a read answers 2xx; a write whatever the request deserves, never
 *          401/403/5xx
 * - deny:  403 for this role
 * - own:   a støttekontakt on their own record passes; on anyone else's it gets 404, as for a missing id
 * Records of another municipality answer 404 to staff (`crossTenant`), checked with the row's `body` for writes.
 */
export type Access = 'allow' | 'deny' | 'own';

/** The fixture records a path parameter can point at. */
export type Fixture =
  | 'contact'
  | 'serviceUser'
  | 'decision'
  | 'group'
  | 'assignment'
  | 'matchingRun'
  | 'proposal'
  | 'session'
  | 'timesheet'
  | 'introduction'
  | 'application'
  /** A well-formed id of no record: the row proves the role gate, and an allowed read answers 404. */
  | 'missing';

export interface RouteRule {
  public?: true;
  /**
   * A public route whose path carries a secret (a signing link's token): without a real one it answers this
   * status, never 401/403 or 5xx.
   */
  publicStatus?: number;
  roles?: Record<Role, Access>;
  /** Path parameter → the fixture it names. */
  params?: Record<string, Fixture>;
  /** The query a read needs to be valid (e.g. a date range), so that an allowed read answers 2xx. */
  query?: (ids: Record<Fixture, string>) => string;
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
  // The web app's sign-in (src/web-session): how one gets a session, so open to all.
  'GET /auth/session': { public: true },
  'GET /auth/login': { public: true },
  'GET /auth/callback': { public: true },
  'POST /auth/demo-login': { public: true, body: () => ({ persona: 'coordinator' }) },
  'POST /auth/logout': { public: true },
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
  'POST /contacts/{id}/close-relatives': {
    roles: staff('own'),
    params: { id: 'contact' },
    body: (ids) => ({ serviceUserId: ids.serviceUser }),
    crossTenant: true,
  },
  'GET /contacts/{id}/close-relatives': { roles: staff('own'), params: { id: 'contact' }, crossTenant: true },
  'DELETE /contacts/{id}/close-relatives/{serviceUserId}': {
    roles: managers(),
    params: { id: 'contact', serviceUserId: 'serviceUser' },
  },
  'GET /contacts/me/users': { roles: contactOnly },
  'GET /contacts/me/introductions': { roles: contactOnly },
  'GET /contacts/me/absences': { roles: contactOnly },
  'POST /contacts/me/absences': {
    roles: contactOnly,
    body: () => ({ startsOn: '2099-07-01', endsOn: '2099-07-21' }),
  },
  'DELETE /contacts/me/absences/{id}': { roles: contactOnly, params: { id: 'missing' } },
  'GET /contacts/{id}/absences': { roles: staff(), params: { id: 'contact' }, crossTenant: true },
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
  'POST /service-users/{id}/national-id': {
    roles: staff(),
    params: { id: 'serviceUser' },
    crossTenant: true,
  },
  'GET /service-users/{id}/access-log': {
    roles: managers(),
    params: { id: 'serviceUser' },
    crossTenant: true,
  },
  'GET /access-log/verification': { roles: adminOnly },
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
  // Deadlines (rule 10): staff only.
  'POST /applications': { roles: staff() },
  'GET /applications/due-notices': { roles: staff() },
  'GET /applications/{id}': { roles: staff(), params: { id: 'application' }, crossTenant: true },
  'POST /applications/{id}/interim-notices': { roles: staff(), params: { id: 'application' } },
  'POST /applications/{id}/decision': { roles: staff(), params: { id: 'application' } },
  'PUT /decisions/{id}/delivery': {
    roles: staff(),
    params: { id: 'decision' },
    body: () => ({ sentOn: '2026-01-05' }),
    crossTenant: true,
  },
  'POST /decisions/{id}/complaints': {
    roles: staff(),
    params: { id: 'decision' },
    body: () => ({ receivedOn: '2026-01-20' }),
    crossTenant: true,
  },
  'POST /complaints/{id}/outcome': { roles: staff(), params: { id: 'missing' } },
  'GET /complaint-deadlines': { roles: staff() },

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
  'GET /matching-runs/{id}/recruitment': { roles: staff(), params: { id: 'matchingRun' }, crossTenant: true },
  'GET /proposals': { roles: staff() },
  'GET /proposals/{id}': { roles: staff(), params: { id: 'proposal' }, crossTenant: true },
  'GET /proposals/{id}/alternatives': { roles: staff(), params: { id: 'proposal' }, crossTenant: true },

  'POST /proposals/{id}/accept': { roles: managers(), params: { id: 'proposal' }, crossTenant: true },
  'POST /proposals/{id}/decline': {
    roles: managers(),
    params: { id: 'proposal' },
    body: () => ({ reason: 'distance' }),
    crossTenant: true,
  },
  // Group proposals: no fixture ({id} is of no record), so the checks prove the role gate and the 404
  // (test/group-formation.e2e-spec.ts covers the rest).
  'GET /group-proposals': { roles: staff() },
  'GET /group-proposals/{id}': { roles: staff(), params: { id: 'missing' } },
  'POST /group-proposals/{id}/accept': { roles: managers(), params: { id: 'missing' } },
  'POST /group-proposals/{id}/decline': {
    roles: managers(),
    params: { id: 'missing' },
    body: () => ({ reason: 'The members live too far apart' }),
  },
  'GET /introductions': { roles: staff() },
  'POST /introductions': { roles: managers() },
  'GET /introductions/{id}': { roles: staff(), params: { id: 'introduction' }, crossTenant: true },
  'GET /introductions/{id}/suggested-times': {
    roles: staff(),
    params: { id: 'introduction' },
    crossTenant: true,
  },
  'POST /introductions/{id}/booking': { roles: staff(), params: { id: 'introduction' } },
  'DELETE /introductions/{id}/booking': { roles: staff(), params: { id: 'introduction' } },
  'POST /introductions/{id}/outcome': { roles: managers(), params: { id: 'introduction' } },
  'POST /introductions/{id}/decline': { roles: managers(), params: { id: 'introduction' } },
  'GET /caseworkers/me/busy-times': { roles: staff() },
  'POST /caseworkers/me/busy-times': { roles: staff() },
  'DELETE /caseworkers/me/busy-times/{id}': { roles: staff(), params: { id: 'missing' } },
  'GET /waiting-list': { roles: staff() },
  'GET /service-users/{id}/case-history': {
    roles: staff(),
    params: { id: 'serviceUser' },
    crossTenant: true,
  },

  // Hours, timesheets and money: each contact's own session and timesheet are the fixtures.
  'POST /sessions': { roles: contactOnly },
  'GET /sessions': { roles: staff('allow') },
  'GET /sessions/{id}': { roles: staff('own'), params: { id: 'session' }, crossTenant: true },
  'DELETE /sessions/{id}': { roles: contactOnly, params: { id: 'session' } },
  'POST /sessions/{id}/corrections': { roles: contactOnly, params: { id: 'session' } },
  'GET /quotas': { roles: staff('allow'), query: (ids) => `assignmentId=${ids.assignment}` },
  'GET /quota-warnings': { roles: staff() },
  'POST /quota-overruns': { roles: managers() },
  'GET /quota-overruns': { roles: staff() },
  'GET /timesheets': { roles: staff('allow') },
  'GET /timesheets/{id}': { roles: staff('own'), params: { id: 'timesheet' }, crossTenant: true },
  'POST /timesheets/{id}/signing-request': { roles: contactOnly, params: { id: 'timesheet' } },
  'POST /timesheets/{id}/signing-code': { roles: contactOnly, params: { id: 'timesheet' } },
  'POST /timesheets/{id}/signing-code/confirm': {
    roles: contactOnly,
    params: { id: 'timesheet' },
    body: () => ({ code: '000000' }),
  },
  'POST /timesheets/{id}/approve': { roles: managers(), params: { id: 'timesheet' }, crossTenant: true },
  'GET /pay-settings': { roles: staff() },
  'PUT /pay-settings': { roles: adminOnly },
  'GET /compensation/rates': { roles: staff() },
  'POST /compensation/rates': { roles: adminOnly },
  // A støttekontakt's own plans ahead (their calendar feed shows them).
  'GET /planned-sessions': { roles: contactOnly },
  'POST /planned-sessions': {
    roles: contactOnly,
    body: (ids) => ({ assignmentId: ids.assignment, date: '2099-01-05', start: '10:00', end: '11:00' }),
  },
  'DELETE /planned-sessions/{id}': { roles: contactOnly, params: { id: 'missing' } },
  // Contacts choose a category when they log a session; coordinators and admins set them.
  'GET /compensation/expense-categories': { roles: staff('allow') },
  'POST /compensation/expense-categories': {
    roles: managers(),
    body: () => ({ name: `Matrise ${Math.random().toString(36).slice(2, 8)}`, rule: 'not_covered' }),
  },
  'PUT /compensation/expense-categories/{id}': {
    roles: managers(),
    params: { id: 'missing' },
    body: () => ({ name: 'Matrise', rule: 'not_covered' }),
  },
  'GET /compensation/timesheets/{id}': {
    roles: staff('own'),
    params: { id: 'timesheet' },
    crossTenant: true,
  },
  'GET /compensation/payroll': { roles: managers(), query: () => `periodStart=${thisMonth()}` },
  'GET /compensation/invoices': { roles: managers(), query: () => `periodStart=${thisMonth()}` },
  'GET /lapses': { roles: staff() },
  'POST /lapses/scan': { roles: managers() },
  'GET /reports/hours': { roles: staff(), query: lastMonth },
  'GET /reports/waiting-times': { roles: staff(), query: lastMonth },
  'GET /reports/ended-assignments': { roles: staff(), query: lastMonth },
  'GET /reports/kpr': { roles: managers(), query: () => `year=${today().slice(0, 4)}` },

  // The user's signature and notifications (issue 16). The signing endpoints are public: the link is the key.
  'GET /signing/{token}': { public: true, publicStatus: 404, params: { token: 'missing' } },
  'POST /signing/{token}': {
    public: true,
    publicStatus: 404,
    params: { token: 'missing' },
    body: () => ({ decision: 'confirm' }),
  },
  'GET /notification-settings/me': { roles: staff('allow') },
  // Calendar feeds: each person's own; the feed itself is public, its address is the key.
  'GET /calendar-feeds/me': { roles: staff('allow') },
  'POST /calendar-feeds/me': { roles: staff('allow') },
  'DELETE /calendar-feeds/me': { roles: staff('allow') },
  'GET /calendar-feeds/feed/{token}': { public: true, publicStatus: 404, params: { token: 'missing' } },
  'PUT /notification-settings/me': { roles: staff('allow'), body: () => ({ notifyBy: 'none' }) },
  'PUT /service-users/{id}/notification-settings': {
    roles: staff(),
    params: { id: 'serviceUser' },
    body: () => ({ notifyBy: 'email' }),
    crossTenant: true,
  },
};
