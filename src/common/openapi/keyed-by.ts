/**
 * The schema of a record keyed by a known set of names (counts by reason, milliseconds by step): each key stated,
 * none other allowed, so a client's type names them instead of a `Record<string, …>`.
 */
export function keyedBy(keys: readonly string[], value: Record<string, unknown>): Record<string, unknown> {
  return {
    type: 'object',
    additionalProperties: false,
    properties: Object.fromEntries(keys.map((key) => [key, value])),
  };
}
