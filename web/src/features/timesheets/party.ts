import type { TFunction } from 'i18next';
import { fullName } from '../../common/format/names';
import type { Timesheet } from './queries';

/** The user (or group) a timesheet is for. */
export function timesheetParty(t: TFunction, sheet: Pick<Timesheet, 'serviceUser' | 'group'>): string {
  if (sheet.group) return t('group', { ns: 'timesheets', name: sheet.group.name });
  return sheet.serviceUser ? fullName(sheet.serviceUser) : t('unknown', { ns: 'timesheets' });
}
