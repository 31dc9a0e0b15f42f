import { EntityManager } from 'typeorm';
import { caseEventsOf, recordCaseEvent } from '../case-history/case-events';
import { conflict, notFound } from '../common/errors/api-error';
import { IntroductionResponse, IntroductionRow } from './dto/introduction.response';
import { Introduction } from './introduction.entity';
import { INTRODUCTION_ROWS } from './introduction.queries';
import {
  allowedActions,
  INTRODUCTION_TRANSITIONS,
  IntroductionAction,
  IntroductionStatus,
  nextState,
  Table,
} from './transitions';

/** Data access shared by the introduction use cases; every query is scoped by the municipality. */

/** Locks the introduction's row for the rest of the transaction; another municipality's is a 404. */
export async function lockIntroduction(
  em: EntityManager,
  municipalityId: string,
  id: string,
): Promise<Introduction> {
  const introduction = await em
    .getRepository(Introduction)
    .createQueryBuilder('i')
    .setLock('pessimistic_write')
    .where('i.id = :id AND i.municipality_id = :municipalityId', { id, municipalityId })
    .getOne();
  if (!introduction) throw notFound('Introduction');
  return introduction;
}

/** The state `action` leads to in `table`, or a 409 naming the current state and what is allowed from it. */
export function transitionOrConflict<S extends string, A extends string>(
  table: Table<S, A>,
  what: string,
  from: S,
  action: A,
): S {
  const to = nextState(table, from, action);
  if (!to) {
    throw conflict('illegal_transition', `${what} that is ${from} cannot be changed by '${action}'`, {
      currentState: from,
      action,
      allowedActions: allowedActions(table, from),
    });
  }
  return to;
}

/** The state `action` leads an introduction to, or a 409 naming its state and what is allowed from it. */
export function introductionTransition(
  introduction: Pick<Introduction, 'status'>,
  action: IntroductionAction,
): IntroductionStatus {
  return transitionOrConflict(INTRODUCTION_TRANSITIONS, 'An introduction', introduction.status, action);
}

/**
 * Moves a locked introduction to `to` with the fields that go with it, bumps its version, and writes the change
 * to the case history — every state change of an introduction goes through here.
 */
export async function moveIntroduction(
  em: EntityManager,
  introduction: Introduction,
  to: IntroductionStatus,
  fields: Partial<Introduction>,
  event: { municipalityId: string; actor: string; reasonCode?: string | null; note?: string | null },
): Promise<void> {
  await em
    .createQueryBuilder()
    .update(Introduction)
    .set({ ...fields, status: to, version: introduction.version + 1, updatedAt: new Date() })
    .where('id = :id', { id: introduction.id })
    .execute();
  await recordCaseEvent(em, {
    municipalityId: event.municipalityId,
    serviceUserId: introduction.serviceUserId,
    subjectType: 'introduction',
    subjectId: introduction.id,
    from: introduction.status,
    to,
    actor: event.actor,
    reasonCode: event.reasonCode ?? null,
    note: event.note ?? null,
  });
}

/** A declined pair is never proposed again (matching reads pair_exclusions); the first reason is kept. */
export async function excludePair(
  em: EntityManager,
  municipalityId: string,
  serviceUserId: string,
  contactId: string,
  reason: string,
  actor: string,
): Promise<void> {
  await em.query(
    `INSERT INTO pair_exclusions (municipality_id, service_user_id, contact_id, reason, note, created_by)
     VALUES ($1, $2, $3, 'declined', $4, $5) ON CONFLICT (service_user_id, contact_id) DO NOTHING`,
    [municipalityId, serviceUserId, contactId, reason, actor],
  );
}

export async function introductionView(
  em: EntityManager,
  municipalityId: string,
  id: string,
): Promise<IntroductionResponse> {
  const [row]: IntroductionRow[] = await em.query(
    `${INTRODUCTION_ROWS} WHERE i.id = $1 AND i.municipality_id = $2`,
    [id, municipalityId],
  );
  if (!row) throw notFound('Introduction');
  const history = await caseEventsOf(
    em,
    municipalityId,
    [row.id, row.proposal_id, row.assignment_id].filter((x): x is string => x !== null),
  );
  return IntroductionResponse.from(row, history);
}
