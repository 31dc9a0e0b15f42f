/** What became of one proposal in a bulk accept: its introduction, or why it was not accepted. */
export type BulkOutcome<P, R> =
  { proposal: P; ok: true; result: R } | { proposal: P; ok: false; error: unknown };

/**
 * Accepts the proposals one after another, best first as chosen, and goes on past a failure: one pair taken
 * meanwhile (by another coordinator, or a contact now full) does not stop the others. Returns every outcome in
 * the order given.
 */
export async function acceptEach<P, R>(
  proposals: readonly P[],
  acceptOne: (proposal: P) => Promise<R>,
): Promise<BulkOutcome<P, R>[]> {
  const outcomes: BulkOutcome<P, R>[] = [];
  for (const proposal of proposals) {
    try {
      outcomes.push({ proposal, ok: true, result: await acceptOne(proposal) });
    } catch (error) {
      outcomes.push({ proposal, ok: false, error });
    }
  }
  return outcomes;
}

/** The user's proposals best first: the given run's before earlier runs' at equal score, then newest. */
export function rankAlternatives<P extends { score: number; runId: string; createdAt: string; id: string }>(
  proposals: readonly P[],
  runId: string,
): P[] {
  return [...proposals].sort(
    (a, b) =>
      b.score - a.score ||
      Number(b.runId === runId) - Number(a.runId === runId) ||
      Date.parse(b.createdAt) - Date.parse(a.createdAt) ||
      a.id.localeCompare(b.id),
  );
}
