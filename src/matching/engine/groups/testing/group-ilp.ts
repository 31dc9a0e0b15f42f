/**
 * The exact optimum of group formation as an integer program, solved by HiGHS (WASM): slow, for instances of a
 * few dozen users, to measure the heuristic's gap. Same model, rules and scores as the heuristic (types.ts):
 *
 *   y_k      template k (anchor a, theme t, window w, contact c) is opened; the anchor is its member
 *   x_{k,u}  user u joins template k           (only users that fit k: theme, window, radius, exclusions)
 *   z_{g,u}  user u takes a seat in existing group g
 *   max  Σ y_k·(score(a_k) + themeBonus_k) + Σ x_{k,u}·score(u, k) + Σ z_{g,u}·(score(u, g) + seatFill)
 *   s.t. x_{k,u} ≤ y_k;   (min−1)·y_k ≤ Σ_u x_{k,u} ≤ (max−1)·y_k
 *        each user: Σ_{k anchored at u} y_k + Σ_k x_{k,u} + Σ_g z_{g,u} ≤ 1
 *        each contact: Σ_{k with contact c} y_k ≤ its group capacity;  each existing group: Σ_u z_{g,u} ≤ open seats
 */
import { candidateWindows, GroupInstance, groupCapacity, userFreeInWindow } from '../instance';
import {
  contactFits,
  contactThemeBonus,
  fitsExistingGroup,
  fitsNewGroup,
  hasInterest,
  isExcluded,
  memberScore,
  userDistanceKm,
} from '../rules';
import { GroupSettings, withGroupDefaults } from '../types';
import { loadHighs } from '../../testing/highs';

export interface IlpResult {
  /** The optimum when `optimal`; else the best solution found within the time limit. */
  objective: number;
  optimal: boolean;
  status: string;
  templates: number;
  variables: number;
  buildMs: number;
  solveMs: number;
  /** The groups of the solution found, as readable lines (for diagnosing a gap). */
  solution: string[];
}

export async function groupFormationOptimum(
  instance: GroupInstance,
  partialSettings: Partial<GroupSettings> = {},
  timeLimitSeconds = 120,
): Promise<IlpResult> {
  const started = performance.now();
  const settings = withGroupDefaults(partialSettings);
  const { users, contacts, groups } = instance;
  const windows = candidateWindows(instance, settings);
  const objective: string[] = [];
  const rows: string[] = [];
  const userTerms: string[][] = Array.from({ length: users.count }, () => []);
  const contactTerms: string[][] = Array.from({ length: contacts.count }, () => []);
  const binaries: string[] = [];
  let templates = 0;
  const described = new Map<string, string>();

  for (let a = 0; a < users.count; a++) {
    const lat = users.lat[a];
    const lon = users.lon[a];
    for (let theme = 0; theme < 64; theme++) {
      if (!hasInterest(users.interests, a, theme)) continue;
      windows.windows.forEach((w, wi) => {
        if (!userFreeInWindow(windows, wi, a)) return;
        for (let c = 0; c < contacts.count; c++) {
          if (groupCapacity(instance, settings, c) <= 0 || isExcluded(instance, a, c)) continue;
          if (!contactFits(instance, settings, c, a, w)) continue;
          const members: number[] = [];
          for (let u = 0; u < users.count; u++) {
            if (u === a || userDistanceKm(instance, u, lat, lon) > settings.groupRadiusKm) continue;
            if (fitsNewGroup(instance, settings, u, a, theme, w, [c])) members.push(u);
          }
          if (members.length < settings.minGroupSize - 1) continue;
          const k = templates++;
          described.set(`y${k}`, `anchor ${a} theme ${theme} window ${w.day}/${w.startSlot} contact ${c}`);
          const y = `y${k}`;
          binaries.push(y);
          const anchorValue =
            memberScore(instance, settings, a, lat, lon, false) +
            contactThemeBonus(instance, settings, c, theme);
          objective.push(`${anchorValue} ${y}`);
          userTerms[a].push(y);
          contactTerms[c].push(y);
          const xs = members.map((u) => {
            const x = `x${k}_${u}`;
            binaries.push(x);
            objective.push(`${memberScore(instance, settings, u, lat, lon, false)} ${x}`);
            userTerms[u].push(x);
            rows.push(`${x} - ${y} <= 0`);
            return x;
          });
          rows.push(`${xs.join(' + ')} - ${settings.maxGroupSize - 1} ${y} <= 0`);
          rows.push(`${xs.join(' + ')} - ${settings.minGroupSize - 1} ${y} >= 0`);
        }
      });
    }
  }
  for (let g = 0; g < groups.count; g++) {
    const seats = settings.maxGroupSize - groups.memberCount[g];
    if (seats <= 0) continue;
    const zs: string[] = [];
    for (let u = 0; u < users.count; u++) {
      if (!fitsExistingGroup(instance, settings, u, g)) continue;
      const z = `z${g}_${u}`;
      binaries.push(z);
      objective.push(`${memberScore(instance, settings, u, groups.lat[g], groups.lon[g], true)} ${z}`);
      userTerms[u].push(z);
      zs.push(z);
    }
    if (zs.length > 0) rows.push(`${zs.join(' + ')} <= ${seats}`);
  }
  userTerms.forEach((terms) => terms.length > 1 && rows.push(`${terms.join(' + ')} <= 1`));
  contactTerms.forEach(
    (terms, c) =>
      terms.length > 0 && rows.push(`${terms.join(' + ')} <= ${groupCapacity(instance, settings, c)}`),
  );
  const buildMs = performance.now() - started;
  if (binaries.length === 0) {
    return {
      objective: 0,
      optimal: true,
      status: 'Optimal',
      templates,
      variables: 0,
      buildMs,
      solveMs: 0,
      solution: [],
    };
  }
  const lp = [
    'Maximize',
    ` obj: ${objective.join(' + ')}`,
    'Subject To',
    ...rows.map((row, i) => ` r${i}: ${row}`),
    'Binary',
    ...chunk(binaries, 50).map((names) => ` ${names.join(' ')}`),
    'End',
  ].join('\n');
  const solveStarted = performance.now();
  const result = (await loadHighs()).solve(lp, { output_flag: false, time_limit: timeLimitSeconds });
  const solveMs = performance.now() - solveStarted;
  const optimal = result.Status === 'Optimal';
  if (!optimal && result.Status !== 'Time limit reached') throw new Error(`HiGHS: ${result.Status}`);
  return {
    objective: Math.round(result.ObjectiveValue),
    optimal,
    status: result.Status,
    templates,
    variables: binaries.length,
    buildMs,
    solveMs,
    solution: Object.entries(result.Columns ?? {})
      .filter(([name, column]) => (column.Primal ?? 0) > 0.5 && !name.startsWith('x'))
      .map(([name]) => {
        const members = Object.entries(result.Columns)
          .filter(([x, column]) => x.startsWith(`x${name.slice(1)}_`) && (column.Primal ?? 0) > 0.5)
          .map(([x]) => x.split('_')[1]);
        return name.startsWith('y') ? `${described.get(name)} + users ${members.join(',')}` : name;
      }),
  };
}

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
