/**
 * Load benchmark of the API on the demo municipality (issue 6, item 8):
 *   npm run bench:api [-- --duration 10 --warmup 2 --connections 20 --rounds 3 --principals 2000 --only contact,user]
 *
 * Builds its own database (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/stottekontakt_bench:
 * dropped and re-created), runs the migrations and the demo seed, runs one matching run so there are proposals,
 * then starts three child processes, so the load generator never shares their event loop:
 *   - the real API (src/main.ts: AppModule + configureApp, on Fastify), LOG_LEVEL=warn, no rate limit, no
 *     scheduler;
 *   - the yardstick: a bare NestJS handler doing one indexed pg query (bench/bare-app.ts) on Fastify, the API's
 *     own platform: the ceiling of what the API could reach;
 *   - the same bare handler on NestJS's default platform, Express, printed beside it.
 * All run compiled, as production does (Dockerfile: `node dist/src/main.js`): `npm run bench:api` compiles src/,
 * scripts/ and bench/ first (`npm run bench:build`). Never under ts-node, whose register hook loads node's REPL,
 * which turns on domains and slows every event emitted in the process.
 * Requests carry tokens of `--principals` different coordinators and caseworkers in turn, so the API's cache of
 * verified tokens is not always hit, as it would be with one token. Only 2xx answers count as throughput; any
 * other answer or a socket error is counted apart and fails the target line.
 * autocannon then loads each endpoint in turn, each right after a run of both bare handlers, and the table gives
 * requests/s, p50/p95/p99 latency, the non-2xx count and the endpoint's requests/s as a share of each paired bare
 * run's, so the figures hold as a ratio on a noisy machine. The access-logged read is paired `--rounds` times and
 * judged by the median.
 * Target: the authenticated, access-logged read at ≥ 0.5× the bare handler on Fastify, p99 ≤ 50 ms at 20
 * connections, with no non-2xx answer. The ratio to the Express handler is printed beside it.
 */
import 'reflect-metadata';
import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import Redis from 'ioredis';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { TokenService } from '../src/common/auth/token.service';
import { todayInOslo } from '../src/common/dates';
import { AppConfig } from '../src/config/app-config.service';
import { validateEnvironment } from '../src/config/environment';
import { dataSourceOptions } from '../src/database/data-source-options';
import { DEMO_MUNICIPALITY_ID } from '../scripts/demo/demo-ids';
import { seedDemoMunicipality } from '../scripts/demo/seed-database';

/** The repository: this file runs as dist/bench/api.bench.js. */
const root = join(__dirname, '..', '..');

interface Args {
  duration: number;
  warmup: number;
  connections: number;
  rounds: number;
  principals: number;
  only?: string[];
}

function args(): Args {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string', default: '10' },
      warmup: { type: 'string', default: '2' },
      connections: { type: 'string', default: '20' },
      rounds: { type: 'string', default: '3' },
      principals: { type: 'string', default: '2000' },
      only: { type: 'string' },
    },
  });
  return {
    duration: Number(values.duration),
    warmup: Number(values.warmup),
    connections: Number(values.connections),
    rounds: Math.max(1, Number(values.rounds)),
    principals: Math.max(1, Number(values.principals)),
    only: values.only?.split(',').map((s) => s.trim()),
  };
}

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

const children: ChildProcess[] = [];

/** The compiled entrypoints this bench starts (`npm run bench:build` writes them). */
function assertBuilt(): void {
  for (const file of ['dist/src/main.js', 'dist/src/worker.js', 'dist/bench/bare-app.js']) {
    if (!existsSync(join(root, file)))
      throw new Error(`${file} is missing: run npm run bench:api (it builds first)`);
  }
}

function start(script: string, env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, [script], {
    cwd: root,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(child);
  return child;
}

async function stopAll(): Promise<void> {
  await Promise.all(
    children.map(async (child) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await Promise.race([once(child, 'exit'), new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }),
  );
}

async function waitFor(url: string, child: ChildProcess, what: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${what} exited with code ${child.exitCode}`);
    const ok = await fetch(url)
      .then((r) => r.status < 500)
      .catch(() => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what} did not answer ${url} within 60 s`);
}

/** A fresh database with the schema and the demo municipality. */
async function prepareDatabase(url: string): Promise<DataSource> {
  const admin = new Client({
    connectionString: Object.assign(new URL(url), { pathname: '/postgres' }).toString(),
  });
  await admin.connect();
  const name = new URL(url).pathname.slice(1);
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const dataSource = new DataSource(dataSourceOptions(url));
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  const seeded = await seedDemoMunicipality(dataSource, todayInOslo(new Date()));
  console.log(
    `Database ${name}: demo municipality with ${seeded.contacts} contacts, ${seeded.users} users, ` +
      `${seeded.groups} groups, ${seeded.assignments} assignments.`,
  );
  return dataSource;
}

interface Pair {
  key: string;
  bareExpress: Figures;
  bareFastify: Figures;
  endpoint: Figures;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

interface Figures {
  name: string;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  non2xx: number;
  errors: number;
}

type RequestSpec = autocannon.Request & { next?: () => Partial<autocannon.Request> };

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function load(
  name: string,
  url: string,
  requests: RequestSpec[],
  options: { duration: number; connections: number },
): Promise<Figures> {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections: options.connections,
        duration: options.duration,
        requests: requests.map(({ next, ...request }) => ({
          ...request,
          ...(next ? { setupRequest: (r: autocannon.Request) => ({ ...r, ...next() }) } : {}),
        })),
      },
      (error, figures) => (error ? reject(error) : resolve(figures)),
    );
    instance.on('response', (_client, _status, _bytes, responseTime: number) => latencies.push(responseTime));
  });
  latencies.sort((a, b) => a - b);
  return {
    name,
    requestsPerSecond: result['2xx'] / (result.duration || options.duration),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

async function main(): Promise<void> {
  const options = args();
  const databaseUrl =
    process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/stottekontakt_bench';
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  assertBuilt();
  const dataSource = await prepareDatabase(databaseUrl);
  const ids = async (sql: string): Promise<string[]> =>
    (await dataSource.query(sql, [DEMO_MUNICIPALITY_ID])).map((r: { id: string }) => r.id);
  const contactIds = await ids(`SELECT id FROM contacts WHERE municipality_id = $1 ORDER BY id LIMIT 500`);
  const userIds = await ids(`SELECT id FROM service_users WHERE municipality_id = $1 ORDER BY id LIMIT 500`);

  const [apiPort, expressPort, fastifyPort] = [await freePort(), await freePort(), await freePort()];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    HOST: '127.0.0.1',
    PORT: String(apiPort),
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: `stottekontakt-bench-${process.pid}`,
    LOG_LEVEL: 'warn',
    RATE_LIMIT_PER_MINUTE: '1000000000',
    SCHEDULER_ENABLED: 'false',
    ALLOW_SYNTHETIC_NATIONAL_IDS: 'true',
    LOCAL_SIGNER_ENABLED: 'true',
  };
  delete env.LOG_FILE;
  const api = start('dist/src/main.js', env);
  const bareExpress = start('dist/bench/bare-app.js', {
    ...env,
    PORT: String(expressPort),
    BARE_PLATFORM: 'express',
  });
  const bareFastify = start('dist/bench/bare-app.js', {
    ...env,
    PORT: String(fastifyPort),
    BARE_PLATFORM: 'fastify',
  });
  const config = validateEnvironment(env);
  const tokens = new TokenService({ get: (key: keyof typeof config) => config[key] } as unknown as AppConfig);
  // Many principals, as a municipality's staff: coordinators and caseworkers, each with a token of their own.
  const pool = await Promise.all(
    Array.from({ length: options.principals }, (_, i) =>
      tokens.sign({
        subject: `bench-staff-${i}`,
        role: i % 2 === 0 ? 'coordinator' : 'caseworker',
        municipalityId: DEMO_MUNICIPALITY_ID,
        expiresIn: '2h',
      }),
    ),
  );
  const token = pool[0];
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const expressUrl = `http://127.0.0.1:${expressPort}`;
  const fastifyUrl = `http://127.0.0.1:${fastifyPort}`;
  await Promise.all([
    waitFor(`${apiUrl}/health`, api, 'The API'),
    waitFor(`${expressUrl}/contacts/${contactIds[0]}`, bareExpress, 'The bare handler on Express'),
    waitFor(`${fastifyUrl}/contacts/${contactIds[0]}`, bareFastify, 'The bare handler on Fastify'),
  ]);

  // One matching run, so GET /proposals lists real proposals: the worker runs it, then stops.
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const worker = start('dist/src/worker.js', env);
  const started = await fetch(`${apiUrl}/matching-runs`, { method: 'POST', headers });
  const run = (await started.json()) as { id?: string; status?: string };
  if (!started.ok || !run.id) console.warn(`No matching run (${started.status}); GET /proposals lists none.`);
  for (let waited = 0; run.id && waited < 120_000; waited += 500) {
    const { status } = (await (await fetch(`${apiUrl}/matching-runs/${run.id}`, { headers })).json()) as {
      status: string;
    };
    if (status === 'completed' || status === 'failed') {
      console.log(`Matching run ${status} after ${(waited / 1000).toFixed(1)} s.`);
      break;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  worker.kill('SIGTERM');
  await once(worker, 'exit');
  const [{ count: proposals }] = await dataSource.query(`SELECT count(*)::int AS count FROM proposals`);

  let turn = 0;
  let principal = 0;
  /** The next principal's headers: each request is made by the next of the pool's staff. */
  const nextHeaders = () => ({ ...headers, authorization: `Bearer ${pool[principal++ % pool.length]}` });
  const rotate = (list: string[], path: (id: string) => string) => () => ({
    path: path(list[turn++ % list.length]),
    headers: nextHeaders(),
  });
  const asNextPrincipal = () => ({ headers: nextHeaders() });
  const get = (path: string): RequestSpec => ({ method: 'GET', path, headers, next: asNextPrincipal });
  const contactRead: RequestSpec = {
    ...get('/contacts'),
    next: rotate(contactIds, (id) => `/contacts/${id}`),
  };
  const userRead: RequestSpec = {
    ...get('/service-users'),
    next: rotate(userIds, (id) => `/service-users/${id}`),
  };
  const eligible = get('/contacts?eligible=true');
  const proposalList = get('/proposals');
  const patch: RequestSpec = {
    method: 'PATCH',
    path: '/contacts',
    headers,
    body: JSON.stringify({ phone: '+47 912 34 567', drivesOwnCar: true }),
    next: rotate(contactIds, (id) => `/contacts/${id}`),
  };
  const post: RequestSpec = {
    method: 'POST',
    path: '/contacts',
    headers,
    next: asNextPrincipal,
    body: JSON.stringify({
      firstName: 'Belastning',
      lastName: 'Test',
      birthYear: 1990,
      postalCode: '0150',
      latitude: 59.91,
      longitude: 10.75,
      availability: [{ day: 'tue', start: '17:00', end: '20:00' }],
    }),
  };
  const bareRead: RequestSpec = {
    method: 'GET',
    path: '/contacts',
    next: () => ({ path: `/contacts/${contactIds[turn++ % contactIds.length]}` }),
  };

  const plan: { key: string; name: string; url: string; requests: RequestSpec[] }[] = [
    { key: 'fastify', name: 'bare on Fastify: one pg query', url: fastifyUrl, requests: [bareRead] },
    { key: 'express', name: 'bare on Express: one pg query', url: expressUrl, requests: [bareRead] },
    { key: 'contact', name: 'GET /contacts/:id', url: apiUrl, requests: [contactRead] },
    { key: 'user', name: 'GET /service-users/:id (access-logged)', url: apiUrl, requests: [userRead] },
    { key: 'eligible', name: 'GET /contacts?eligible=true', url: apiUrl, requests: [eligible] },
    {
      key: 'proposals',
      name: `GET /proposals (${proposals} in the db)`,
      url: apiUrl,
      requests: [proposalList],
    },
    { key: 'patch', name: 'PATCH /contacts/:id', url: apiUrl, requests: [patch] },
    { key: 'post', name: 'POST /contacts', url: apiUrl, requests: [post] },
    {
      key: 'mixed',
      name: 'mixed: 4 reads + 1 PATCH per cycle',
      url: apiUrl,
      requests: [contactRead, userRead, eligible, proposalList, patch],
    },
  ];
  const [fastifyStep, expressStep, ...endpoints] = plan;
  const steps = endpoints.filter((p) => !options.only || options.only.includes(p.key));

  console.log(
    `autocannon: ${options.connections} connections, ${options.duration} s per run after ${options.warmup} s ` +
      `warm-up; each endpoint right after its own runs of both bare handlers, the access-logged read ` +
      `${options.rounds} times; the API's requests by ${pool.length} principals in turn; API pid ${api.pid}, bare pids ${bareExpress.pid} (Express), ` +
      `${bareFastify.pid} (Fastify).\n`,
  );
  const measure = async (step: (typeof plan)[number]): Promise<Figures> => {
    if (options.warmup > 0) {
      await load(step.name, step.url, step.requests, {
        duration: options.warmup,
        connections: options.connections,
      });
    }
    const figures = await load(step.name, step.url, step.requests, options);
    process.stderr.write(`  ${step.name}: ${figures.requestsPerSecond.toFixed(0)} req/s\n`);
    return figures;
  };
  // Paired runs: the machine's speed drifts by tens of per cent within minutes, so each endpoint is compared
  // with the bare handler measured just before it, not with a figure from the start of the bench.
  const pairs: Pair[] = [];
  for (const step of steps) {
    const rounds = step.key === 'user' ? options.rounds : 1;
    for (let round = 0; round < rounds; round++) {
      const bareFastifyFigures = await measure(fastifyStep);
      const bareExpressFigures = await measure(expressStep);
      pairs.push({
        key: step.key,
        bareExpress: bareExpressFigures,
        bareFastify: bareFastifyFigures,
        endpoint: await measure(step),
      });
    }
  }

  const ms = (value: number) => `${value.toFixed(1)} ms`;
  const ratio = (endpoint: Figures, bare: Figures) => endpoint.requestsPerSecond / bare.requestsPerSecond;
  const rows = pairs.map(({ bareExpress: e, bareFastify: f, endpoint: r }) => [
    r.name,
    r.requestsPerSecond.toFixed(0),
    ms(r.p50),
    ms(r.p95),
    ms(r.p99),
    String(r.non2xx),
    String(r.errors),
    f.requestsPerSecond.toFixed(0),
    `${ratio(r, f).toFixed(2)}×`,
    e.requestsPerSecond.toFixed(0),
    `${ratio(r, e).toFixed(2)}×`,
  ]);
  const header = [
    'endpoint',
    '2xx/s',
    'p50',
    'p95',
    'p99',
    'non-2xx',
    'errors',
    'bare Fastify',
    'vs Fastify',
    'bare Express',
    'vs Express',
  ];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  console.log([line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n'));

  const logged = pairs.filter((pair) => pair.key === 'user');
  if (logged.length > 0) {
    const toExpress = logged.map((pair) => ratio(pair.endpoint, pair.bareExpress));
    const toFastify = logged.map((pair) => ratio(pair.endpoint, pair.bareFastify));
    const list = (ratios: number[]) => ratios.map((r) => r.toFixed(2)).join(', ');
    const p99 = median(logged.map((pair) => pair.endpoint.p99));
    const failed = logged.reduce((sum, pair) => sum + pair.endpoint.non2xx + pair.endpoint.errors, 0);
    const met = median(toFastify) >= 0.5 && p99 <= 50 && failed === 0;
    console.log(
      `\nTarget, access-logged read: ≥ 0.50× the bare NestJS handler on Fastify (the API's own platform), ` +
        `p99 ≤ 50 ms at ${options.connections} connections, no non-2xx → median of ${logged.length} paired runs ` +
        `${median(toFastify).toFixed(2)}× (${list(toFastify)}), p99 ${ms(p99)}, ${failed} non-2xx or errors: ` +
        `${met ? 'met' : 'NOT met'}.\n` +
        `Against the bare handler on Express: ${median(toExpress).toFixed(2)}× (${list(toExpress)}).`,
    );
    const anyFailed = pairs.some((pair) => pair.endpoint.non2xx + pair.endpoint.errors > 0);
    if (anyFailed) console.log('Some endpoint answered non-2xx or failed: those answers are not throughput.');
  }
  await dataSource.destroy();
  // The matching run's job keys: the bench leaves nothing behind in Redis.
  const redis = new Redis(redisUrl);
  const keys = await redis.keys(`${env.QUEUE_PREFIX}:*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => stopAll());
