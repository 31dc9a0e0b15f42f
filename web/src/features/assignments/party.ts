import type { TFunction } from 'i18next';
import { fullName } from '../../common/format/names';
import type { Assignment } from './queries';

/** Who an assignment is for (a user, or a group by name) and who the contact is, for a sentence. */
export function assignmentParty(t: TFunction, assignment: Assignment): { user: string; contact: string } {
  const user = assignment.group
    ? t('group', { ns: 'assignments', name: assignment.group.name })
    : assignment.serviceUser
      ? fullName(assignment.serviceUser)
      : t('unknown', { ns: 'assignments' });
  return { user, contact: fullName(assignment.contact) };
}
