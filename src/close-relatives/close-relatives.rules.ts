/**
 * Close relatives (nære pårørende): a close relative may not be the user's støttekontakt (DOMAIN, facts), so such
 * a pair is never proposed, introduced, assigned or seated in the same activity group. Pure: the services load the
 * pairs (through the `excluded_pairs` view, EXCLUDED_PAIRS_SQL) and ask here.
 */

export interface Pair {
  serviceUserId: string;
  contactId: string;
}

export interface ExcludedPair extends Pair {
  /** 'close_relative', or why a pair was declined before ('declined', 'other'). */
  reason: string;
}

/** Every recorded pair, declined or close relatives: the view every path reads. */
export const EXCLUDED_PAIRS_SQL = `SELECT municipality_id, service_user_id, contact_id, reason FROM excluded_pairs`;

export interface PairRefusal {
  code: 'close_relative' | 'pair_excluded';
  message: string;
  pairs: ExcludedPair[];
}

/**
 * An individual pair (a proposal, an introduction, an assignment): refused when any exclusion is recorded for it;
 * a close relative names itself, so the coordinator knows it will never change.
 */
export function refuseIndividualPair(pair: Pair, excluded: readonly ExcludedPair[]): PairRefusal | null {
  const matches = excluded.filter(
    (e) => e.serviceUserId === pair.serviceUserId && e.contactId === pair.contactId,
  );
  if (matches.length === 0) return null;
  const relative = matches.filter((e) => e.reason === 'close_relative');
  if (relative.length > 0) {
    return {
      code: 'close_relative',
      message: 'The contact is a close relative of the user and may not be their støttekontakt',
      pairs: relative,
    };
  }
  return { code: 'pair_excluded', message: 'This pair may not be introduced or assigned', pairs: matches };
}

/**
 * An activity group: no member may be run by a contact who is their close relative. Declined individual pairs
 * may share a group (a group is not the 1:1 relationship they declined).
 */
export function refuseGroupSeating(
  memberIds: readonly string[],
  contactIds: readonly string[],
  excluded: readonly ExcludedPair[],
): PairRefusal | null {
  const members = new Set(memberIds);
  const contacts = new Set(contactIds);
  const pairs = excluded.filter(
    (e) => e.reason === 'close_relative' && members.has(e.serviceUserId) && contacts.has(e.contactId),
  );
  if (pairs.length === 0) return null;
  return {
    code: 'close_relative',
    message: 'A contact of the group is a close relative of a member; they may not be in the same group',
    pairs,
  };
}
