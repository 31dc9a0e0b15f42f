/**
 * The routes whose work costs far more than a request (or that guard a secret a client could guess) get a
 * budget of their own per client address and minute, on top of RATE_LIMIT_PER_MINUTE over the whole API.
 * Declared on each route with `@RateLimit(RATE_LIMITS.x)`; the OpenAPI document states each one.
 */
export const RATE_LIMITS = {
  /** POST /matching-runs: a run is minutes of CPU in the worker (one may wait at a time besides). */
  matchingRun: 20,
  /** Payroll and invoice exports: every approved timesheet of a period, as CSV or XLSX. */
  export: 30,
  /** Reports: aggregates over the whole municipality and a date range. */
  report: 30,
  /** The recruitment plan of a run. */
  recruitment: 30,
  /** The web sign-in's start and the identity provider's redirect back. */
  signIn: 30,
  /** Sending a one-time signing code (an e-mail or SMS each time). */
  oneTimeCodeSend: 10,
  /** Trying a one-time code: besides the code's own five tries, no address guesses codes of many timesheets. */
  oneTimeCodeConfirm: 30,
} as const;
