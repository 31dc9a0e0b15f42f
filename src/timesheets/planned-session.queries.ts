import { EntityManager } from 'typeorm';

/** A session logged over a plan of the same assignment is the plan come true: the plan leaves the calendar. */
export async function fulfilPlans(
  em: EntityManager,
  session: { assignmentId: string; contactId: string; date: string; start: string; end: string },
): Promise<void> {
  await em.query(
    `DELETE FROM planned_sessions
      WHERE contact_id = $1 AND assignment_id = $2
        AND period && tsrange($3::date + $4::time, $3::date + $5::time, '[)')`,
    [session.contactId, session.assignmentId, session.date, session.start, session.end],
  );
}
