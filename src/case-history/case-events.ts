import { ApiProperty } from '@nestjs/swagger';
import { EntityManager } from 'typeorm';

/**
 * The history of a user's case: every state change of a proposal, an introduction or an assignment, with who,
 * when, from and to. Shared by the introductions and assignments contexts, so neither depends on the other for it.
 * Written inside the caller's transaction: a change that rolls back leaves no history.
 */
export type CaseSubjectType = 'proposal' | 'introduction' | 'assignment';

export interface CaseEvent {
  municipalityId: string;
  serviceUserId: string;
  subjectType: CaseSubjectType;
  subjectId: string;
  /** null when the subject is created */
  from: string | null;
  to: string;
  actor: string;
  reasonCode?: string | null;
  note?: string | null;
}

export async function recordCaseEvent(em: EntityManager, event: CaseEvent): Promise<void> {
  await em.query(
    `INSERT INTO case_events (municipality_id, service_user_id, subject_type, subject_id, from_state, to_state,
                              reason_code, note, actor)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      event.municipalityId,
      event.serviceUserId,
      event.subjectType,
      event.subjectId,
      event.from,
      event.to,
      event.reasonCode ?? null,
      event.note ?? null,
      event.actor,
    ],
  );
}

export class CaseEventResponse {
  @ApiProperty({ enum: ['proposal', 'introduction', 'assignment'] }) subjectType!: CaseSubjectType;
  @ApiProperty() subjectId!: string;
  @ApiProperty({ nullable: true, type: String, description: 'null when the subject was created' })
  from!: string | null;
  @ApiProperty() to!: string;
  @ApiProperty({ nullable: true, type: String }) reasonCode!: string | null;
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
  @ApiProperty({ description: 'Who made the change (the subject of their login)' }) actor!: string;
  @ApiProperty() at!: string;
}

interface CaseEventRow {
  subject_type: CaseSubjectType;
  subject_id: string;
  from_state: string | null;
  to_state: string;
  reason_code: string | null;
  note: string | null;
  actor: string;
  occurred_at: Date;
}

const toResponse = (row: CaseEventRow): CaseEventResponse => ({
  subjectType: row.subject_type,
  subjectId: row.subject_id,
  from: row.from_state,
  to: row.to_state,
  reasonCode: row.reason_code,
  note: row.note,
  actor: row.actor,
  at: row.occurred_at.toISOString(),
});

/** The events of the given subjects, oldest first. */
export async function caseEventsOf(
  em: EntityManager,
  municipalityId: string,
  subjectIds: string[],
): Promise<CaseEventResponse[]> {
  const rows: CaseEventRow[] = await em.query(
    `SELECT subject_type, subject_id, from_state, to_state, reason_code, note, actor, occurred_at
       FROM case_events WHERE municipality_id = $1 AND subject_id = ANY($2::uuid[]) ORDER BY id`,
    [municipalityId, subjectIds],
  );
  return rows.map(toResponse);
}

/** The whole history of one user's case, oldest first. */
export async function caseEventsOfUser(
  em: EntityManager,
  municipalityId: string,
  serviceUserId: string,
): Promise<CaseEventResponse[]> {
  const rows: CaseEventRow[] = await em.query(
    `SELECT subject_type, subject_id, from_state, to_state, reason_code, note, actor, occurred_at
       FROM case_events WHERE municipality_id = $1 AND service_user_id = $2 ORDER BY id`,
    [municipalityId, serviceUserId],
  );
  return rows.map(toResponse);
}
