/**
 * Matching benchmark on seeded synthetic municipalities (as many contacts as users).
 *   npm run bench:matching -- [--sizes 1000,5000,20000,100000] [--e2e 20000,100000] [--repeats 3] [--k 50]
 *                             [--radius 15] [--seed 1]
 * Runs compiled (`npm run bench:build`). Each size and algorithm runs in a child process of its own, so memory
 * belongs to that run alone: a warm-up run (whose peak memory above the instance's own is the engine's), then
 * `--repeats` timed runs, of which the median is printed.
 * The end-to-end rows (`--e2e`) are the nightly run itself: a municipality of that many users and contacts seeded
 * in PostgreSQL (bench database BENCH_MATCHING_DATABASE_URL, default …/stottekontakt_bench_matching, dropped and
 * re-created), then the worker's MatchingRunExecutor in a Nest application context of the WorkerModule, loading
 * from PostgreSQL, solving, and writing the proposals in one transaction; timed and its peak memory sampled.
 * Targets: 20k × 20k end to end ≤ 5 s; 100k × 100k ≤ 60 s within 1.5 GB.
 */
import 'reflect-metadata';
import { fork } from 'node:child_process';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { seedLargeMunicipality } from '../scripts/demo/large-municipality';
import { todayInOslo } from '../src/common/dates';
import { dataSourceOptions } from '../src/database/data-source-options';
import { runMatching, MatchingResult } from '../src/matching/engine/engine';
import { syntheticInstance } from '../src/matching/engine/synthetic-instance';

interface Args {
  sizes: number[];
  e2e: number[];
  repeats: number;
  k: number;
  radius: number;
  seed: number;
  /** In a child: the one measurement it makes. */
  child?: { kind: 'engine'; size: number; solver: 'exact' | 'greedy' } | { kind: 'e2e'; size: number };
}

function parseArgs(argv: string[]): Args {
  const args: Args = {
    sizes: [1000, 5000, 20000, 100000],
    e2e: [20000],
    repeats: 3,
    k: 50,
    radius: 15,
    seed: 1,
  };
  const list = (value: string) =>
    value
      .split(',')
      .filter(Boolean)
      .map((s) => Number(s.trim()));
  for (let i = 0; i < argv.length; i += 2) {
    const value = argv[i + 1];
    switch (argv[i]) {
      case '--sizes':
        args.sizes = list(value);
        break;
      case '--e2e':
        args.e2e = list(value);
        break;
      case '--repeats':
        args.repeats = Math.max(1, Number(value));
        break;
      case '--k':
        args.k = Number(value);
        break;
      case '--radius':
        args.radius = Number(value);
        break;
      case '--seed':
        args.seed = Number(value);
        break;
      case '--child':
        args.child = JSON.parse(value) as Args['child'];
        break;
      default:
        throw new Error(`unknown argument ${argv[i]}`);
    }
  }
  return args;
}

interface RunFigures {
  candidatesMs: number;
  scoringMs: number;
  solveMs: number;
  totalMs: number;
  totalScore: number;
  matchedShare: number;
  candidatePairs: number;
  feasiblePairs: number;
  hoursRepairs: number;
}

interface EngineFigures {
  size: number;
  solver: 'exact' | 'greedy';
  generateMs: number;
  /** The median of the timed runs. */
  median: RunFigures;
  totals: number[];
  /** Peak resident memory above the instance's own, in the first (warm-up) run: the engine's memory. */
  enginePeakMb: number;
  /** Peak resident memory of the whole process. */
  processPeakMb: number;
}

interface EndToEndFigures {
  size: number;
  seedMs: number;
  totalsMs: number[];
  proposals: number;
  /** The steps of the last timed run, as the run's summary gives them. */
  steps: Record<string, number>;
  processPeakMb: number;
  aboveBaselineMb: number;
}

function figures(result: MatchingResult, users: number): RunFigures {
  const t = result.stats.timingsMs;
  return {
    candidatesMs: t.candidates,
    scoringMs: t.scoring,
    solveMs: t.solve,
    totalMs: t.total,
    totalScore: result.stats.totalScore,
    matchedShare: users === 0 ? 0 : result.stats.matchedUsers / users,
    candidatePairs: result.stats.candidatePairs,
    feasiblePairs: result.stats.feasiblePairs,
    hoursRepairs: result.stats.hoursRepairs,
  };
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const MB = 2 ** 20;

/** Samples the process's resident memory while `work` runs (also from a timer, for awaited work). */
async function peakRssDuring<T>(
  work: (sample: () => void) => Promise<T> | T,
): Promise<{ value: T; peak: number }> {
  let peak = process.memoryUsage().rss;
  const sample = () => {
    peak = Math.max(peak, process.memoryUsage().rss);
  };
  const timer = setInterval(sample, 20);
  try {
    const value = await work(sample);
    sample();
    return { value, peak };
  } finally {
    clearInterval(timer);
  }
}

async function measureEngine(size: number, solver: 'exact' | 'greedy', args: Args): Promise<EngineFigures> {
  const t0 = performance.now();
  const instance = syntheticInstance({ users: size, contacts: size, seed: args.seed });
  const generateMs = performance.now() - t0;
  const settings = { travelRadiusKm: args.radius, maxCandidatesPerUser: args.k };
  const baseline = process.memoryUsage().rss;
  const warm = await peakRssDuring((sample) =>
    runMatching(instance, settings, { solver, onProgress: sample }),
  );
  const runs: RunFigures[] = [];
  let processPeak = warm.peak;
  for (let i = 0; i < args.repeats; i++) {
    const run = await peakRssDuring((sample) =>
      runMatching(instance, settings, { solver, onProgress: sample }),
    );
    processPeak = Math.max(processPeak, run.peak);
    runs.push(figures(run.value, size));
  }
  const totals = runs.map((r) => r.totalMs);
  const middle = runs.find((r) => r.totalMs === median(totals)) ?? runs[0];
  return {
    size,
    solver,
    generateMs,
    median: middle,
    totals,
    enginePeakMb: (warm.peak - baseline) / MB,
    processPeakMb: processPeak / MB,
  };
}

/** The nightly run end to end on a municipality seeded in PostgreSQL, by the worker's own executor. */
async function measureEndToEnd(size: number, args: Args): Promise<EndToEndFigures> {
  const url =
    process.env.BENCH_MATCHING_DATABASE_URL ??
    'postgres://postgres@127.0.0.1:5432/stottekontakt_bench_matching';
  const name = new URL(url).pathname.slice(1);
  const admin = new Client({
    connectionString: Object.assign(new URL(url), { pathname: '/postgres' }).toString(),
  });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const owner = new DataSource(dataSourceOptions(url));
  await owner.initialize();
  await owner.runMigrations({ transaction: 'each' });
  const seeded = performance.now();
  const municipalityId = await seedLargeMunicipality(owner, size);
  await owner.query('ANALYZE');
  const seedMs = performance.now() - seeded;

  Object.assign(process.env, {
    DATABASE_URL: url,
    DATABASE_OWNER_URL: url,
    LOG_LEVEL: 'warn',
    SCHEDULER_ENABLED: 'false',
    LOCAL_SIGNER_ENABLED: 'true',
    QUEUE_PREFIX: `stottekontakt-bench-matching-${process.pid}`,
  });
  const { NestFactory } = await import('@nestjs/core');
  const { WorkerModule } = await import('../src/worker.module');
  const { MatchingRunExecutor } = await import('../src/matching/matching-run.executor');
  const app = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error', 'warn'] });
  const executor = app.get(MatchingRunExecutor);
  const totalsMs: number[] = [];
  let proposals = 0;
  let steps: Record<string, number> = {};
  const baseline = process.memoryUsage().rss;
  let processPeak = baseline;
  // A warm-up run, then the timed ones; each is a new queued run, as each night is.
  for (let i = 0; i <= args.repeats; i++) {
    const [run] = await owner.query(
      `INSERT INTO matching_runs (municipality_id, trigger, status, run_date, requested_by)
       VALUES ($1, 'manual', 'queued', $2, 'bench') RETURNING id`,
      [municipalityId, todayInOslo(new Date())],
    );
    const started = performance.now();
    const { value: summary, peak } = await peakRssDuring(() =>
      executor.execute(run.id, async () => undefined),
    );
    const elapsed = performance.now() - started;
    processPeak = Math.max(processPeak, peak);
    if (i > 0) totalsMs.push(elapsed);
    proposals = summary?.proposed ?? 0;
    steps = (summary?.timingsMs ?? {}) as Record<string, number>;
  }
  await app.close();
  await owner.destroy();
  return {
    size,
    seedMs,
    totalsMs,
    proposals,
    steps,
    processPeakMb: processPeak / MB,
    aboveBaselineMb: (processPeak - baseline) / MB,
  };
}

const ms = (x: number) => `${Math.round(x).toLocaleString('en-US')} ms`;
const int = (x: number) => Math.round(x).toLocaleString('en-US');
const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

function printSize(exact: EngineFigures, greedy: EngineFigures): void {
  const line = (f: EngineFigures) => {
    const r = f.median;
    return (
      `  ${f.solver.padEnd(6)} candidates ${ms(r.candidatesMs)} | scoring ${ms(r.scoringMs)} | solve ${ms(r.solveMs)} | ` +
      `total ${ms(r.totalMs)} (median of ${f.totals.map((t) => int(t)).join(', ')}) | score ${int(r.totalScore)} | ` +
      `matched ${pct(r.matchedShare)} | engine peak ${int(f.enginePeakMb)} MB (process ${int(f.processPeakMb)} MB)` +
      (r.hoursRepairs > 0 ? ` | hours repairs ${r.hoursRepairs}` : '')
    );
  };
  console.log(
    `${int(exact.size)} users × ${int(exact.size)} contacts (generated in ${ms(exact.generateMs)})`,
  );
  console.log(
    `  candidate pairs ${int(exact.median.candidatePairs)} (feasible before cap ${int(exact.median.feasiblePairs)})`,
  );
  console.log(line(exact));
  console.log(line(greedy));
  console.log(
    `  ratios score exact/greedy ${(exact.median.totalScore / Math.max(1, greedy.median.totalScore)).toFixed(4)} | ` +
      `solve time exact/greedy ${(exact.median.solveMs / Math.max(0.001, greedy.median.solveMs)).toFixed(1)}× | ` +
      `total exact/greedy ${(exact.median.totalMs / Math.max(0.001, greedy.median.totalMs)).toFixed(2)}×`,
  );
}

const TARGETS: Record<number, { seconds: number; megabytes?: number }> = {
  20000: { seconds: 5 },
  100000: { seconds: 60, megabytes: 1536 },
};

function printEndToEnd(f: EndToEndFigures): void {
  const total = median(f.totalsMs);
  const target = TARGETS[f.size];
  const verdict = target
    ? ` | target ≤ ${target.seconds} s${target.megabytes ? ` in ≤ ${target.megabytes / 1024} GB` : ''}: ` +
      (total <= target.seconds * 1000 && (!target.megabytes || f.processPeakMb <= target.megabytes)
        ? 'met'
        : 'NOT met')
    : '';
  console.log(
    `end to end, ${int(f.size)} × ${int(f.size)} seeded in PostgreSQL (in ${ms(f.seedMs)}): load, solve and write ` +
      `${int(f.proposals)} proposals in one transaction ${ms(total)} (median of ${f.totalsMs.map(int).join(', ')}) | ` +
      `peak ${int(f.processPeakMb)} MB (${int(f.aboveBaselineMb)} MB above the worker's baseline)${verdict}\n` +
      `  steps of the last run: ${Object.entries(f.steps)
        .map(([step, time]) => `${step} ${ms(time)}`)
        .join(' | ')}`,
  );
}

function inChild<T>(child: NonNullable<Args['child']>, args: Args): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const forked = fork(
      __filename,
      [
        '--child',
        JSON.stringify(child),
        '--repeats',
        String(args.repeats),
        '--k',
        String(args.k),
        '--radius',
        String(args.radius),
        '--seed',
        String(args.seed),
      ],
      { execArgv: process.execArgv },
    );
    forked.once('message', (m) => resolve(m as T));
    forked.once(
      'exit',
      (code) => code !== 0 && reject(new Error(`${JSON.stringify(child)}: exited with ${code}`)),
    );
  });
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.child) {
    const result =
      args.child.kind === 'e2e'
        ? await measureEndToEnd(args.child.size, args)
        : await measureEngine(args.child.size, args.child.solver, args);
    process.send?.(result);
    process.disconnect?.();
    return;
  }
  console.log(
    `matching benchmark: radius ${args.radius} km, candidate cap K = ${args.k}, seed ${args.seed}, ` +
      `${args.repeats} timed runs after a warm-up, compiled, node ${process.version}`,
  );
  for (const size of args.sizes) {
    const exact = await inChild<EngineFigures>({ kind: 'engine', size, solver: 'exact' }, args);
    const greedy = await inChild<EngineFigures>({ kind: 'engine', size, solver: 'greedy' }, args);
    printSize(exact, greedy);
  }
  for (const size of args.e2e) printEndToEnd(await inChild<EndToEndFigures>({ kind: 'e2e', size }, args));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
