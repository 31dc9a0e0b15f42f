/**
 * The solver CLI against LEMON, each as a whole process on the same graph:
 *   npm run bench:solver [-- --size 20000 --k 50 --repeats 5 --seed 1]
 *
 * Builds the engine's own candidate graph of a synthetic municipality (size × size, K candidates a user: about
 * 1M edges at 20k), writes it twice (docs/solver.md's `p bmatch` form, and the same problem as DIMACS min-cost
 * flow: source → user (cap 1), user → contact (cap 1, cost −score), user → sink (cap 1, cost 0: may stay
 * unmatched), contact → sink (cap = capacity)), then times `node dist/scripts/solve.js` (compiled, as
 * `npm run solve` runs it) and LEMON's `dimacs-solver` (network simplex; Debian's liblemon-utils) in turns,
 * after one warm-up each, with /usr/bin/time for wall time and peak memory. The optimum of both must agree.
 * Target: our whole process ≤ 1.0× LEMON's, memory ≤ 2× LEMON's.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { findCandidates } from '../src/matching/engine/candidates';
import { syntheticInstance } from '../src/matching/engine/synthetic-instance';
import { withDefaults } from '../src/matching/engine/types';
import { BipartiteGraph, edgeCount } from '../src/matching/engine/bipartite-graph';

const root = join(__dirname, '..', '..');
const LEMON = '/usr/bin/dimacs-solver';
const TIME = '/usr/bin/time';

/** Writes the file from its lines (a 1M-edge graph is about 20 MB of text). */
function writeLines(path: string, lines: (write: (line: string) => void) => void): void {
  const all: string[] = [];
  lines((line) => all.push(line));
  writeFileSync(path, all.join(''));
}

function writeBMatch(graph: BipartiteGraph, path: string): void {
  writeLines(path, (line) => {
    line(`p bmatch ${graph.userCount} ${graph.contactCount} ${edgeCount(graph)}\n`);
    for (let c = 0; c < graph.contactCount; c++) line(`c ${c} ${graph.capacity[c]}\n`);
    for (let u = 0; u < graph.userCount; u++) {
      for (let e = graph.userStart[u]; e < graph.userStart[u + 1]; e++) {
        line(`e ${u} ${graph.edgeContact[e]} ${graph.edgeScore[e]}\n`);
      }
    }
  });
}

/** The same problem as min-cost flow in DIMACS form (1-based nodes: source, users, contacts, sink). */
function writeDimacs(graph: BipartiteGraph, path: string): void {
  const users = graph.userCount;
  const contacts = graph.contactCount;
  const source = 1;
  const user = (u: number) => 2 + u;
  const contact = (c: number) => 2 + users + c;
  const sink = 2 + users + contacts;
  const arcs = users * 2 + edgeCount(graph) + contacts;
  writeLines(path, (line) => {
    line(`p min ${sink} ${arcs}\n`);
    line(`n ${source} ${users}\n`);
    line(`n ${sink} ${-users}\n`);
    for (let u = 0; u < users; u++) {
      line(`a ${source} ${user(u)} 0 1 0\n`);
      line(`a ${user(u)} ${sink} 0 1 0\n`);
      for (let e = graph.userStart[u]; e < graph.userStart[u + 1]; e++) {
        line(`a ${user(u)} ${contact(graph.edgeContact[e])} 0 1 ${-graph.edgeScore[e]}\n`);
      }
    }
    for (let c = 0; c < contacts; c++) line(`a ${contact(c)} ${sink} 0 ${graph.capacity[c]} 0\n`);
  });
}

interface Timed {
  seconds: number;
  peakMb: number;
  /** What the process wrote (LEMON reports its optimum on stderr). */
  output: string;
}

/** One whole process under /usr/bin/time: wall seconds and peak resident memory. */
function timed(command: string, args: string[]): Timed {
  const result = spawnSync(TIME, ['-f', '%e %M', command, ...args], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr}`);
  const reported = result.stderr.trim().split('\n');
  const [seconds, kilobytes] = reported.pop()!.split(' ').map(Number);
  return { seconds, peakMb: kilobytes / 1024, output: `${result.stdout}\n${reported.join('\n')}` };
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      size: { type: 'string', default: '20000' },
      k: { type: 'string', default: '50' },
      repeats: { type: 'string', default: '5' },
      seed: { type: 'string', default: '1' },
    },
  });
  const size = Number(values.size);
  const repeats = Number(values.repeats);
  const ours = join(root, 'dist', 'scripts', 'solve.js');
  if (!existsSync(ours)) throw new Error(`${ours} is missing: run npm run bench:build`);

  const instance = syntheticInstance({ users: size, contacts: size, seed: Number(values.seed) });
  const graph = findCandidates(instance, withDefaults({ maxCandidatesPerUser: Number(values.k) }));
  const folder = mkdtempSync(join(tmpdir(), 'solver-bench-'));
  const bmatchFile = join(folder, 'graph.bmatch');
  const dimacsFile = join(folder, 'graph.min');
  writeBMatch(graph, bmatchFile);
  writeDimacs(graph, dimacsFile);
  console.log(
    `solver benchmark: ${size} users × ${size} contacts, ${edgeCount(graph).toLocaleString('en')} edges ` +
      `(K = ${values.k}), ${repeats} runs each after a warm-up, whole processes, node ${process.version}`,
  );

  try {
    const lemonInstalled = existsSync(LEMON);
    const runOurs = () => timed(process.execPath, [ours, bmatchFile]);
    const runLemon = () => timed(LEMON, [dimacsFile]);
    runOurs();
    if (lemonInstalled) runLemon();
    const oursRuns: Timed[] = [];
    const lemonRuns: Timed[] = [];
    for (let i = 0; i < repeats; i++) {
      oursRuns.push(runOurs());
      if (lemonInstalled) lemonRuns.push(runLemon());
    }
    const total = Number(/^s (-?\d+) /m.exec(oursRuns[0].output)?.[1]);
    const row = (name: string, runs: Timed[]) =>
      `  ${name.padEnd(34)} median ${median(runs.map((r) => r.seconds)).toFixed(2)} s ` +
      `(${runs.map((r) => r.seconds.toFixed(2)).join(' ')}) | peak ${median(runs.map((r) => r.peakMb)).toFixed(0)} MB`;
    console.log(row('npm run solve (node, compiled)', oursRuns));
    if (!lemonInstalled) {
      console.log(`  LEMON's dimacs-solver is not installed (apt-get install liblemon-utils): no ratio`);
      return;
    }
    console.log(row('LEMON dimacs-solver (network simplex)', lemonRuns));
    const lemonCost = Number(/Min flow cost: (-?\d+)/.exec(lemonRuns[0].output)?.[1]);
    const agree = -lemonCost === total;
    const timeRatio = median(oursRuns.map((r) => r.seconds)) / median(lemonRuns.map((r) => r.seconds));
    const memoryRatio = median(oursRuns.map((r) => r.peakMb)) / median(lemonRuns.map((r) => r.peakMb));
    console.log(
      `  optimum: ours ${total}, LEMON ${-lemonCost} (${agree ? 'equal' : 'DIFFERENT'})\n` +
        `  whole process ours/LEMON ${timeRatio.toFixed(2)}× (target ≤ 1.00×) ${timeRatio <= 1 ? 'met' : 'NOT met'}` +
        ` | peak memory ours/LEMON ${memoryRatio.toFixed(2)}× (target ≤ 2.00×) ${memoryRatio <= 2 ? 'met' : 'NOT met'}`,
    );
    if (!agree) process.exitCode = 1;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
