import { EntityManager } from 'typeorm';

/**
 * Serialises changes to one saksbehandler's calendar (busy times and bookings) for the rest of the transaction,
 * so a busy time and a meeting written at once cannot overlap. Meetings among themselves are kept apart by the
 * exclusion constraints; this lock covers the pair the constraints cannot see (two different tables).
 */
export async function lockCaseworkerCalendar(
  em: EntityManager,
  municipalityId: string,
  caseworker: string,
): Promise<void> {
  await em.query(`SELECT pg_advisory_xact_lock(hashtext('caseworker-calendar:' || $1 || ':' || $2))`, [
    municipalityId,
    caseworker,
  ]);
}

/** The first busy time of the saksbehandler overlapping [start, end), if any. */
export async function overlappingBusyTime(
  em: EntityManager,
  municipalityId: string,
  caseworker: string,
  start: Date,
  end: Date,
): Promise<{ id: string; starts_at: Date; ends_at: Date } | undefined> {
  const rows: { id: string; starts_at: Date; ends_at: Date }[] = await em.query(
    `SELECT id, starts_at, ends_at FROM caseworker_busy_times
      WHERE municipality_id = $1 AND caseworker = $2 AND period && tstzrange($3, $4, '[)')
      ORDER BY starts_at LIMIT 1`,
    [municipalityId, caseworker, start, end],
  );
  return rows[0];
}
