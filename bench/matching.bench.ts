/**
 * Matching benchmark on seeded synthetic municipalities (as many contacts as users).
 *   node -r ts-node/register/transpile-only bench/matching.bench.ts [--sizes 1000,5000,20000,100000] [--k 50] [--radius 15] [--seed 1]
 * Each size runs in its own child process so peak memory belongs to that size alone.
 * Targets: 20k × 20k end to end < 5 s on one core; 100k × 100k < 60 s within 1.5 GB.
 */
import { fork } from 'node:child_process';
import { runMatching, MatchingResult } from '../src/matching/engine/engine';
import { syntheticInstance } from '../src/matching/engine/synthetic-instance';

interface Args {
  sizes: number[];
  k: number;
  radius: number;
  seed: number;
  one?: number;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { sizes: [1000, 5000, 20000, 100000], k: 50, radius: 15, seed: 1 };
  for (let i = 0; i < argv.length; i += 2) {
    const value = argv[i + 1];
    switch (argv[i]) {
      case '--sizes':
        args.sizes = value.split(',').map((s) => Number(s.trim()));
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
      case '--one':
        args.one = Number(value);
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

interface SizeFigures {
  size: number;
  generateMs: number;
  exact: RunFigures;
  /** CPU time of the exact run: the honest figure when the machine is shared. */
  exactCpuMs: number;
  greedy: RunFigures;
  peakRssMb: number;
  peakHeapMb: number;
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

function measureOne(size: number, args: Args): SizeFigures {
  let peakRss = 0;
  let peakHeap = 0;
  const sample = () => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  };
  const t0 = performance.now();
  const instance = syntheticInstance({ users: size, contacts: size, seed: args.seed });
  const generateMs = performance.now() - t0;
  const settings = { travelRadiusKm: args.radius, maxCandidatesPerUser: args.k };
  sample();
  const cpu0 = process.cpuUsage();
  const exact = runMatching(instance, settings, { onProgress: sample });
  const cpu1 = process.cpuUsage(cpu0);
  sample();
  const greedy = runMatching(instance, settings, { solver: 'greedy' });
  return {
    size,
    generateMs,
    exact: figures(exact, size),
    exactCpuMs: (cpu1.user + cpu1.system) / 1000,
    greedy: figures(greedy, size),
    peakRssMb: peakRss / 2 ** 20,
    peakHeapMb: peakHeap / 2 ** 20,
  };
}

const ms = (x: number) => `${Math.round(x).toLocaleString('en-US')} ms`;
const int = (x: number) => Math.round(x).toLocaleString('en-US');
const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

function print(f: SizeFigures): void {
  const line = (name: string, r: RunFigures) =>
    `  ${name.padEnd(6)} candidates ${ms(r.candidatesMs)} | scoring ${ms(r.scoringMs)} | solve ${ms(r.solveMs)} | total ${ms(r.totalMs)} | score ${int(r.totalScore)} | matched ${pct(r.matchedShare)}` +
    (r.hoursRepairs > 0 ? ` | hours repairs ${r.hoursRepairs}` : '');
  console.log(`${int(f.size)} users × ${int(f.size)} contacts (generated in ${ms(f.generateMs)})`);
  console.log(
    `  candidate pairs ${int(f.exact.candidatePairs)} (feasible before cap ${int(f.exact.feasiblePairs)})`,
  );
  console.log(line('exact', f.exact));
  console.log(line('greedy', f.greedy));
  console.log(
    `  ratios score exact/greedy ${(f.exact.totalScore / Math.max(1, f.greedy.totalScore)).toFixed(4)} | solve time exact/greedy ${(f.exact.solveMs / Math.max(0.001, f.greedy.solveMs)).toFixed(1)}× | end-to-end exact/greedy ${(f.exact.totalMs / Math.max(0.001, f.greedy.totalMs)).toFixed(2)}×`,
  );
  console.log(
    `  exact run cpu ${ms(f.exactCpuMs)} | peak rss ${int(f.peakRssMb)} MB | peak heap ${int(f.peakHeapMb)} MB`,
  );
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.one !== undefined) {
    process.send?.(measureOne(args.one, args));
    return;
  }
  console.log(
    `matching benchmark: radius ${args.radius} km, candidate cap K = ${args.k}, seed ${args.seed}, node ${process.version}`,
  );
  for (const size of args.sizes) {
    const result = await new Promise<SizeFigures>((resolve, reject) => {
      const child = fork(
        __filename,
        [
          '--one',
          String(size),
          '--k',
          String(args.k),
          '--radius',
          String(args.radius),
          '--seed',
          String(args.seed),
        ],
        {
          execArgv: process.execArgv,
        },
      );
      child.once('message', (m) => resolve(m as SizeFigures));
      child.once(
        'exit',
        (code) => code !== 0 && reject(new Error(`size ${size}: child exited with ${code}`)),
      );
    });
    print(result);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
