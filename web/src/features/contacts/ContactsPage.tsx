import {
  Button,
  Field,
  Heading,
  Label,
  Link,
  Paragraph,
  Select,
  Table,
  Textfield,
} from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { DataTable } from '../../common/components/DataTable';
import { Pager } from '../../common/components/Pager';
import { QueryState } from '../../common/components/QueryState';
import { formatDate } from '../../common/format/format';
import { fullName } from '../../common/format/names';
import { usePageTitle } from '../../common/layout/usePageTitle';
import './contacts.css';
import { Eligibility, Load } from './Eligibility';
import { type ContactFilters, CONTACTS_PAGE_SIZE, NO_FILTERS, useContacts, useInterests } from './queries';

/** Støttekontakter: the roster, searchable by name and filtered by area, interest and eligibility. */
export default function ContactsPage() {
  const { t } = useTranslation('contacts');
  usePageTitle(t('title'));
  const [page, setPage] = useState(1);
  const [draft, setDraft] = useState<ContactFilters>(NO_FILTERS);
  const [filters, setFilters] = useState<ContactFilters>(NO_FILTERS);
  const contacts = useContacts(page, filters);
  const interests = useInterests();
  const postalCodeInvalid = draft.postalCode !== '' && !/^[0-9]{4}$/.test(draft.postalCode);
  const set = (patch: Partial<ContactFilters>) => setDraft((current) => ({ ...current, ...patch }));
  const none = t('none');

  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {t('title')}
      </Heading>
      <Paragraph>{t('intro')}</Paragraph>
      <form
        role="search"
        aria-label={t('filters.label')}
        className="stack"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (postalCodeInvalid) return;
          setFilters({ ...draft, q: draft.q.trim() });
          setPage(1);
        }}
      >
        <div className="filters">
          <Textfield
            label={t('filters.name')}
            value={draft.q}
            maxLength={100}
            onChange={(event) => set({ q: event.target.value })}
          />
          <Textfield
            label={t('filters.postalCode')}
            value={draft.postalCode}
            inputMode="numeric"
            maxLength={4}
            error={postalCodeInvalid ? t('filters.postalCodeInvalid') : undefined}
            onChange={(event) => set({ postalCode: event.target.value.trim() })}
          />
          <Field>
            <Label htmlFor="filter-interest">{t('filters.interest')}</Label>
            <Select
              id="filter-interest"
              value={draft.interest}
              onChange={(event) => set({ interest: event.target.value })}
            >
              <Select.Option value="">{t('filters.all')}</Select.Option>
              {(interests.data ?? []).map((interest) => (
                <Select.Option key={interest.code} value={interest.code}>
                  {interest.label}
                </Select.Option>
              ))}
            </Select>
          </Field>
          <Field>
            <Label htmlFor="filter-eligible">{t('filters.eligible')}</Label>
            <Select
              id="filter-eligible"
              value={draft.eligible}
              onChange={(event) => set({ eligible: event.target.value as ContactFilters['eligible'] })}
            >
              <Select.Option value="">{t('filters.all')}</Select.Option>
              <Select.Option value="yes">{t('filters.eligibleYes')}</Select.Option>
              <Select.Option value="no">{t('filters.eligibleNo')}</Select.Option>
            </Select>
          </Field>
        </div>
        <div className="row">
          <Button type="submit">{t('filters.submit')}</Button>
          <Button
            type="button"
            variant="tertiary"
            onClick={() => {
              setDraft(NO_FILTERS);
              setFilters(NO_FILTERS);
              setPage(1);
            }}
          >
            {t('filters.reset')}
          </Button>
        </div>
      </form>
      <QueryState query={contacts}>
        {(list) =>
          list.items.length === 0 ? (
            <Paragraph>{t('empty')}</Paragraph>
          ) : (
            <div className="stack">
              <DataTable
                caption={t('caption')}
                headers={[
                  t('name'),
                  t('area'),
                  t('eligibility.title'),
                  t('policeCertificate'),
                  t('confidentiality'),
                  t('load.title'),
                ]}
              >
                {list.items.map((contact) => (
                  <Table.Row key={contact.id}>
                    <Table.Cell>
                      <Link asChild>
                        <RouterLink to={`/stottekontakter/${contact.id}`}>{fullName(contact)}</RouterLink>
                      </Link>
                    </Table.Cell>
                    <Table.Cell>{contact.postalCode ?? none}</Table.Cell>
                    <Table.Cell>
                      <Eligibility contact={contact} />
                    </Table.Cell>
                    <Table.Cell>
                      {contact.policeCertificateIssuedOn
                        ? formatDate(contact.policeCertificateIssuedOn)
                        : t('missing')}
                    </Table.Cell>
                    <Table.Cell>
                      {contact.confidentialitySignedOn
                        ? formatDate(contact.confidentialitySignedOn)
                        : t('missing')}
                    </Table.Cell>
                    <Table.Cell>
                      <Load contact={contact} />
                    </Table.Cell>
                  </Table.Row>
                ))}
              </DataTable>
              <Pager
                page={page}
                pageSize={CONTACTS_PAGE_SIZE}
                total={list.total}
                onChange={setPage}
                label={t('pages')}
              />
            </div>
          )
        }
      </QueryState>
    </div>
  );
}
