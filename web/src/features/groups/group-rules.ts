import type { GroupField } from './queries';

export const MIN_MEMBERS = 3;
export const MAX_MEMBERS = 6;
export const MAX_CONTACTS = 2;

export interface GroupDraft {
  name: string;
  memberIds: readonly string[];
  contactIds: readonly string[];
  startsOn: string;
  weeklyHours: string;
}

/** A problem with the form before it is sent: the field, and the key of its text under `form.problems`. */
export interface Problem {
  field: GroupField;
  key: string;
}

/**
 * The rules the API enforces (seed 002: 3–6 members, run by one or two contacts), checked before sending so a
 * person learns them at once; the API's own answers are shown beside the same fields.
 */
export function checkGroupDraft(draft: GroupDraft): Problem[] {
  const problems: Problem[] = [];
  if (draft.name.trim() === '') problems.push({ field: 'name', key: 'nameMissing' });
  if (draft.memberIds.length < MIN_MEMBERS) problems.push({ field: 'members', key: 'tooFewMembers' });
  if (draft.memberIds.length > MAX_MEMBERS) problems.push({ field: 'members', key: 'tooManyMembers' });
  if (draft.contactIds.length < 1) problems.push({ field: 'contacts', key: 'noContact' });
  if (draft.contactIds.length > MAX_CONTACTS) problems.push({ field: 'contacts', key: 'tooManyContacts' });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.startsOn))
    problems.push({ field: 'startsOn', key: 'startsOnMissing' });
  const hours = Number(draft.weeklyHours.replace(',', '.'));
  if (!(hours > 0 && hours <= 80)) problems.push({ field: 'weeklyHours', key: 'hoursInvalid' });
  return problems;
}

/** "2,5" or "2.5" as Norwegians and browsers write it. */
export function parseHours(value: string): number {
  return Number(value.replace(',', '.'));
}
