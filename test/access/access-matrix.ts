import { Role } from '../../src/common/auth/principal';
import { contactBody, daysAgo, daysAhead, today } from '../factories';
import { decisionBody, serviceUserBody } from '../service-user-factories';

/** The first day of this month (the default pay period) and the last 30 days, for reads that need a period. */
const thisMonth = () => `${today().slice(0, 7)}-01`;
const lastMonth = () => `from=${daysAgo(30)}&to=${today()}`;

/**
 * Who may call what, as data: every route of the OpenAPI document has a row here, and the access suite fails
 * when a route has none, so a new endpoint cannot ship without someone deciding who may use it.
 *
 * - allow: the role passes the access check and the call succeeds: 2xx, with the row's valid body (a write row
 *          that cannot be given a valid request names its one status and why in `clientError`); and the
 *          call writes exactly the access-log rows the row says (`logs` for writes, the users shown for reads)
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
  | 'missing'
  /** Not a path parameter: the fixture user's fødselsnummer, for a lookup's body. */
  | 'nationalId';

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
  /**
   * A valid body: an allowed write must answer 2xx, and the cross-tenant check must reach the record lookup
   * instead of failing validation.
   */
  body?: (ids: Ids) => Record<string, unknown>;
  crossTenant?: boolean;
  /**
   * Records of their own for each allowed call of a write, where the write uses its record up (ends, deletes,
   * decides it) or may happen once per record: merged over the shared fixtures for that call's path and body.
   */
  fresh?: (make: Make, role: Role) => Promise<Partial<Ids>>;
  /** Access-log rows one allowed write writes (rows about the users whose data its answer carries); default 0. */
  logs?: number;
  /**
   * A write the matrix cannot give a valid request: the one status an allowed call answers instead of 2xx, and
   * why. Every other write row proves its allowed roles with a 2xx.
   */
  clientError?: { status: number; why: string };
}

export type Ids = Record<Fixture, string>;

/** Builds fresh records for a write row (test/access/access-matrix.e2e-spec.ts implements it on the real app). */
export interface Make {
  /** The fixtures' municipality. */
  municipalityId: string;
  /** The fixture assignment of the contact whose token the contact role uses. */
  ownAssignmentId: string;
  /** A service user with a vedtak in force (individual unless told). */
  user(serviceForm?: 'individual' | 'group'): Promise<{ id: string; decisionId: string; nationalId: string }>;
  contact(): Promise<string>;
  /** A fresh user assigned to the fixture contact (the contact's token's own). */
  assignment(): Promise<{ id: string; serviceUserId: string }>;
  /** A forming group with `members` group-form users. */
  group(members?: number): Promise<string>;
  /** A session (and its timesheet) the fixture contact logged on a fresh assignment. */
  session(): Promise<{ id: string; timesheetId: string }>;
  /** An introduction of a fresh user to the fixture contact, awaiting its booking. */
  introduction(): Promise<string>;
  /** An open proposal of a fresh user for the fixture contact, in the fixture run. */
  proposal(): Promise<string>;
  /** A call as the role, for records that belong to the caller (absences, busy times). */
  post(
    role: Role,
    url: string,
    body: Record<string, unknown>,
    method?: 'post' | 'put',
  ): Promise<{ id: string }>;
  sql(query: string, parameters?: unknown[]): Promise<unknown[]>;
}

let sequence = 0;
/** A value unique within the run, for fields the database keeps unique. */
const unique = () => `${Date.now().toString(36)}${(sequence++).toString(36)}`;
const letters = (text: string) => text.replace(/\d/g, (d) => 'abcdefghij'[Number(d)]);

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
  'POST /interests': {
    roles: managers(),
    body: () => ({ code: `klatring_${letters(unique())}`, label: 'Klatring' }),
  },

  'GET /contacts': { roles: staff() },
  'POST /contacts': { roles: managers(), body: () => contactBody() },
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
    logs: 1,
  },
  'GET /contacts/{id}/close-relatives': { roles: staff('own'), params: { id: 'contact' }, crossTenant: true },
  'DELETE /contacts/{id}/close-relatives/{serviceUserId}': {
    roles: managers(),
    params: { id: 'contact', serviceUserId: 'serviceUser' },
    fresh: async (make) => {
      const user = await make.user();
      await make.post('coordinator', '/contacts/{contact}/close-relatives', { serviceUserId: user.id });
      return { serviceUser: user.id };
    },
  },
  'GET /contacts/me/users': { roles: contactOnly },
  'GET /contacts/me/introductions': { roles: contactOnly },
  'GET /contacts/me/absences': { roles: contactOnly },
  'POST /contacts/me/absences': {
    roles: contactOnly,
    body: () => ({ startsOn: '2099-07-01', endsOn: '2099-07-21' }),
  },
  'DELETE /contacts/me/absences/{id}': {
    roles: contactOnly,
    params: { id: 'missing' },
    fresh: async (make, role) => ({
      missing: (
        await make.post(role, '/contacts/me/absences', { startsOn: '2099-08-01', endsOn: '2099-08-02' })
      ).id,
    }),
  },
  'GET /contacts/{id}/absences': { roles: staff(), params: { id: 'contact' }, crossTenant: true },
  'GET /contacts/me/users/{id}': {
    roles: { coordinator: 'deny', caseworker: 'deny', admin: 'deny', contact: 'own' },
    params: { id: 'serviceUser' },
  },

  'GET /service-users': { roles: staff() },
  'POST /service-users': { roles: staff(), body: () => serviceUserBody(), logs: 1 },
  'POST /service-users/lookup': { roles: staff(), body: (ids) => ({ nationalId: ids.nationalId }), logs: 1 },
  'GET /service-users/{id}': { roles: staff(), params: { id: 'serviceUser' }, crossTenant: true },
  'PATCH /service-users/{id}': {
    roles: staff(),
    params: { id: 'serviceUser' },
    body: () => ({ phone: '+47 900 00 000' }),
    crossTenant: true,
    logs: 1,
  },
  'POST /service-users/{id}/national-id': {
    roles: staff(),
    params: { id: 'serviceUser' },
    crossTenant: true,
    logs: 1,
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
    fresh: async (make) => ({ serviceUser: (await make.user()).id }),
    body: () => decisionBody(),
  },
  'GET /decisions/{id}': { roles: staff(), params: { id: 'decision' }, crossTenant: true },
  // Deadlines (rule 10): staff only.
  'POST /applications': {
    roles: staff(),
    fresh: async (make) => ({ serviceUser: (await make.user()).id }),
    body: (ids) => ({ serviceUserId: ids.serviceUser, receivedOn: daysAgo(3) }),
    logs: 1,
  },
  'GET /applications/due-notices': { roles: staff() },
  'GET /applications/{id}': { roles: staff(), params: { id: 'application' }, crossTenant: true },
  'POST /applications/{id}/interim-notices': {
    roles: staff(),
    params: { id: 'application' },
    body: () => ({ sentOn: today(), reason: 'Saken må utredes mer', expectedDecisionBy: daysAhead(30) }),
    logs: 1,
  },
  'POST /applications/{id}/decision': {
    roles: staff(),
    params: { id: 'application' },
    fresh: async (make) => {
      const user = await make.user();
      const application = await make.post('coordinator', '/applications', {
        serviceUserId: user.id,
        receivedOn: daysAgo(20),
      });
      return { application: application.id, decision: user.decisionId };
    },
    body: (ids) => ({ decisionId: ids.decision }),
    logs: 1,
  },
  'PUT /decisions/{id}/delivery': {
    roles: staff(),
    params: { id: 'decision' },
    body: () => ({ sentOn: '2026-01-05' }),
    crossTenant: true,
    logs: 1,
  },
  'POST /decisions/{id}/complaints': {
    roles: staff(),
    params: { id: 'decision' },
    body: () => ({ receivedOn: '2026-01-20' }),
    crossTenant: true,
    logs: 1,
  },
  'POST /complaints/{id}/outcome': {
    roles: staff(),
    params: { id: 'missing' },
    fresh: async (make) => {
      const user = await make.user();
      await make.post(
        'coordinator',
        `/decisions/${user.decisionId}/delivery`,
        { sentOn: daysAgo(10) },
        'put',
      );
      const complaint = await make.post('coordinator', `/decisions/${user.decisionId}/complaints`, {
        receivedOn: daysAgo(5),
      });
      return { missing: complaint.id };
    },
    body: () => ({ outcome: 'upheld', decidedOn: today() }),
    logs: 1,
  },
  'GET /complaint-deadlines': { roles: staff() },

  'GET /assignments': { roles: staff('allow') },
  'POST /assignments': {
    roles: managers(),
    fresh: async (make) => ({ serviceUser: (await make.user()).id, contact: await make.contact() }),
    body: (ids) => ({
      startWithoutIntroductionReason: 'continues from before',
      contactId: ids.contact,
      serviceUserId: ids.serviceUser,
      startsOn: daysAgo(1),
    }),
  },
  'GET /assignments/{id}': { roles: staff('own'), params: { id: 'assignment' }, crossTenant: true },
  'POST /assignments/{id}/end': {
    roles: managers(),
    params: { id: 'assignment' },
    fresh: async (make) => ({ assignment: (await make.assignment()).id }),
    body: () => ({ endsOn: today(), reason: 'user_moved' }),
  },

  'GET /groups': { roles: staff() },
  'POST /groups': {
    roles: managers(),
    body: () => ({ name: `Kinogruppa ${unique()}`, interests: ['walks'], meetingTimes: [] }),
  },
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
    fresh: async (make) => ({ serviceUser: (await make.user('group')).id }),
    body: (ids) => ({ serviceUserId: ids.serviceUser }),
    crossTenant: true,
  },
  'DELETE /groups/{id}/members/{serviceUserId}': {
    roles: managers(),
    params: { id: 'group', serviceUserId: 'serviceUser' },
    fresh: async (make) => {
      const user = await make.user('group');
      const group = await make.group(0);
      await make.post('coordinator', `/groups/${group}/members`, { serviceUserId: user.id });
      return { group, serviceUser: user.id };
    },
  },
  'POST /groups/{id}/contacts': {
    roles: managers(),
    params: { id: 'group' },
    fresh: async (make) => ({ group: await make.group(0), contact: await make.contact() }),
    body: (ids) => ({ contactId: ids.contact, startsOn: today(), weeklyHours: 2 }),
  },
  'POST /groups/{id}/activate': {
    roles: managers(),
    params: { id: 'group' },
    crossTenant: true,
    clientError: {
      status: 409,
      why: 'activation needs a full group (3 members and a contact with its assignment); test/groups.e2e-spec.ts activates one',
    },
  },
  'POST /groups/{id}/close': {
    roles: managers(),
    params: { id: 'group' },
    fresh: async (make) => ({ group: await make.group(0) }),
  },

  'POST /matching-runs': {
    roles: managers(),
    // One manual run may wait at a time: the one before is finished, as the worker would.
    fresh: async (make) => {
      await make.sql(
        `UPDATE matching_runs SET status = 'completed', finished_at = now()
          WHERE municipality_id = $1 AND trigger = 'manual' AND status IN ('queued', 'running')`,
        [make.municipalityId],
      );
      return {};
    },
  },
  'GET /matching-runs': { roles: staff() },
  'GET /matching-runs/{id}': { roles: staff(), params: { id: 'matchingRun' }, crossTenant: true },
  'GET /matching-runs/{id}/recruitment': { roles: staff(), params: { id: 'matchingRun' }, crossTenant: true },
  'GET /proposals': { roles: staff() },
  'GET /proposals/{id}': { roles: staff(), params: { id: 'proposal' }, crossTenant: true },
  'GET /proposals/{id}/alternatives': { roles: staff(), params: { id: 'proposal' }, crossTenant: true },

  'POST /proposals/{id}/accept': {
    roles: managers(),
    params: { id: 'proposal' },
    crossTenant: true,
    fresh: async (make) => ({ proposal: await make.proposal() }),
  },
  'POST /proposals/{id}/decline': {
    roles: managers(),
    params: { id: 'proposal' },
    body: () => ({ reason: 'distance' }),
    crossTenant: true,
    fresh: async (make) => ({ proposal: await make.proposal() }),
    logs: 1,
  },
  // Group proposals: no fixture ({id} is of no record), so the checks prove the role gate and the 404
  // (test/group-formation.e2e-spec.ts covers the rest).
  'GET /group-proposals': { roles: staff() },
  'GET /group-proposals/{id}': { roles: staff(), params: { id: 'missing' } },
  'POST /group-proposals/{id}/accept': {
    roles: managers(),
    params: { id: 'missing' },
    clientError: {
      status: 404,
      why: 'no group proposal fixture (a group run); test/group-formation.e2e-spec.ts',
    },
  },
  'POST /group-proposals/{id}/decline': {
    roles: managers(),
    params: { id: 'missing' },
    body: () => ({ reason: 'The members live too far apart' }),
    clientError: {
      status: 404,
      why: 'no group proposal fixture (a group run); test/group-formation.e2e-spec.ts',
    },
  },
  'GET /introductions': { roles: staff() },
  'POST /introductions': {
    roles: managers(),
    fresh: async (make) => ({ serviceUser: (await make.user()).id, contact: await make.contact() }),
    body: (ids) => ({ serviceUserId: ids.serviceUser, contactId: ids.contact }),
  },
  'GET /introductions/{id}': { roles: staff(), params: { id: 'introduction' }, crossTenant: true },
  'GET /introductions/{id}/suggested-times': {
    roles: staff(),
    params: { id: 'introduction' },
    crossTenant: true,
  },
  'POST /introductions/{id}/booking': {
    roles: staff(),
    params: { id: 'introduction' },
    clientError: {
      status: 400,
      why: "a booking must fall in the municipality's meeting hours and everyone's free time; test/introductions.e2e-spec.ts books",
    },
  },
  'DELETE /introductions/{id}/booking': {
    roles: staff(),
    params: { id: 'introduction' },
    clientError: { status: 409, why: 'needs a booked introduction (see the booking row)' },
  },
  'POST /introductions/{id}/outcome': {
    roles: managers(),
    params: { id: 'introduction' },
    clientError: { status: 400, why: 'needs a booked meeting that has taken place (see the booking row)' },
  },
  'POST /introductions/{id}/decline': {
    roles: managers(),
    params: { id: 'introduction' },
    fresh: async (make) => ({ introduction: await make.introduction() }),
    body: () => ({ reason: 'distance' }),
  },
  'GET /caseworkers/me/busy-times': { roles: staff() },
  'POST /caseworkers/me/busy-times': {
    roles: staff(),
    body: () => ({ startsAt: '2099-01-05T10:00:00+01:00', endsAt: '2099-01-05T11:00:00+01:00' }),
  },
  'DELETE /caseworkers/me/busy-times/{id}': {
    roles: staff(),
    params: { id: 'missing' },
    fresh: async (make, role) => ({
      missing: (
        await make.post(role, '/caseworkers/me/busy-times', {
          startsAt: '2099-02-05T10:00:00+01:00',
          endsAt: '2099-02-05T11:00:00+01:00',
        })
      ).id,
    }),
  },
  'GET /waiting-list': { roles: staff() },
  'GET /service-users/{id}/case-history': {
    roles: staff(),
    params: { id: 'serviceUser' },
    crossTenant: true,
  },

  // Hours, timesheets and money: each contact's own session and timesheet are the fixtures.
  'POST /sessions': {
    roles: contactOnly,
    body: (ids) => ({
      assignmentId: ids.assignment,
      date: daysAgo(1),
      start: '14:00',
      end: '15:00',
      activity: 'Tur',
    }),
  },
  'GET /sessions': { roles: staff('allow') },
  'GET /sessions/{id}': { roles: staff('own'), params: { id: 'session' }, crossTenant: true },
  'DELETE /sessions/{id}': {
    roles: contactOnly,
    params: { id: 'session' },
    fresh: async (make) => ({ session: (await make.session()).id }),
  },
  'POST /sessions/{id}/corrections': {
    roles: contactOnly,
    params: { id: 'session' },
    clientError: {
      status: 400,
      why: 'a correction is for a session on an approved timesheet (see the approve row); test/timesheets.e2e-spec.ts',
    },
  },
  'GET /quotas': { roles: staff('allow'), query: (ids) => `assignmentId=${ids.assignment}` },
  'GET /quota-warnings': { roles: staff() },
  'POST /quota-overruns': {
    roles: managers(),
    fresh: async (make) => ({ decision: (await make.user()).decisionId }),
    body: (ids) => ({
      decisionId: ids.decision,
      kind: 'hours',
      date: today(),
      extra: 2,
      reason: 'Sommerleir',
    }),
  },
  'GET /quota-overruns': { roles: staff() },
  'GET /timesheets': { roles: staff('allow') },
  'GET /timesheets/{id}': { roles: staff('own'), params: { id: 'timesheet' }, crossTenant: true },
  'POST /timesheets/{id}/signing-request': {
    roles: contactOnly,
    params: { id: 'timesheet' },
    fresh: async (make) => ({ timesheet: (await make.session()).timesheetId }),
  },
  'POST /timesheets/{id}/signing-code': {
    roles: contactOnly,
    params: { id: 'timesheet' },
    fresh: async (make) => ({ timesheet: (await make.session()).timesheetId }),
  },
  'POST /timesheets/{id}/signing-code/confirm': {
    roles: contactOnly,
    params: { id: 'timesheet' },
    body: () => ({ code: '000000' }),
    clientError: {
      status: 409,
      why: "the code reaches only the user's phone or e-mail and is stored hashed; test/signing-code.e2e-spec.ts reads the mail",
    },
  },
  'POST /timesheets/{id}/approve': {
    roles: managers(),
    params: { id: 'timesheet' },
    crossTenant: true,
    clientError: {
      status: 409,
      why: "approval needs the user's signature by link; test/signing.e2e-spec.ts signs and approves",
    },
  },
  'GET /pay-settings': { roles: staff() },
  'PUT /pay-settings': { roles: adminOnly, body: () => ({ payPeriodStartDay: 1 }) },
  'GET /compensation/rates': { roles: staff() },
  'POST /compensation/rates': {
    roles: adminOnly,
    body: () => ({ validFrom: '2020-01-01', hourlyRateOre: 25_000, kmRateOre: 500 }),
  },
  // A støttekontakt's own plans ahead (their calendar feed shows them).
  'GET /planned-sessions': { roles: contactOnly },
  'POST /planned-sessions': {
    roles: contactOnly,
    body: (ids) => ({ assignmentId: ids.assignment, date: '2099-01-05', start: '10:00', end: '11:00' }),
  },
  'DELETE /planned-sessions/{id}': {
    roles: contactOnly,
    params: { id: 'missing' },
    fresh: async (make, role) => ({
      missing: (
        await make.post(role, '/planned-sessions', {
          assignmentId: make.ownAssignmentId,
          date: '2099-02-03',
          start: '12:00',
          end: '13:00',
        })
      ).id,
    }),
  },
  // Contacts choose a category when they log a session; coordinators and admins set them.
  'GET /compensation/expense-categories': { roles: staff('allow') },
  'POST /compensation/expense-categories': {
    roles: managers(),
    body: () => ({ name: `Matrise ${Math.random().toString(36).slice(2, 8)}`, rule: 'not_covered' }),
  },
  'PUT /compensation/expense-categories/{id}': {
    roles: managers(),
    params: { id: 'missing' },
    body: () => ({ name: `Matrise ${unique()}`, rule: 'not_covered' }),
    fresh: async (make, role) => ({
      missing: (
        await make.post(role, '/compensation/expense-categories', {
          name: `Ny ${unique()}`,
          rule: 'not_covered',
        })
      ).id,
    }),
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
    logs: 1,
  },
};
