import { endRunRegistry, startRunRegistry, stopLeftovers } from './started-processes';

/**
 * The e2e run never hangs: a run past its time limit, or a jest that does not exit after the last test (an open
 * handle: a server, socket or timer a test left), stops what the tests started and fails with a message.
 */
const RUN_LIMIT_MS = Number(process.env.E2E_TIMEOUT_MINUTES ?? 30) * 60_000;
const EXIT_GRACE_MS = 15_000;

function fail(message: string): never {
  const stopped = stopLeftovers();
  process.stderr.write(
    `\n${message}\n` +
      (stopped.length > 0 ? `Stopped what the tests left running: ${stopped.join(', ')}\n` : ''),
  );
  process.exit(1);
}

/** From the global setup: a fresh registry of started processes, and the limit for the whole run. */
export function guardRun(): void {
  startRunRegistry();
  setTimeout(
    () =>
      fail(
        `The e2e run took longer than ${RUN_LIMIT_MS / 60_000} minutes (E2E_TIMEOUT_MINUTES) and was stopped: ` +
          'a test hangs. Run the files one by one (npx jest <file> --selectProjects e2e) to find it.',
      ),
    RUN_LIMIT_MS,
  ).unref();
}

/** From the global teardown: stop what failed tests left, and fail the run if jest then still cannot exit. */
export function guardExit(): void {
  const stopped = stopLeftovers();
  if (stopped.length > 0) {
    process.stderr.write(`\nStopped what the tests left running: ${stopped.join(', ')}\n`);
  }
  endRunRegistry();
  setTimeout(
    () =>
      fail(
        `jest did not exit ${EXIT_GRACE_MS / 1000} s after the e2e run: a test left an open handle (a server, ` +
          'a socket or a timer). Run with --detectOpenHandles to find it.',
      ),
    EXIT_GRACE_MS,
  ).unref();
}
