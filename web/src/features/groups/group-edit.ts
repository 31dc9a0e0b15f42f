import { MAX_CONTACTS, MAX_MEMBERS, MIN_MEMBERS } from './group-rules';

/** The fields of a group a coordinator edits in place (status changes only through activate and close). */
export type DetailField = 'name' | 'interests' | 'postalCode';
export const DETAIL_FIELDS: readonly DetailField[] = ['name', 'interests', 'postalCode'];

/** The edit form's values, as typed: the postal code as text ('' = none). */
export interface DetailsDraft {
  name: string;
  interests: readonly string[];
  postalCode: string;
}

export function draftOf(group: {
  name: string;
  interests: readonly string[];
  postalCode: string | null;
}): DetailsDraft {
  return { name: group.name, interests: [...group.interests], postalCode: group.postalCode ?? '' };
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((value) => b.includes(value));

function same(field: DetailField, a: DetailsDraft, b: DetailsDraft): boolean {
  if (field === 'interests') return sameSet(a.interests, b.interests);
  return a[field].trim() === b[field].trim();
}

/** The fields whose values differ between two versions (order of interests does not count). */
export function changedFields(a: DetailsDraft, b: DetailsDraft): DetailField[] {
  return DETAIL_FIELDS.filter((field) => !same(field, a, b));
}

/** Only what the coordinator changed, as the API takes it: trimmed, and an emptied postal code cleared. */
export function detailsChange(
  base: DetailsDraft,
  draft: DetailsDraft,
): { name?: string; interests?: string[]; postalCode?: string | null } {
  const change: { name?: string; interests?: string[]; postalCode?: string | null } = {};
  for (const field of changedFields(base, draft)) {
    if (field === 'name') change.name = draft.name.trim();
    if (field === 'interests') change.interests = [...draft.interests];
    if (field === 'postalCode') change.postalCode = draft.postalCode.trim() || null;
  }
  return change;
}

/** Problems the API would refuse, found before sending: the field and the key of its text under `edit.problems`. */
export function detailsProblems(draft: DetailsDraft): { field: DetailField; key: string }[] {
  const problems: { field: DetailField; key: string }[] = [];
  if (draft.name.trim() === '') problems.push({ field: 'name', key: 'nameMissing' });
  if (draft.name.trim().length > 100) problems.push({ field: 'name', key: 'nameTooLong' });
  if (draft.postalCode.trim() !== '' && !/^\d{4}$/.test(draft.postalCode.trim()))
    problems.push({ field: 'postalCode', key: 'postalCodeInvalid' });
  return problems;
}

/**
 * After a 412: what another coordinator changed since the form was opened (`theirs`), and which of the
 * coordinator's own edits still differ from the fresh version (`yours`, kept in the form to be saved again).
 * A field both changed is a real conflict: the form keeps the coordinator's value, the page shows theirs.
 */
export function conflictOf(
  base: DetailsDraft,
  fresh: DetailsDraft,
  draft: DetailsDraft,
): { theirs: DetailField[]; yours: DetailField[]; both: DetailField[] } {
  const theirs = changedFields(base, fresh);
  const yours = changedFields(fresh, draft).filter((field) => !same(field, base, draft));
  return { theirs, yours, both: yours.filter((field) => theirs.includes(field)) };
}

/**
 * The form after a 412: the fresh version, with only the fields this coordinator changed kept as they typed
 * them. Saving it again then sends just those, and another coordinator's change is not undone unseen.
 */
export function rebaseDraft(base: DetailsDraft, fresh: DetailsDraft, draft: DetailsDraft): DetailsDraft {
  const mine = changedFields(base, draft);
  return {
    name: mine.includes('name') ? draft.name : fresh.name,
    interests: mine.includes('interests') ? [...draft.interests] : [...fresh.interests],
    postalCode: mine.includes('postalCode') ? draft.postalCode : fresh.postalCode,
  };
}

/** What keeps a forming group from starting, by the rules the API checks on activate (keys under `one.gaps`). */
export function activationGaps(group: { memberCount: number; contacts: readonly unknown[] }): string[] {
  const gaps: string[] = [];
  if (group.memberCount < MIN_MEMBERS) gaps.push('tooFewMembers');
  if (group.memberCount > MAX_MEMBERS) gaps.push('tooManyMembers');
  if (group.contacts.length < 1) gaps.push('noContact');
  if (group.contacts.length > MAX_CONTACTS) gaps.push('tooManyContacts');
  return gaps;
}

/** The lowest contact seat (1–2) nobody holds, or null when both are taken. */
export function freeContactSeat(contacts: readonly { seat: number }[]): number | null {
  for (let seat = 1; seat <= MAX_CONTACTS; seat++) {
    if (!contacts.some((contact) => contact.seat === seat)) return seat;
  }
  return null;
}
