import { EntityManager } from 'typeorm';
import { conflict } from '../common/errors/api-error';
import {
  EXCLUDED_PAIRS_SQL,
  ExcludedPair,
  refuseGroupSeating,
  refuseIndividualPair,
} from './close-relatives.rules';

interface ExcludedPairRow {
  service_user_id: string;
  contact_id: string;
  reason: string;
}

/** The excluded pairs touching these users or these contacts (one query through the `excluded_pairs` view). */
export async function loadExcludedPairs(
  em: EntityManager,
  municipalityId: string,
  serviceUserIds: readonly string[],
  contactIds: readonly string[],
): Promise<ExcludedPair[]> {
  const rows = await em.query<ExcludedPairRow[]>(
    `${EXCLUDED_PAIRS_SQL} WHERE municipality_id = $1 AND (service_user_id = ANY($2::uuid[]) OR contact_id = ANY($3::uuid[]))`,
    [municipalityId, serviceUserIds, contactIds],
  );
  return rows.map((r) => ({ serviceUserId: r.service_user_id, contactId: r.contact_id, reason: r.reason }));
}

/** 409 close_relative / pair_excluded unless the individual pair may be introduced or assigned. */
export async function assertIndividualPairAllowed(
  em: EntityManager,
  municipalityId: string,
  serviceUserId: string,
  contactId: string,
): Promise<void> {
  const excluded = await loadExcludedPairs(em, municipalityId, [serviceUserId], [contactId]);
  const refusal = refuseIndividualPair({ serviceUserId, contactId }, excluded);
  if (refusal) throw conflict(refusal.code, refusal.message, { reason: refusal.pairs[0].reason });
}

/** 409 close_relative when a member of the group and one of its contacts are close relatives. */
export async function assertGroupSeatingAllowed(
  em: EntityManager,
  municipalityId: string,
  memberIds: readonly string[],
  contactIds: readonly string[],
): Promise<void> {
  if (memberIds.length === 0 || contactIds.length === 0) return;
  const excluded = await loadExcludedPairs(em, municipalityId, memberIds, contactIds);
  const refusal = refuseGroupSeating(memberIds, contactIds, excluded);
  if (refusal) {
    throw conflict(refusal.code, refusal.message, {
      pairs: refusal.pairs.map(({ serviceUserId, contactId }) => ({ serviceUserId, contactId })),
    });
  }
}
