import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

/**
 * Every server or worker a test starts is written down in the run's folder and crossed out when stopped, so
 * the global teardown can stop whatever a failed or interrupted test left running (and jest can exit).
 */
export type Started =
  { kind: 'pid'; pid: number; command: string } | { kind: 'postgres'; dir: string; dataDir: string };

/** Set by the global setup for the whole run; inherited by jest's workers. */
const RUN_DIR_VARIABLE = 'STK_TEST_RUN_DIR';

function runDir(): string {
  const dir = (process.env[RUN_DIR_VARIABLE] ??= join(tmpdir(), `stk-test-run-${process.pid}`));
  mkdirSync(dir, { recursive: true });
  return dir;
}

const fileOf = (started: Started) =>
  started.kind === 'pid' ? `pid-${started.pid}.json` : `postgres-${basename(started.dir)}.json`;

export function rememberStarted(started: Started): void {
  writeFileSync(join(runDir(), fileOf(started)), JSON.stringify(started));
}

export function forgetStarted(started: Started): void {
  rmSync(join(runDir(), fileOf(started)), { force: true });
}

/**
 * The environment for a server a test starts: without libfaketime, which breaks redis-server (jemalloc) and
 * must not move the clock of a PostgreSQL that stands in for the real, shared one.
 */
export function serverEnvironment(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (key === 'LD_PRELOAD' || key.startsWith('FAKETIME') || key === 'DONT_FAKE_MONOTONIC') delete env[key];
  }
  return env;
}

function alive(pid: number, command: string): boolean {
  try {
    // The pid may have been reused since: only a process running the same command is ours.
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(command);
  } catch {
    return false;
  }
}

function waitUntilGone(pid: number, command: string, ms: number): boolean {
  const deadline = Date.now() + ms;
  while (alive(pid, command)) {
    if (Date.now() > deadline) return false;
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
  }
  return true;
}

/** Stops one server or worker now (synchronously, so it also works from an exit path). */
export function stopStarted(started: Started): void {
  if (started.kind === 'pid') {
    if (alive(started.pid, started.command)) {
      process.kill(started.pid, 'SIGKILL');
      waitUntilGone(started.pid, started.command, 5_000);
    }
  } else {
    const pidFile = join(started.dataDir, 'postmaster.pid');
    const pid = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8').split('\n')[0]) : NaN;
    if (Number.isInteger(pid) && pid > 0 && alive(pid, 'postgres')) {
      process.kill(pid, 'SIGQUIT'); // immediate shutdown; the data folder is thrown away anyway
      if (!waitUntilGone(pid, 'postgres', 10_000)) process.kill(pid, 'SIGKILL');
    }
    rmSync(started.dir, { recursive: true, force: true });
  }
  forgetStarted(started);
}

/** Stops everything still written down; returns what it stopped, for the run's output. */
export function stopLeftovers(): string[] {
  const dir = process.env[RUN_DIR_VARIABLE];
  if (!dir || !existsSync(dir)) return [];
  const stopped: string[] = [];
  for (const file of readdirSync(dir)) {
    const started = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Started;
    try {
      stopStarted(started);
      stopped.push(
        started.kind === 'pid' ? `${started.command} (pid ${started.pid})` : `PostgreSQL in ${started.dir}`,
      );
    } catch (error) {
      stopped.push(`${file}: could not stop (${error instanceof Error ? error.message : String(error)})`);
    }
  }
  return stopped;
}

/** A fresh folder for this run (the global setup calls it once). */
export function startRunRegistry(): void {
  const dir = join(tmpdir(), `stk-test-run-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  process.env[RUN_DIR_VARIABLE] = dir;
}

export function endRunRegistry(): void {
  const dir = process.env[RUN_DIR_VARIABLE];
  if (dir) rmSync(dir, { recursive: true, force: true });
}
