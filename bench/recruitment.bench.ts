/**
 * Recruitment benchmark on seeded synthetic municipalities (src/matching/engine/synthetic-instance.ts).
 *   npm run bench:recruitment [-- --sizes 5000,20000] [--share 1] [--small 300,600,1000] [--small-share 0.8] [--seeds 3]
 * 1. Time to compute 10 profiles after the run (target ≤ 10 s at 20k users), and the users they serve against
 *    10 random contacts of the municipality's own kind and 10 random candidate profiles (each the mean of 5 draws,
 *    with the same capacity as a profile: 3 users).
 * 2. On small instances: the greedy set against the best 10 of the same candidates, an integer program solved by
 *    HiGHS (max users matched; same hard rules, the edges are the engine's own feasible pairs). Greedy is within
 *    (1 − 1/e) ≈ 63 % of it in theory; the ratio printed is what it is here.
 */
import { findCandidates } from '../src/matching/engine/candidates';
import { runMatching } from '../src/matching/engine/engine';
import { ContactInput } from '../src/matching/engine/instance-builder';
import { seededRandom, syntheticInstance } from '../src/matching/engine/synthetic-instance';
import { loadHighs } from '../src/matching/engine/testing/highs';
import { DAYS_PER_WEEK, MatchingInstance, withDefaults } from '../src/matching/engine/types';
import { candidateProfiles, codesOf } from '../src/recruitment/candidate-profiles';
import { coverageWith, residualProblem, selectGreedy } from '../src/recruitment/greedy-selection';
import { planRecruitment, RECRUITMENT_DEFAULTS } from '../src/recruitment/recruitment-plan';

interface Args {
  sizes: number[];
  share: number;
  small: number[];
  smallShare: number;
  seeds: number;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { sizes: [5000, 20000], share: 1, small: [300, 600, 1000], smallShare: 0.8, seeds: 3 };
  for (let i = 0; i < argv.length; i += 2) {
    const value = argv[i + 1];
    if (argv[i] === '--sizes') args.sizes = value.split(',').filter(Boolean).map(Number);
    else if (argv[i] === '--share') args.share = Number(value);
    else if (argv[i] === '--small') args.small = value.split(',').filter(Boolean).map(Number);
    else if (argv[i] === '--small-share') args.smallShare = Number(value);
    else if (argv[i] === '--seeds') args.seeds = Number(value);
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  return args;
}

const TARGET_MS_AT_20K = 10_000;
const DRAWS = 5;
const pad = (cells: (string | number)[], widths: number[]) =>
  cells.map((c, i) => String(c).padStart(widths[i])).join('  ');
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

/** A contact of the municipality's own kind, recruited at random: an existing contact's home, times and likes. */
function cloneContact(instance: MatchingInstance, c: number, id: string): ContactInput {
  const { contacts } = instance;
  const availability = [];
  for (let d = 0; d < DAYS_PER_WEEK; d++) {
    const word = contacts.availability[c * DAYS_PER_WEEK + d];
    for (let s = 0; s < 32; s++) {
      if (!((word >>> s) & 1)) continue;
      let e = s;
      while (e < 32 && (word >>> e) & 1) e++;
      availability.push({ day: d, startMinute: 420 + 30 * s, endMinute: 420 + 30 * e });
      s = e;
    }
  }
  return {
    id,
    lat: contacts.lat[c],
    lon: contacts.lon[c],
    interests: codesOf(contacts.interests, c * 2, 2, 64),
    languages: codesOf(contacts.languages, c, 1, 32),
    availability,
    age: contacts.age[c],
    gender: (['unspecified', 'female', 'male', 'other'] as const)[contacts.gender[c]],
    eligible: true,
    freeUserSlots: RECRUITMENT_DEFAULTS.maxUsersPerProfile,
    freeWeeklyHours: 15,
  };
}

function atScale(args: Args): void {
  console.log(
    `Recruitment at scale: 10 profiles after the run (contacts = ${args.share} × users; target ≤ ${TARGET_MS_AT_20K / 1000} s at 20k)`,
  );
  const widths = [7, 8, 9, 10, 9, 6, 7, 9, 9, 8, 7];
  console.log(
    pad(
      [
        'users',
        'waiting',
        'run ms',
        'plan ms',
        'plan cpu',
        'evals',
        'greedy',
        'rnd-cont',
        'rnd-prof',
        'no-recr',
        'left',
      ],
      widths,
    ),
  );
  const settings = withDefaults();
  for (const n of args.sizes) {
    const instance = syntheticInstance({ users: n, contacts: Math.round(n * args.share), seed: 1 });
    const t0 = performance.now();
    const result = runMatching(instance, settings);
    const runMs = performance.now() - t0;
    const t1 = performance.now();
    const cpu0 = process.cpuUsage();
    const plan = planRecruitment({
      instance,
      result,
      settings,
      postalCodes: [],
      drivingGranted: [],
      interestLabels: [],
      languageLabels: [],
      waitingDaysWithoutLocation: [],
    });
    const planMs = performance.now() - t1;
    const cpu = process.cpuUsage(cpu0);
    const planCpuMs = (cpu.user + cpu.system) / 1000;

    const waiting = result.unmatched.map((u) => u.userIndex).sort((a, b) => a - b);
    const problem = residualProblem(instance, result, settings, waiting);
    const base = coverageWith(problem, []).matched;
    const candidates = candidateProfiles(instance, waiting, [], [], {
      travelRadiusKm: settings.travelRadiusKm,
      minMeetingMinutes: settings.minMeetingMinutes,
      maxUsersPerProfile: RECRUITMENT_DEFAULTS.maxUsersPerProfile,
      maxCandidates: RECRUITMENT_DEFAULTS.maxCandidates,
    });
    const random = seededRandom(42);
    const randomContacts: number[] = [];
    const randomProfiles: number[] = [];
    for (let draw = 0; draw < DRAWS; draw++) {
      const contacts = Array.from({ length: 10 }, (_, k) =>
        cloneContact(instance, Math.floor(random() * instance.contacts.count), `random:${draw}:${k}`),
      );
      randomContacts.push(coverageWith(problem, contacts).matched - base);
      const profiles = Array.from(
        { length: Math.min(10, candidates.length) },
        () => candidates[Math.floor(random() * candidates.length)].contact,
      );
      randomProfiles.push(coverageWith(problem, profiles).matched - base);
    }
    console.log(
      pad(
        [
          n,
          plan.forecast.waitingNow,
          Math.round(runMs),
          `${Math.round(planMs)}${n === 20000 ? (planMs <= TARGET_MS_AT_20K ? ' ok' : ' SLOW') : ''}`,
          Math.round(planCpuMs),
          plan.computation.evaluations,
          plan.forecast.servedByProfiles,
          mean(randomContacts).toFixed(1),
          mean(randomProfiles).toFixed(1),
          plan.forecast.matchableWithoutRecruiting,
          plan.forecast.stillWaiting,
        ],
        widths,
      ),
    );
  }
  console.log(
    '  plan cpu = CPU ms of the plan (the honest figure on a shared machine);\n' +
      '  waiting = left unmatched by the run; greedy / rnd-cont / rnd-prof = more users matched by the 10 greedy profiles,\n' +
      '  10 random contacts of the municipality’s kind, 10 random candidate profiles; no-recr = matchable by contacts with\n' +
      '  room left (outside the run’s 50-candidate cap); left = still waiting with the greedy profiles recruited',
  );
}

/** Max users matched with at most `k` of the candidates (or exactly the `fixed` ones), by HiGHS. */
async function optimum(
  problem: ReturnType<typeof residualProblem>,
  candidates: { contact: ContactInput }[],
  choice: { k: number } | { fixed: number[] },
): Promise<number> {
  const { withExtraContacts } = await import('../src/recruitment/sub-instance');
  const pool = withExtraContacts(
    problem.instance,
    candidates.map((c) => c.contact),
  );
  const settings = { ...problem.settings, maxCandidatesPerUser: pool.contacts.count, minFeasibleScanned: 0 };
  const graph = findCandidates(pool, settings);
  const base = problem.instance.contacts.count;
  const byContact: { x: string; hours: number }[][] = Array.from({ length: pool.contacts.count }, () => []);
  const rows: string[] = [];
  const xs: string[] = [];
  for (let u = 0; u < pool.users.count; u++) {
    const terms: string[] = [];
    for (let e = graph.userStart[u]; e < graph.userStart[u + 1]; e++) {
      const x = `x${e}`;
      terms.push(x);
      xs.push(x);
      byContact[graph.edgeContact[e]].push({ x, hours: pool.users.weeklyHours[u] });
    }
    if (terms.length > 0) rows.push(` u${u}: ${terms.join(' + ')} <= 1`);
  }
  if (xs.length === 0) return 0;
  const ys: string[] = [];
  byContact.forEach((terms, c) => {
    if (terms.length === 0) return;
    const slots = pool.contacts.freeUserSlots[c];
    const hours = pool.contacts.freeWeeklyHours[c];
    const count = terms.map((t) => t.x).join(' + ');
    const load = terms.map((t) => `${t.hours} ${t.x}`).join(' + ');
    if (c < base) {
      rows.push(` s${c}: ${count} <= ${slots}`, ` h${c}: ${load} <= ${hours}`);
    } else {
      const y = `y${c - base}`;
      ys.push(y);
      rows.push(` s${c}: ${count} - ${slots} ${y} <= 0`, ` h${c}: ${load} - ${hours} ${y} <= 0`);
    }
  });
  if ('k' in choice) {
    if (ys.length > 0) rows.push(` k: ${ys.join(' + ')} <= ${choice.k}`);
  } else {
    const fixed = new Set(choice.fixed.map((i) => `y${i}`));
    for (const y of ys) rows.push(` f${y}: ${y} ${fixed.has(y) ? '>= 1' : '<= 0'}`);
  }
  const lp = [
    'Maximize',
    ` obj: ${xs.join(' + ')}`,
    'Subject To',
    ...rows,
    'Binary',
    ` ${[...xs, ...ys].join(' ')}`,
    'End',
  ].join('\n');
  const solution = (await loadHighs()).solve(lp, { output_flag: false, time_limit: 120 });
  if (solution.Status !== 'Optimal') throw new Error(`HiGHS: ${solution.Status}`);
  return Math.round(solution.ObjectiveValue);
}

async function againstOptimum(args: Args): Promise<void> {
  console.log(
    `\nGreedy vs the exact best 10 of the same candidates (HiGHS ILP, max users matched; contacts = ${args.smallShare} × users)`,
  );
  const widths = [6, 5, 8, 6, 8, 8, 8, 8, 9];
  console.log(
    pad(['users', 'seed', 'waiting', 'cands', 'greedy', 'g-ilp', 'optimum', 'ratio', 'ilp ms'], widths),
  );
  const settings = withDefaults();
  const ratios: number[] = [];
  for (const n of args.small) {
    for (let seed = 1; seed <= args.seeds; seed++) {
      const instance = syntheticInstance({
        users: n,
        contacts: Math.round(n * args.smallShare),
        seed,
        towns: 2,
      });
      const result = runMatching(instance, settings);
      const waiting = result.unmatched.map((u) => u.userIndex).sort((a, b) => a - b);
      const candidates = candidateProfiles(instance, waiting, [], [], {
        travelRadiusKm: settings.travelRadiusKm,
        minMeetingMinutes: settings.minMeetingMinutes,
        maxUsersPerProfile: RECRUITMENT_DEFAULTS.maxUsersPerProfile,
        maxCandidates: RECRUITMENT_DEFAULTS.maxCandidates,
      });
      const problem = residualProblem(instance, result, settings, waiting);
      const selection = selectGreedy(problem, candidates, RECRUITMENT_DEFAULTS.maxProfiles);
      const greedyEngine = selection.final.matched - selection.baseline.matched;
      const t0 = performance.now();
      const none = await optimum(problem, candidates, { k: 0 });
      const best = (await optimum(problem, candidates, { k: RECRUITMENT_DEFAULTS.maxProfiles })) - none;
      const greedyIlp =
        (await optimum(problem, candidates, { fixed: selection.steps.map((s) => s.candidate) })) - none;
      const ilpMs = performance.now() - t0;
      const ratio = best === 0 ? 1 : greedyIlp / best;
      ratios.push(ratio);
      console.log(
        pad(
          [
            n,
            seed,
            waiting.length,
            candidates.length,
            greedyEngine,
            greedyIlp,
            best,
            `${(100 * ratio).toFixed(1)} %`,
            Math.round(ilpMs),
          ],
          widths,
        ),
      );
    }
  }
  console.log(
    `  greedy = more users matched by the greedy profiles as the engine solves it; g-ilp = the same profiles under the\n` +
      `  ILP's max-cardinality matching; optimum = best 10 candidates; ratio = g-ilp / optimum. ` +
      `Mean ratio ${(100 * mean(ratios)).toFixed(1)} %, worst ${(100 * Math.min(...ratios)).toFixed(1)} % ` +
      `(bound: ≥ ${(100 * (1 - 1 / Math.E)).toFixed(1)} %)`,
  );
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.sizes.length > 0) atScale(args);
  if (args.small.length > 0) await againstOptimum(args);
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
