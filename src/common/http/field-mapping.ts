import { badRequest } from '../errors/api-error';

/**
 * DTOs reach entities field by field through a list of writable fields, never by merging the whole body
 * (TRUST 11), so a client can never set a field the list does not name.
 */
export function assignFields<T extends object>(target: T, body: object, fields: readonly string[]): void {
  const into = target as Record<string, unknown>;
  const from = body as Record<string, unknown>;
  for (const field of fields) {
    if (from[field] !== undefined) into[field] = from[field];
  }
}

/** The writable fields of an entity, for an UPDATE that sets exactly them. */
export function pickFields<T extends object>(source: T, fields: readonly string[]): Partial<T> {
  const from = source as Record<string, unknown>;
  return Object.fromEntries(fields.map((field) => [field, from[field]])) as Partial<T>;
}

/**
 * `IsOptional` lets `null` through; for a column that may not be empty that must be a 400 naming the field,
 * not a NOT NULL violation in PostgreSQL.
 */
export function refuseNulls(body: object, required: ReadonlySet<string>): void {
  const nulls = Object.entries(body)
    .filter(([key, value]) => value === null && required.has(key))
    .map(([field]) => ({ field, reason: `${field} cannot be empty` }));
  if (nulls.length > 0) throw badRequest('validation_failed', 'The request is invalid', nulls);
}
