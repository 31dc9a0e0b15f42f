import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

export interface SpawnedEntry {
  child: ChildProcess;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** The exit code, once the process has ended. */
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

/**
 * The test's clock, where the run moves it (libfaketime, `.ci/run`): our own Node processes share it, as a
 * deployment shares its clock with the identity provider whose tokens it checks (`iat`, `exp`). Only servers we
 * did not write (redis-server) must start without it.
 */
function sameClock(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      (entry): entry is [string, string] =>
        entry[1] !== undefined &&
        (entry[0] === 'LD_PRELOAD' || entry[0].startsWith('FAKETIME') || entry[0] === 'DONT_FAKE_MONOTONIC'),
    ),
  );
}

/**
 * Starts an entrypoint (src/main.ts or src/worker.ts) as its own process, the way the Dockerfile's
 * `node dist/src/main.js` starts it but without a build, with exactly the environment given (nothing inherited
 * but PATH and the test's clock), so a test sees what a deployment with that configuration sees.
 */
export function spawnEntry(script: string, env: Record<string, string>, args: string[] = []): SpawnedEntry {
  let output = '';
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', script, ...args], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...sameClock(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    output: () => output,
    exited,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** The lines the program itself wrote: Node's own warnings (a library's deprecation notice) left out. */
export function ownLines(output: string): string[] {
  return output
    .trim()
    .split('\n')
    .filter((line) => !/^\(node:\d+\) |^\(Use `node --trace-warnings/.test(line));
}

/** Polls `url` until it answers, or fails with the process's output when it ends first. */
export async function waitUntilAnswering(
  url: string,
  entry: SpawnedEntry,
  timeoutMs = 90_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (entry.child.exitCode !== null) throw new Error(`the process ended early:\n${entry.output()}`);
    try {
      await fetch(url, { signal: AbortSignal.timeout(1000) });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms:\n${entry.output()}`);
}
