import { Card, Heading, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import { Facts } from '../../common/components/Facts';
import { QueryState } from '../../common/components/QueryState';
import { formatDate } from '../../common/format/format';
import { fullName } from '../../common/format/names';
import { usePageTitle } from '../../common/layout/usePageTitle';
import './contacts.css';
import { Eligibility, Load } from './Eligibility';
import { type Contact, useContact, useContactAbsences, useInterestLabels } from './queries';
import { WeekGrid } from './WeekGrid';

function Details({ contact }: { contact: Contact }) {
  const { t } = useTranslation('contacts');
  const interestLabel = useInterestLabels();
  const missing = t('missing');
  return (
    <Card data-color="neutral">
      <Facts
        items={[
          { term: t('eligibility.title'), value: <Eligibility contact={contact} /> },
          {
            term: t('one.policeIssued'),
            value: contact.policeCertificateIssuedOn
              ? formatDate(contact.policeCertificateIssuedOn)
              : missing,
          },
          {
            term: t('one.policePresented'),
            value: contact.policeCertificatePresentedOn
              ? formatDate(contact.policeCertificatePresentedOn)
              : missing,
          },
          {
            term: t('confidentiality'),
            value: contact.confidentialitySignedOn ? formatDate(contact.confidentialitySignedOn) : missing,
          },
          { term: t('load.title'), value: <Load contact={contact} /> },
          { term: t('area'), value: contact.postalCode ?? t('none') },
          {
            term: t('one.interests'),
            value: contact.interests.length ? contact.interests.map(interestLabel).join(', ') : t('none'),
          },
          { term: t('one.birthYear'), value: String(contact.birthYear) },
          { term: t('one.drives'), value: contact.drivesOwnCar ? t('one.yes') : t('one.no') },
          { term: t('one.phone'), value: contact.phone ?? t('none') },
          { term: t('one.email'), value: contact.email ?? t('none') },
        ]}
      />
    </Card>
  );
}

/** Fravær: why the contact is not proposed now, and when they are back. */
function Absences({ id, name }: { id: string; name: string }) {
  const { t } = useTranslation('contacts');
  const absences = useContactAbsences(id);
  return (
    <section className="stack" aria-labelledby="absences-heading">
      <Heading level={2} data-size="md" id="absences-heading">
        {t('absences.title')}
      </Heading>
      <Paragraph>{t('absences.intro')}</Paragraph>
      <QueryState query={absences}>
        {(list) =>
          list.length === 0 ? (
            <Paragraph>{t('absences.none')}</Paragraph>
          ) : (
            <ul aria-label={t('absences.listLabel', { name })}>
              {list.map((absence) => (
                <li key={absence.id}>
                  {t('absences.period', {
                    from: formatDate(absence.startsOn),
                    to: formatDate(absence.endsOn),
                  })}
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </section>
  );
}

/** One støttekontakt: eligibility and its dates, capacity and load, interests, and availability by the week. */
export default function ContactPage() {
  const { t } = useTranslation('contacts');
  const { id = '' } = useParams();
  const contact = useContact(id);
  usePageTitle(contact.data ? fullName(contact.data) : t('one.title'));
  return (
    <div className="stack">
      <Link asChild>
        <RouterLink to="/stottekontakter">{t('one.back')}</RouterLink>
      </Link>
      <QueryState query={contact}>
        {(found) => (
          <>
            <Heading level={1} data-size="lg">
              {fullName(found)}
            </Heading>
            {!found.active ? (
              <div>
                <Tag data-color="neutral">{t('one.inactive')}</Tag>
              </div>
            ) : null}
            <Details contact={found} />
            <section className="stack" aria-labelledby="week-heading">
              <Heading level={2} data-size="md" id="week-heading">
                {t('week.title')}
              </Heading>
              <Paragraph>{t('week.intro')}</Paragraph>
              <WeekGrid slots={found.availability} caption={t('week.caption', { name: fullName(found) })} />
            </section>
            <Absences id={found.id} name={fullName(found)} />
          </>
        )}
      </QueryState>
    </div>
  );
}
