// Playwright's web server: a fresh database, the real migrations and the demo municipality, then the API (which
// serves web/dist) and the worker, exactly as `npm start` runs them, with the demo sign-in enabled.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const root = fileURLToPath(new URL('../..', import.meta.url));
const serverUrl = process.env.BROWSER_TEST_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const database = process.env.BROWSER_TEST_DATABASE ?? 'stottekontakt_browser_test';
if (!/^[a-z0-9_]+$/.test(database))
  throw new Error(`BROWSER_TEST_DATABASE must be a plain name: ${database}`);

const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
await admin.query(`CREATE DATABASE "${database}"`);
await admin.end();

const databaseUrl = new URL(serverUrl);
databaseUrl.pathname = `/${database}`;
const env = { ...process.env };
// Libfaketime breaks redis-server and the clock the tests rely on.
delete env.LD_PRELOAD;
delete env.FAKETIME;
delete env.DATABASE_URL;
const port = process.env.BROWSER_TEST_PORT ?? '3150';
Object.assign(env, {
  // Migrations and the demo seed run as the owner; the API and the worker as the application role (npm start).
  DATABASE_OWNER_URL: databaseUrl.toString(),
  PORT: port,
  // Mail goes to the SMTP server a spec may start (e2e/mailbox.ts); links in it point at this server.
  SMTP_URL: `smtp://127.0.0.1:${Number(port) + 1000}`,
  PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
  HOST: '127.0.0.1',
  LOCAL_SIGNER_ENABLED: 'true',
  SCHEDULER_ENABLED: 'false',
  // Jobs of this server stay with its own worker, apart from any other server on the same Redis.
  QUEUE_PREFIX: `${database}_${process.pid}`,
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
});
const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'scripts/start.ts'], {
  cwd: root,
  env,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill('SIGTERM'));
child.on('exit', (code) => process.exit(code ?? 1));
