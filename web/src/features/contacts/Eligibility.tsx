import { Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../common/format/format';
import type { Contact } from './queries';

/** Whether the contact may be proposed today and, if not, what is missing, in words (never the codes). */
export function Eligibility({ contact }: { contact: Contact }) {
  const { t } = useTranslation('contacts');
  const { eligible, reasons, validUntil } = contact.eligibility;
  if (eligible) {
    return (
      <div className="stack stack--tight">
        <div>
          <Tag data-color="success">{t('eligibility.eligible')}</Tag>
        </div>
        {validUntil ? <span>{t('eligibility.validUntil', { date: formatDate(validUntil) })}</span> : null}
      </div>
    );
  }
  return (
    <div className="stack stack--tight">
      <div>
        <Tag data-color="danger">{t('eligibility.notEligible')}</Tag>
      </div>
      <ul className="reason-list">
        {reasons.map((reason) => (
          <li key={reason.code}>
            {t(`eligibility.reasons.${reason.code}`, {
              date: validUntil ? formatDate(validUntil) : '',
              defaultValue: t('eligibility.reasons.other'),
            })}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** "2 av 3 tjenestemottakere, 4 av 10 timer i uken" */
export function Load({ contact }: { contact: Contact }) {
  const { t } = useTranslation('contacts');
  return (
    <span>
      {t('load.value', {
        users: contact.load.users,
        maxUsers: contact.maxUsers,
        hours: contact.load.weeklyHours.toLocaleString('nb-NO'),
        maxHours: contact.maxWeeklyHours.toLocaleString('nb-NO'),
      })}
    </span>
  );
}
