import { randomUUID } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { Role, ROLES } from '../../src/common/auth/principal';
import { RecruitmentPlan } from '../../src/recruitment/recruitment-plan';
import { contactBody, daysAgo, today } from '../factories';
import { seedUserWithDecision } from '../support/seed-rows';
import { as, createMunicipality, createTestApp, dataSourceOf, tokenFor } from '../support/test-app';
import { Access, ACCESS_MATRIX, Ids, Make, RouteRule } from './access-matrix';

/** A finished run that left nobody waiting: its recruitment plan recommends no one. */
const EMPTY_RECRUITMENT_PLAN: RecruitmentPlan = {
  waiting: { unmatched: 0, withoutLocation: 0, byReason: {}, poorlyMatched: 0 },
  profiles: [],
  areas: [],
  forecast: {
    waitingNow: 0,
    matchableWithoutRecruiting: 0,
    servedByProfiles: 0,
    stillWaiting: 0,
    longestStillWaitingDays: null,
  },
  computation: { candidates: 0, evaluations: 0, milliseconds: 0 },
};

/** Runs the whole access matrix (route × role × relation to the record) against the real app. */
describe('access matrix', () => {
  let app: INestApplication;
  let routes: string[];
  let own: Ids;
  let other: Ids;
  let groupMember: string;
  let introducedUser: string;
  const tokens = {} as Record<Role | 'foreignCoordinator', string>;
  let checks = 0;
  let make: Make;
  let ownContactToken: string;

  beforeAll(async () => {
    app = await createTestApp();
    const db = dataSourceOf(app);
    const municipalityId = (await createMunicipality(app)).id;
    const foreign = await createMunicipality(app);
    const coordinator = as(app, await tokenFor(app, 'coordinator', municipalityId));

    const contactA = (
      await coordinator.post('/contacts').send(contactBody({ maxUsers: 5, maxWeeklyHours: 20 }))
    ).body.id;
    const contactB = (
      await coordinator.post('/contacts').send(contactBody({ maxUsers: 5, maxWeeklyHours: 20 }))
    ).body.id;
    const userA = await seedUserWithDecision(app, municipalityId);
    const userB = await seedUserWithDecision(app, municipalityId);
    const assignmentA = (
      await coordinator
        .post('/assignments')
        .send({
          startWithoutIntroductionReason: 'continues from before',
          contactId: contactA,
          serviceUserId: userA.id,
          startsOn: daysAgo(1),
        })
        .expect(201)
    ).body.id;
    const assignmentB = (
      await coordinator
        .post('/assignments')
        .send({
          startWithoutIntroductionReason: 'continues from before',
          contactId: contactB,
          serviceUserId: userB.id,
          startsOn: daysAgo(1),
        })
        .expect(201)
    ).body.id;
    const group = (
      await coordinator
        .post('/groups')
        .send({ name: 'Turgruppa', interests: ['walks'], meetingTimes: [] })
        .expect(201)
    ).body.id;
    // Data for the lists too (a group's member, a logged session), so that every read has users to show.
    groupMember = (await seedUserWithDecision(app, municipalityId, { serviceForm: 'group' })).id;
    await coordinator.post(`/groups/${group}/members`).send({ serviceUserId: groupMember }).expect(201);
    const sessionOf = async (contactId: string, assignmentId: string) =>
      (
        await as(app, await tokenFor(app, 'contact', municipalityId, contactId))
          .post('/sessions')
          .send({ assignmentId, date: daysAgo(1), start: '10:00', end: '12:00', activity: 'Kino' })
          .expect(201)
      ).body as { id: string; timesheetId: string };
    const sessionA = await sessionOf(contactA, assignmentA);
    const sessionB = await sessionOf(contactB, assignmentB);
    // An introduction on its way, for a user of its own (userA and userB have their contacts already).
    const userC = await seedUserWithDecision(app, municipalityId);
    introducedUser = userC.id;
    const introduction = (
      await coordinator
        .post('/introductions')
        .send({ serviceUserId: userC.id, contactId: contactA })
        .expect(201)
    ).body.id as string;
    const application = (
      await coordinator
        .post('/applications')
        .send({ serviceUserId: userC.id, receivedOn: daysAgo(5) })
        .expect(201)
    ).body.id as string;
    const [run] = await db.query(
      `INSERT INTO matching_runs (municipality_id, trigger, run_date, status, requested_by, recruitment)
       VALUES ($1, 'manual', $2, 'completed', 'test', $3) RETURNING id`,
      [municipalityId, today(), JSON.stringify(EMPTY_RECRUITMENT_PLAN)],
    );
    const [proposal] = await db.query(
      `INSERT INTO proposals (municipality_id, run_id, service_user_id, contact_id, score, components, reason)
       VALUES ($1, $2, $3, $4, 200, '{}', 'test') RETURNING id`,
      [municipalityId, run.id, userB.id, contactA],
    );
    own = {
      contact: contactA,
      serviceUser: userA.id,
      decision: userA.decisionId,
      group,
      assignment: assignmentA,
      matchingRun: run.id,
      proposal: proposal.id,
      session: sessionA.id,
      timesheet: sessionA.timesheetId,
      introduction,
      application,
      missing: randomUUID(),
      nationalId: userA.nationalId,
    };
    other = {
      ...own,
      contact: contactB,
      serviceUser: userB.id,
      decision: userB.decisionId,
      assignment: assignmentB,
      session: sessionB.id,
      timesheet: sessionB.timesheetId,
    };

    for (const role of ROLES)
      tokens[role] = await tokenFor(app, role, municipalityId, role === 'contact' ? contactA : undefined);
    tokens.foreignCoordinator = await tokenFor(app, 'coordinator', foreign.id);

    const created = async (
      role: Role,
      url: string,
      body: Record<string, unknown>,
      method: 'post' | 'put' = 'post',
    ) => {
      const response = await as(app, tokens[role])[method](url.replace('{contact}', contactA)).send(body);
      if (response.status >= 300) throw new Error(`${url}: ${response.status} ${response.text}`);
      return response.body as { id: string };
    };
    const assign = async (contactId: string, serviceUserId: string) =>
      (
        await created('coordinator', '/assignments', {
          startWithoutIntroductionReason: 'continues from before',
          contactId,
          serviceUserId,
          startsOn: daysAgo(1),
        })
      ).id;
    let sessionHour = 8;
    make = {
      municipalityId,
      ownAssignmentId: assignmentA,
      user: (serviceForm = 'individual') => seedUserWithDecision(app, municipalityId, { serviceForm }),
      contact: async () =>
        (await created('coordinator', '/contacts', contactBody({ maxUsers: 5, maxWeeklyHours: 20 }))).id,
      assignment: async () => {
        const user = await seedUserWithDecision(app, municipalityId);
        return { id: await assign(await make.contact(), user.id), serviceUserId: user.id };
      },
      group: async (members = 0) => {
        const group = (
          await created('coordinator', '/groups', {
            name: `Gruppe ${randomUUID().slice(0, 8)}`,
            interests: [],
            meetingTimes: [],
          })
        ).id;
        for (let i = 0; i < members; i++) {
          const user = await seedUserWithDecision(app, municipalityId, { serviceForm: 'group' });
          await created('coordinator', `/groups/${group}/members`, { serviceUserId: user.id });
        }
        return group;
      },
      session: async () => {
        // On a contact of its own, so the fixture contact's capacity and hours are not used up.
        const contactId = await make.contact();
        const user = await seedUserWithDecision(app, municipalityId);
        const assignmentId = await assign(contactId, user.id);
        // Someone to send the signing link or code to.
        await db.query(`UPDATE service_users SET email = 'access-matrix@example.test' WHERE id = $1`, [
          user.id,
        ]);
        const hour = String((sessionHour++ % 12) + 8).padStart(2, '0');
        const response = await as(app, await tokenFor(app, 'contact', municipalityId, contactId))
          .post('/sessions')
          .send({ assignmentId, date: daysAgo(1), start: `${hour}:00`, end: `${hour}:30`, activity: 'Kino' })
          .expect(201);
        // The session is the contact's, not the fixture contact's: that contact's token calls the route.
        tokens.contact = await tokenFor(app, 'contact', municipalityId, contactId);
        return response.body as { id: string; timesheetId: string };
      },
      introduction: async () => {
        const user = await seedUserWithDecision(app, municipalityId);
        return (
          await created('coordinator', '/introductions', {
            serviceUserId: user.id,
            contactId: await make.contact(),
          })
        ).id;
      },
      proposal: async () => {
        const user = await seedUserWithDecision(app, municipalityId);
        const [row] = await db.query(
          `INSERT INTO proposals (municipality_id, run_id, service_user_id, contact_id, score, components, reason)
           VALUES ($1, $2, $3, $4, 200, '{}', 'test') RETURNING id`,
          [municipalityId, run.id, user.id, await make.contact()],
        );
        return row.id as string;
      },
      post: created,
      sql: (query, parameters) => db.query(query, parameters),
    };
    ownContactToken = tokens.contact;

    const document = (await request(app.getHttpServer()).get('/docs/openapi.json').expect(200)).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    routes = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
  });
  afterAll(() => {
    process.stdout.write(`\nAccess matrix: ${Object.keys(ACCESS_MATRIX).length} routes, ${checks} checks.\n`);
    return app.close();
  });

  const urlOf = (route: string, rule: RouteRule, ids: Ids) => {
    const path = route.split(' ')[1].replace(/\{(\w+)\}/g, (_, name: string) => {
      const fixture = rule.params?.[name];
      if (!fixture) throw new Error(`${route}: the matrix names no fixture for {${name}}`);
      return ids[fixture];
    });
    return rule.query ? `${path}?${rule.query(ids)}` : path;
  };

  const call = (route: string, url: string, token: string | null, body: Record<string, unknown> = {}) => {
    const method = route.split(' ')[0].toLowerCase() as 'get' | 'post' | 'patch' | 'put' | 'delete';
    const test = request(app.getHttpServer())[method](url);
    if (token) test.set('Authorization', `Bearer ${token}`);
    return method === 'get' || method === 'delete' ? test : test.send(body);
  };

  it('has a row for every route the service serves', () => {
    const missing = routes.filter((route) => !ACCESS_MATRIX[route]);
    expect(missing).toEqual([]);
    const stale = Object.keys(ACCESS_MATRIX).filter((route) => !routes.includes(route));
    expect(stale).toEqual([]);
  });

  /**
   * Every read that lets a service user's id leave the service logs that user, for that request: the answer's text
   * is searched for the fixture users' ids, and the request's access-log rows must name exactly those users. A
   * new route that shows users without logging them fails here, whatever its author remembered.
   */
  it('logs exactly the service users each read shows, for every GET route and role', async () => {
    const users = [own.serviceUser, other.serviceUser, groupMember, introducedUser];
    const unlogged: string[] = [];
    for (const [route, rule] of Object.entries(ACCESS_MATRIX)) {
      if (!route.startsWith('GET ') || rule.public) continue;
      for (const [role, access] of Object.entries(rule.roles ?? {}) as [Role, Access][]) {
        if (access === 'deny') continue;
        const response = await call(route, urlOf(route, rule, own), tokens[role]);
        checks++;
        if (response.status >= 400) continue;
        const shown = users.filter((id) => response.text.includes(id)).sort();
        const rows: { subject_id: string }[] = await dataSourceOf(app).query(
          `SELECT DISTINCT subject_id FROM access_log WHERE request_id = $1 AND outcome = 'allowed'`,
          [response.headers['x-request-id']],
        );
        const logged = rows.map((r) => r.subject_id);
        // A route under a user's record (/service-users/{id}/…) reads that user even where the answer omits the id.
        const named = Object.values(rule.params ?? {}).includes('serviceUser') ? [own.serviceUser] : [];
        const missing = shown.filter((id) => !logged.includes(id));
        const extra = logged.filter((id) => !shown.includes(id) && !named.includes(id));
        if (missing.length > 0 || extra.length > 0)
          unlogged.push(
            `${route} as ${role}: ${missing.length} shown but not logged, ${extra.length} logged not shown`,
          );
      }
    }
    expect(unlogged).toEqual([]);
  });

  it.each(Object.entries(ACCESS_MATRIX))('%s answers each role as the matrix says', async (route, rule) => {
    if (rule.public) {
      const response = await call(route, urlOf(route, rule, own), null, rule.body?.(own));
      checks++;
      if (rule.publicStatus) expect(response.status).toBe(rule.publicStatus);
      else expect(response.status).toBeLessThan(400);
      return;
    }
    const unauthenticated = await call(route, urlOf(route, rule, own), null);
    checks++;
    expect(unauthenticated.status).toBe(401);

    for (const [role, access] of Object.entries(rule.roles ?? {}) as [Role, Access][]) {
      tokens.contact = ownContactToken;
      const isWrite = !route.startsWith('GET ');
      const ids =
        isWrite && access !== 'deny' && rule.fresh ? { ...own, ...(await rule.fresh(make, role)) } : own;
      const response = await call(route, urlOf(route, rule, ids), tokens[role], rule.body?.(ids));
      checks++;
      const outcome = `${role} → ${response.status} ${JSON.stringify(response.body).slice(0, 200)}`;
      if (access === 'deny') expect(outcome).toMatch(new RegExp(`^${role} → 403 `));
      // A read the role may make answers 2xx: a 400 or 404 would mean the check never reached the rule.
      else if (!isWrite) {
        const expected = Object.values(rule.params ?? {}).includes('missing') ? '404' : '2\\d\\d';
        expect(outcome).toMatch(new RegExp(`^${role} → ${expected} `));
      } else {
        // A write the role may make succeeds with its valid request, and logs exactly the rows the matrix says.
        const expected = rule.clientError ? String(rule.clientError.status) : '2\\d\\d';
        expect(outcome).toMatch(new RegExp(`^${role} → ${expected} `));
        const [{ rows }] = await dataSourceOf(app).query(
          `SELECT count(*)::int AS rows FROM access_log WHERE request_id = $1`,
          [response.headers['x-request-id']],
        );
        const logs = response.status < 300 ? (rule.logs ?? 0) : 0;
        expect(`${route} as ${role}: ${rows} access-log rows`).toBe(
          `${route} as ${role}: ${logs} access-log rows`,
        );
      }
      if (access === 'own') {
        const foreignRecord = await call(route, urlOf(route, rule, other), tokens[role], rule.body?.(other));
        checks++;
        expect(`${role} on another's record → ${foreignRecord.status}`).toBe(
          `${role} on another's record → 404`,
        );
        if (route.startsWith('GET ')) {
          // The refused read is in the log, with the contact as actor.
          const denied: unknown[] = await dataSourceOf(app).query(
            `SELECT 1 FROM access_log WHERE request_id = $1 AND outcome = 'denied' AND role = $2`,
            [foreignRecord.headers['x-request-id'], role],
          );
          expect(`${route}: ${denied.length} denied rows`).toBe(`${route}: 1 denied rows`);
        }
      }
    }
    if (rule.crossTenant) {
      const response = await call(
        route,
        urlOf(route, rule, own),
        tokens.foreignCoordinator,
        rule.body?.(own),
      );
      checks++;
      expect(`other municipality → ${response.status}`).toBe('other municipality → 404');
    }
  });
});
