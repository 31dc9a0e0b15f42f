/**
 * The HiGHS solver (the `highs` package, WebAssembly), loaded once per process: the exact reference the
 * heuristics are measured against in tests and benchmarks. It solves problems written in CPLEX LP format.
 */
export interface HighsSolution {
  Status: string;
  ObjectiveValue: number;
  Columns: Record<string, { Primal?: number }>;
}

export interface Highs {
  solve(problem: string, options?: Record<string, unknown>): HighsSolution;
}

let highsPromise: Promise<Highs> | undefined;

export function loadHighs(): Promise<Highs> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  highsPromise ??= (require('highs') as () => Promise<Highs>)();
  return highsPromise;
}
