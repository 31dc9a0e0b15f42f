import { Button, Heading, Link, Paragraph, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { DataTable } from '../../common/components/DataTable';
import { Pager } from '../../common/components/Pager';
import { QueryState } from '../../common/components/QueryState';
import { formatNumber } from '../../common/format/format';
import { fullName } from '../../common/format/names';
import { groupNationalId } from '../../common/format/national-id';
import { usePageTitle } from '../../common/layout/usePageTitle';
import { SERVICE_USERS_PAGE_SIZE, useServiceUsers } from './queries';

/** Tjenestemottakere: everyone registered, searchable by name, a page at a time. */
export default function ServiceUsersPage() {
  const { t } = useTranslation('service-users');
  usePageTitle(t('title'));
  const [page, setPage] = useState(1);
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const users = useServiceUsers(page, q);
  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {t('title')}
      </Heading>
      <Paragraph>{t('intro')}</Paragraph>
      <form
        role="search"
        aria-label={t('search.label')}
        className="row row--end"
        onSubmit={(event) => {
          event.preventDefault();
          setQ(typed.trim());
          setPage(1);
        }}
      >
        <Textfield
          label={t('search.field')}
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
          maxLength={100}
        />
        <Button type="submit">{t('search.submit')}</Button>
      </form>
      <QueryState query={users}>
        {(list) =>
          list.items.length === 0 ? (
            <Paragraph>{t('none')}</Paragraph>
          ) : (
            <div className="stack">
              <DataTable
                caption={t('caption')}
                headers={[t('name'), t('nationalId'), t('age'), t('serviceForm'), t('hours'), t('status')]}
              >
                {list.items.map((user) => (
                  <Table.Row key={user.id}>
                    <Table.Cell>
                      <Link asChild>
                        <RouterLink to={`/tjenestemottakere/${user.id}`}>{fullName(user)}</RouterLink>
                      </Link>
                    </Table.Cell>
                    <Table.Cell>{groupNationalId(user.nationalIdMasked)}</Table.Cell>
                    <Table.Cell>{t('years', { count: user.age })}</Table.Cell>
                    <Table.Cell>
                      {user.currentDecision ? t(`form.${user.currentDecision.serviceForm}`) : t('noDecision')}
                    </Table.Cell>
                    <Table.Cell>
                      {user.currentDecision
                        ? t(`hoursPer.${user.currentDecision.hoursPeriod}`, {
                            hours: formatNumber(user.currentDecision.hoursGranted),
                          })
                        : '–'}
                    </Table.Cell>
                    <Table.Cell>
                      {user.waiting ? (
                        <Tag data-color="warning">{t('waiting')}</Tag>
                      ) : user.currentDecision ? (
                        t('served')
                      ) : (
                        '–'
                      )}
                    </Table.Cell>
                  </Table.Row>
                ))}
              </DataTable>
              <Pager
                page={page}
                pageSize={SERVICE_USERS_PAGE_SIZE}
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
