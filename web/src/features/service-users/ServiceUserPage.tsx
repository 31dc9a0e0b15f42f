import { Card, Heading, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import { Facts } from '../../common/components/Facts';
import { QueryState } from '../../common/components/QueryState';
import { formatDate } from '../../common/format/format';
import { fullName } from '../../common/format/names';
import { usePageTitle } from '../../common/layout/usePageTitle';
import { useInterestLabels } from '../contacts/queries';
import { CompanionCardForm } from './CompanionCardForm';
import { DecisionsSection } from './DecisionsSection';
import { AccessLogSection, CaseHistorySection } from './HistorySections';
import { NationalIdField } from './NationalIdField';
import { QuotasSection } from './QuotasSection';
import { type ServiceUser, useServiceUser } from './queries';

function Record({ user }: { user: ServiceUser }) {
  const { t } = useTranslation('service-users');
  const interestLabel = useInterestLabels();
  const none = t('record.notGiven');
  return (
    <Card data-color="neutral">
      <Facts
        items={[
          {
            term: t('nationalId'),
            value: <NationalIdField id={user.id} masked={user.nationalIdMasked} />,
          },
          { term: t('record.birthDate'), value: formatDate(user.birthDate) },
          { term: t('age'), value: t('years', { count: user.age }) },
          { term: t('record.gender'), value: user.gender ? t(`record.genders.${user.gender}`) : none },
          { term: t('record.phone'), value: user.phone ?? none },
          { term: t('record.postalCode'), value: user.postalCode ?? none },
          {
            term: t('record.interests'),
            value: user.interests.length ? user.interests.map(interestLabel).join(', ') : none,
          },
          { term: t('record.wishes'), value: user.wishes ?? none },
          {
            term: t('record.guardian'),
            value: user.guardianName
              ? [user.guardianName, user.guardianPhone].filter(Boolean).join(', ')
              : none,
          },
        ]}
      />
      <CompanionCardForm user={user} />
    </Card>
  );
}

/** One service user's record: the details, the vedtak, hours used, the case history and who has read it. */
export default function ServiceUserPage() {
  const { t } = useTranslation('service-users');
  const { id = '' } = useParams();
  const user = useServiceUser(id);
  usePageTitle(user.data ? fullName(user.data) : t('record.title'));
  return (
    <div className="stack">
      <Link asChild>
        <RouterLink to="/tjenestemottakere">{t('record.back')}</RouterLink>
      </Link>
      <QueryState query={user}>
        {(found) => (
          <>
            <Heading level={1} data-size="lg">
              {fullName(found)}
            </Heading>
            <div className="row">
              {found.waiting ? <Tag data-color="warning">{t('waiting')}</Tag> : null}
              {found.currentDecision ? (
                <Paragraph>
                  {t('record.current', {
                    form: t(`form.${found.currentDecision.serviceForm}`),
                    to: formatDate(found.currentDecision.validTo),
                  })}
                </Paragraph>
              ) : (
                <Paragraph>{t('noDecision')}</Paragraph>
              )}
            </div>
            <Record user={found} />
            <DecisionsSection serviceUserId={found.id} />
            <QuotasSection serviceUserId={found.id} />
            <CaseHistorySection serviceUserId={found.id} />
            <AccessLogSection serviceUserId={found.id} />
          </>
        )}
      </QueryState>
    </div>
  );
}
