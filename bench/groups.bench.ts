/**
 * Group formation benchmark: the heuristic (src/matching/engine/groups) against the exact optimum of the same
 * model, an integer program solved by HiGHS, on seeded instances small enough to solve; then the heuristic
 * alone at a realistic size.
 *   npm run bench:groups -- [--seeds 3] [--sizes 12,18,24,30] [--large 300,1000]
 * Gap = (optimum − heuristic) / optimum. "greedy" is the construction alone (no local moves, no search).
 */
import { formGroups } from '../src/matching/engine/groups/formation';
import { checkFormation } from '../src/matching/engine/groups/rules';
import { groupFormationOptimum } from '../src/matching/engine/groups/testing/group-ilp';
import {
  GroupInstanceShape,
  randomGroupInstance,
  SMALL_SHAPE,
} from '../src/matching/engine/groups/testing/random-group-instances';
import { withGroupDefaults } from '../src/matching/engine/groups/types';

interface Args {
  seeds: number;
  sizes: number[];
  large: number[];
}

function parseArgs(argv: string[]): Args {
  const args: Args = { seeds: 3, sizes: [12, 18, 24, 30], large: [300, 1000] };
  for (let i = 0; i < argv.length; i += 2) {
    const value = argv[i + 1];
    if (argv[i] === '--seeds') args.seeds = Number(value);
    else if (argv[i] === '--sizes') args.sizes = value.split(',').map(Number);
    else if (argv[i] === '--large') args.large = value.split(',').filter(Boolean).map(Number);
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  return args;
}

const pct = (x: number) => `${(100 * x).toFixed(2)} %`;
const ms = (x: number) => `${Math.round(x)} ms`;
const pad = (cells: (string | number)[], widths: number[]) =>
  cells.map((c, i) => String(c).padStart(widths[i])).join('  ');

const smallShape = (users: number): GroupInstanceShape => ({
  ...SMALL_SHAPE,
  users,
  contacts: Math.max(2, Math.ceil(users / 5)),
  existingGroups: users >= 20 ? 2 : 1,
});

const largeShape = (users: number): GroupInstanceShape => ({
  users,
  contacts: Math.ceil(users / 7),
  existingGroups: Math.ceil(users / 20),
  themes: 8,
  spreadKm: 20,
  neighbourhoods: Math.max(4, Math.round(users / 40)),
  blocks: 7,
});

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const settings = withGroupDefaults();
  console.log('Group formation: heuristic vs exact optimum (HiGHS ILP), same model and objective');
  const widths = [5, 4, 8, 6, 9, 9, 9, 9, 8, 9, 9, 9];
  console.log(
    pad(
      [
        'users',
        'seed',
        'contacts',
        'placed',
        'greedy',
        'heuristic',
        'optimum',
        'gap',
        'greedy',
        'heur ms',
        'ILP ms',
        'ILP vars',
      ],
      widths,
    ),
  );
  const gaps: number[] = [];
  const greedyGaps: number[] = [];
  for (const users of args.sizes) {
    for (let seed = 1; seed <= args.seeds; seed++) {
      const instance = randomGroupInstance(seed * 7919 + users, smallShape(users));
      const greedy = formGroups(instance, { maxImprovementPasses: 0, searchIterations: 0 });
      const heuristic = formGroups(instance);
      const problems = checkFormation(instance, settings, heuristic);
      if (problems.length > 0) throw new Error(`invariant broken: ${problems.join('; ')}`);
      const exact = await groupFormationOptimum(instance, {}, 120);
      const gap = exact.objective > 0 ? (exact.objective - heuristic.objective) / exact.objective : 0;
      const greedyGap = exact.objective > 0 ? (exact.objective - greedy.objective) / exact.objective : 0;
      gaps.push(gap);
      greedyGaps.push(greedyGap);
      console.log(
        pad(
          [
            users,
            seed,
            instance.contacts.count,
            `${heuristic.stats.placedUsers}/${users}`,
            greedy.objective,
            heuristic.objective,
            `${exact.objective}${exact.optimal ? '' : '*'}`,
            pct(gap),
            pct(greedyGap),
            ms(heuristic.stats.timingsMs.total),
            ms(exact.solveMs + exact.buildMs),
            exact.variables,
          ],
          widths,
        ),
      );
    }
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  console.log(
    `gap to optimum: mean ${pct(mean(gaps))}, worst ${pct(Math.max(...gaps))}, optimal in ${gaps.filter((g) => g === 0).length}/${gaps.length}` +
      ` (greedy construction alone: mean ${pct(mean(greedyGaps))}, worst ${pct(Math.max(...greedyGaps))})` +
      '  [* = ILP stopped at its time limit]',
  );

  if (args.large.length === 0) return;
  console.log('\nHeuristic alone at a realistic size (no exact optimum at this size)');
  const largeWidths = [6, 8, 6, 10, 7, 8, 10, 9, 9, 9, 9];
  console.log(
    pad(
      [
        'users',
        'contacts',
        'groups',
        'open seats',
        'new',
        'filled',
        'placed',
        'greedy',
        'heuristic',
        'greedy ms',
        'total ms',
      ],
      largeWidths,
    ),
  );
  for (const users of args.large) {
    const instance = randomGroupInstance(users, largeShape(users));
    const openSeats = Array.from(instance.groups.memberCount).reduce(
      (n, m) => n + Math.max(0, settings.maxGroupSize - m),
      0,
    );
    const greedy = formGroups(instance, { maxImprovementPasses: 0, searchIterations: 0 });
    const heuristic = formGroups(instance);
    const problems = checkFormation(instance, settings, heuristic);
    if (problems.length > 0) throw new Error(`invariant broken: ${problems.join('; ')}`);
    console.log(
      pad(
        [
          users,
          instance.contacts.count,
          instance.groups.count,
          openSeats,
          heuristic.stats.newGroups,
          heuristic.stats.seatsFilled,
          `${pct(heuristic.stats.placedUsers / users)}`,
          greedy.objective,
          heuristic.objective,
          ms(greedy.stats.timingsMs.total),
          ms(heuristic.stats.timingsMs.total),
        ],
        largeWidths,
      ),
    );
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
