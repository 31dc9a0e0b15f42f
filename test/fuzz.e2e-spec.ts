import type { INestApplication } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { existsSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import request from 'supertest';
import type { Role } from '../src/common/auth/principal';
import { QueueName } from '../src/jobs/jobs';
import { generateValidNationalId } from '../src/service-users/national-id';
import { contactBody, daysAgo, today } from './factories';
import { changedTables, fingerprinter, TableFingerprint } from './support/db-fingerprint';
import { TEST_LOG_FILE } from './support/test-env';
import {
  bodies,
  FuzzContext,
  IdPool,
  ifMatchHeader,
  kindOf,
  OpenApiDocument,
  pathParam,
  queryString,
  RawBody,
  sweepBodies,
  WriteEndpoint,
  writeEndpoints,
} from './support/openapi-fuzz';

// A fuzz run sends thousands of requests from one address: lift the rate limit before the app module (and its
// configuration) is loaded, which is why the app is imported in beforeAll.
process.env.RATE_LIMIT_PER_MINUTE = '1000000';

/** Cases per write endpoint, and the seed; `FUZZ_RUNS=200 FUZZ_SEED=7 npx jest … test/fuzz` to dig deeper. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
const SEED = Number(process.env.FUZZ_SEED ?? 20261123);
/** Random cases every endpoint gets however slow the machine is; the test fails if one got fewer. */
const MIN_RUNS = Math.min(RUNS, Number(process.env.FUZZ_MIN_RUNS ?? 12));
/**
 * The random cases beyond MIN_RUNS share this budget, so the file stays near a minute as endpoints are added
 * (on a slow machine an endpoint gets fewer than RUNS cases, never fewer than MIN_RUNS; the summary says).
 */
const BUDGET_MS = Number(process.env.FUZZ_BUDGET_MS ?? 40_000);
const ROLES: Role[] = ['coordinator', 'caseworker', 'admin', 'contact'];

interface FuzzCase {
  role: Role;
  params: Record<string, string>;
  query: string;
  ifMatch?: string;
  body: RawBody;
}

interface Finding {
  endpoint: string;
  problem: string;
  role: Role;
  url: string;
  ifMatch?: string;
  body?: string;
  status: number;
  requestId: string;
}

/** The error the service logged for a request (level ≥ 50), from the e2e log file. */
function loggedError(requestId: string): string {
  if (!requestId || !existsSync(TEST_LOG_FILE)) return '';
  const line = readFileSync(TEST_LOG_FILE, 'utf8')
    .split('\n')
    .find((l) => l.includes(requestId) && /"level":(50|60)/.test(l));
  if (!line) return '';
  const { err } = JSON.parse(line) as { err?: { message?: string; stack?: string } };
  const frames = (err?.stack ?? '')
    .split('\n')
    .slice(1, 4)
    .map((f) => f.trim());
  return [err?.message ?? '', ...frames].join('\n    ');
}

/** One entry per endpoint and cause, with the shortest request that shows it. */
function distinctFindings(findings: Finding[]): string[] {
  const groups = new Map<string, { finding: Finding; error: string; count: number }>();
  for (const finding of findings) {
    const error = loggedError(finding.requestId);
    const key = `${finding.endpoint} ${finding.problem.replace(/\(\d+ → \d+ rows\)/g, '')} ${error.split('\n')[0]}`;
    const group = groups.get(key);
    if (!group) groups.set(key, { finding, error, count: 1 });
    else {
      group.count += 1;
      if ((finding.body ?? '').length < (group.finding.body ?? '').length) group.finding = finding;
    }
  }
  return [...groups.values()].map(
    ({ finding: f, error, count }) =>
      `${f.endpoint} ${f.problem} (${count}×), e.g. as ${f.role}: ${f.url}` +
      (f.ifMatch ? ` If-Match: ${f.ifMatch}` : '') +
      (f.body !== undefined ? `\n  body: ${f.body.slice(0, 400)}` : '') +
      `\n  requestId: ${f.requestId}` +
      (error ? `\n  error: ${error}` : ''),
  );
}

/**
 * TRUST 9–11, issue 6 item 7: every write endpoint of the OpenAPI document (found at run time, so endpoints added
 * later are covered) gets random and malformed requests; the service never answers 5xx, and a 4xx leaves the
 * database exactly as it was.
 */
describe('fuzz: write endpoints of the OpenAPI document', () => {
  let app: INestApplication;
  let document: OpenApiDocument;
  let municipalityId: string;
  let foreignMunicipalityId: string;
  let tokens: Record<Role, string>;
  let fingerprint: () => Promise<TableFingerprint[]>;
  let idPool: () => Promise<IdPool>;
  const nationalIds: string[] = [];

  beforeAll(async () => {
    const { as, createMunicipality, createTestApp, dataSourceOf, tokenFor } =
      await import('./support/test-app');
    const { seedUserWithDecision } = await import('./support/seed-rows');
    app = await createTestApp();
    const dataSource = dataSourceOf(app);
    municipalityId = (await createMunicipality(app)).id;
    foreignMunicipalityId = (await createMunicipality(app)).id;

    // Real records of every kind, so path parameters and `…Id` properties can name them.
    const seedRecords = async (municipality: string) => {
      const coordinator = as(app, await tokenFor(app, 'coordinator', municipality));
      const contacts: string[] = [];
      for (const maxUsers of [3, 1]) {
        const created = await coordinator.post('/contacts').send(contactBody({ maxUsers })).expect(201);
        contacts.push(created.body.id);
      }
      const single = await seedUserWithDecision(app, municipality);
      const inGroup = await seedUserWithDecision(app, municipality, {
        serviceForm: 'group',
        hoursGranted: 3,
      });
      await seedUserWithDecision(app, municipality, { serviceForm: 'group', hoursGranted: 3 });
      const group = await coordinator
        .post('/groups')
        .send({
          name: `Fuzzgruppa ${municipality.slice(0, 8)}`,
          interests: ['walks'],
          postalCode: '0550',
          meetingTimes: [{ day: 'wed', start: '17:00', end: '19:00' }],
        })
        .expect(201);
      await coordinator.post(`/groups/${group.body.id}/members`).send({ serviceUserId: inGroup.id });
      await coordinator
        .post('/assignments')
        .send({
          startWithoutIntroductionReason: 'continues from before',
          contactId: contacts[0],
          serviceUserId: single.id,
          startsOn: daysAgo(1),
        })
        .expect(201);
      return contacts;
    };
    const [contactId] = await seedRecords(municipalityId);
    await seedRecords(foreignMunicipalityId);

    tokens = {
      coordinator: await tokenFor(app, 'coordinator', municipalityId),
      caseworker: await tokenFor(app, 'caseworker', municipalityId),
      admin: await tokenFor(app, 'admin', municipalityId),
      contact: await tokenFor(app, 'contact', municipalityId, contactId),
    };
    for (let day = 0; nationalIds.length < 12; day += 37) {
      const birthDate = new Date(Date.UTC(2005, 0, 1 + day)).toISOString().slice(0, 10);
      const generated = generateValidNationalId(birthDate, { kind: 'synthetic', fromIndividualNumber: 900 });
      if (generated) nationalIds.push(generated.nationalId);
    }

    fingerprint = await fingerprinter(dataSource, [municipalityId, foreignMunicipalityId]);

    // Record kinds by URL segment, from every table with an id and a municipality: `activity_groups` answers to
    // `activity-groups` and `groups`, `matching_runs` to `matching-runs` and `runs`.
    const tables: { table: string }[] = await dataSource.query(
      `SELECT c.table_name AS "table" FROM information_schema.columns c
        WHERE c.table_schema = 'public' AND c.column_name = 'id' AND c.data_type = 'uuid'
          AND EXISTS (SELECT 1 FROM information_schema.columns m
                       WHERE m.table_schema = 'public' AND m.table_name = c.table_name
                         AND m.column_name = 'municipality_id')
        ORDER BY c.table_name`,
    );
    idPool = async () => {
      const pool: IdPool = { own: {}, foreign: {} };
      const found = await Promise.all(
        tables.map(async ({ table }) => {
          const rows: { id: string; own: boolean }[] = await dataSource.query(
            `(SELECT id::text, true AS own FROM "${table}" WHERE municipality_id = $1 LIMIT 8)
             UNION ALL (SELECT id::text, false AS own FROM "${table}" WHERE municipality_id = $2 LIMIT 3)`,
            [municipalityId, foreignMunicipalityId],
          );
          return { parts: table.split('_'), rows };
        }),
      );
      // A table's full name wins over another table's suffix (`proposals` over `group_proposals`).
      const longest = Math.max(...found.map((f) => f.parts.length));
      for (let skip = 0; skip < longest; skip += 1) {
        for (const { parts, rows } of found) {
          if (skip >= parts.length) continue;
          const kind = parts.slice(skip).join('-');
          pool.own[kind] ??= rows.filter((r) => r.own).map((r) => r.id);
          pool.foreign[kind] ??= rows.filter((r) => !r.own).map((r) => r.id);
        }
      }
      return pool;
    };

    document = (await request(app.getHttpServer()).get('/docs/openapi.json').expect(200)).body;
  }, 60_000);
  afterAll(async () => {
    // The matching runs the fuzz queued have no worker in this process: leave nothing behind in Redis.
    const queue = app?.get<Queue>(getQueueToken(QueueName.Matching), { strict: false });
    await queue?.obliterate({ force: true });
    await app?.close();
  });

  const send = (endpoint: WriteEndpoint, c: FuzzCase) => {
    const url = endpoint.path.replace(/\{([^}]+)\}/g, (_m, name: string) => c.params[name]) + c.query;
    let call = request(app.getHttpServer())
      [endpoint.method](url)
      .set('Authorization', `Bearer ${tokens[c.role]}`);
    if (c.ifMatch !== undefined) call = call.set('If-Match', c.ifMatch);
    if (c.body.contentType) call = call.set('Content-Type', c.body.contentType);
    return { url, response: c.body.text !== undefined ? call.send(c.body.text) : call };
  };

  it('notices a change in the database (the fingerprint is not blind)', async () => {
    const before = await fingerprint();
    await request(app.getHttpServer())
      .post('/interests')
      .set('Authorization', `Bearer ${tokens.coordinator}`)
      .send({ code: `fuzz_${Date.now()}`, label: 'Fuzz' })
      .expect(201);
    expect(changedTables(before, await fingerprint())).toEqual([expect.stringMatching(/^interests \(/)]);
  });

  it('answers every write endpoint 2xx or 4xx, never 5xx, and a 4xx changes nothing in the database', async () => {
    const endpoints = writeEndpoints(document);
    expect(endpoints.length).toBeGreaterThan(10);
    const findings: Finding[] = [];
    let cases = 0;
    const randomCases: Record<string, number> = {};
    const statuses: Record<string, Record<number, number>> = {};
    let setupProblem: string | undefined;
    const started = Date.now();

    // The state after a 4xx that changed nothing is the state before the next case: no need to read it twice.
    let known: TableFingerprint[] | undefined;
    const exercise = async (endpoint: WriteEndpoint, c: FuzzCase): Promise<number> => {
      const before = known ?? (await fingerprint());
      known = undefined;
      const { url, response } = send(endpoint, c);
      const answer = await response;
      cases += 1;
      const name = `${endpoint.method.toUpperCase()} ${endpoint.path}`;
      const counts = (statuses[name] ??= {});
      counts[answer.status] = (counts[answer.status] ?? 0) + 1;
      const record = (problem: string) =>
        findings.push({
          endpoint: name,
          problem,
          role: c.role,
          url,
          ifMatch: c.ifMatch,
          body: c.body.text,
          status: answer.status,
          requestId: String(answer.body?.requestId ?? answer.headers['x-request-id'] ?? ''),
        });
      // A 429 from a route's own budget (a matching run's 20 a minute) is a refusal like any 4xx, checked below
      // to change nothing; a 429 from the lifted API-wide limit, or a 401, means the setup is broken.
      if ((answer.status === 429 && !endpoint.ownRateLimit) || answer.status === 401) {
        setupProblem ??= `${name} answered ${answer.status}: the fuzz setup is broken (rate limit or token)`;
        throw new Error(setupProblem);
      }
      if (process.env.FUZZ_DEBUG && c.body.variant === 'valid' && answer.status === 400) {
        process.stderr.write(
          `${name} ${JSON.stringify(answer.body.details)} ${c.body.text?.slice(0, 300)}\n`,
        );
      }
      if (answer.status >= 500) record(`answered ${answer.status}`);
      else if (answer.status >= 400) {
        const after = await fingerprint();
        const changed = changedTables(before, after);
        if (changed.length > 0) record(`answered ${answer.status} but changed ${changed.join(', ')}`);
        else known = after;
      }
      return answer.status;
    };

    for (const [index, endpoint] of endpoints.entries()) {
      const timeLeft = BUDGET_MS - (Date.now() - started);
      const context: FuzzContext = {
        document,
        ids: await idPool(),
        nationalIds,
        today: today(),
      };
      const params = fc.record(
        Object.fromEntries(endpoint.pathParams.map((p) => [p, pathParam(p, endpoint.path, context)])),
      );
      // Which roles get past the role check (a 403 comes before validation): most cases use one of those.
      const allowed: Role[] = [];
      for (const role of ROLES) {
        const probeParams = Object.fromEntries(
          endpoint.pathParams.map((p) => [p, '00000000-0000-4000-8000-000000000000']),
        );
        const body = { text: '{}', contentType: 'application/json' };
        if ((await exercise(endpoint, { role, params: probeParams, query: '', body })) !== 403) {
          allowed.push(role);
        }
      }
      const role = fc.oneof(
        { weight: 8, arbitrary: fc.constantFrom(...(allowed.length > 0 ? allowed : ROLES)) },
        { weight: 1, arbitrary: fc.constantFrom(...ROLES) },
      );
      const fuzzCase: fc.Arbitrary<FuzzCase> = fc.record({
        role,
        params,
        query: queryString(endpoint.queryParams, context),
        ifMatch: endpoint.ifMatch ? ifMatchHeader : fc.constant(undefined),
        body: bodies(endpoint.body, context),
      });
      // Each property null, or odd for its type, in an otherwise plausible body.
      const sweepRole = allowed[0] ?? 'coordinator';
      const sweepParams = Object.fromEntries(
        endpoint.pathParams.map((p) => [
          p,
          context.ids.own[kindOf(p, endpoint.path) ?? '']?.[0] ?? '00000000-0000-4000-8000-000000000000',
        ]),
      );
      for (const body of sweepBodies(endpoint.body, context)) {
        await exercise(endpoint, { role: sweepRole, params: sweepParams, query: '', body });
      }
      // Every case runs (a finding is recorded, not thrown), so one run lists every distinct problem. A run that
      // fast-check interrupts at its time limit does not wait for the case in flight: wait for it here, or its
      // write would land during the next endpoint's cases and be blamed on them.
      const name = `${endpoint.method.toUpperCase()} ${endpoint.path}`;
      let inFlight: Promise<unknown> = Promise.resolve();
      const property = fc.asyncProperty(fuzzCase, (c) => {
        const sent = exercise(endpoint, c).then(() => {
          randomCases[name] = (randomCases[name] ?? 0) + 1;
        });
        inFlight = sent.catch(() => undefined);
        return sent.then(() => true);
      });
      // MIN_RUNS cases whatever the time, then more within this endpoint's share of the budget.
      await fc.check(property, { numRuns: MIN_RUNS, seed: SEED });
      await fc.check(property, {
        numRuns: RUNS - MIN_RUNS,
        seed: SEED + 1,
        interruptAfterTimeLimit: Math.max(1000, timeLeft / (endpoints.length - index)),
        markInterruptAsFailure: false,
      });
      await inFlight;
      if (setupProblem) throw new Error(setupProblem);
    }

    process.stdout.write(
      `\nFuzz: ${cases} requests to ${endpoints.length} write endpoints of the OpenAPI document ` +
        `(${MIN_RUNS} to ${RUNS} random cases each, the extra ones within ${BUDGET_MS / 1000} s, plus role probes and a ` +
        `per-property sweep; seed ${SEED}) in ` +
        `${((Date.now() - started) / 1000).toFixed(1)} s; ${findings.length} failed. Answers per endpoint:\n` +
        Object.entries(statuses)
          .map(([name, counts]) => {
            const answers = Object.entries(counts).map(([status, n]) => `${status}×${n}`);
            return `  ${name.padEnd(48)} ${String(randomCases[name] ?? 0).padStart(3)} random: ${answers.join(' ')}`;
          })
          .join('\n') +
        '\n',
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const tooFew = endpoints
      .map((e) => `${e.method.toUpperCase()} ${e.path}`)
      .filter((name) => (randomCases[name] ?? 0) < MIN_RUNS)
      .map((name) => `${name}: ${randomCases[name] ?? 0} random cases`);
    expect(tooFew).toEqual([]);
    const report = distinctFindings(findings);
    if (report.length > 0) {
      process.stderr.write(`\nFuzz findings (the stack is in ${TEST_LOG_FILE}):\n${report.join('\n\n')}\n`);
    }
    expect(report).toEqual([]);
  }, 180_000);
});
