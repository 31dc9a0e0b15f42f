import { Heading, Link, Paragraph, Table } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { DataTable } from '../../common/components/DataTable';
import { StatusTabs } from '../../common/components/StatusTabs';
import { Pager } from '../../common/components/Pager';
import { QueryState } from '../../common/components/QueryState';
import { formatDate, formatNumber } from '../../common/format/format';
import { fullName } from '../../common/format/names';
import { usePageTitle } from '../../common/layout/usePageTitle';
import { timesheetParty } from './party';
import { TIMESHEETS_PAGE_SIZE, type TimesheetStatus, useTimesheets } from './queries';
import { SignatureText } from './SignatureText';

const TABS: TimesheetStatus[] = ['signed', 'open', 'approved'];

/** Timelister: signed by the user and waiting for approval first; then those not signed, and those approved. */
export default function TimesheetsPage() {
  const { t } = useTranslation('timesheets');
  usePageTitle(t('title'));
  const [status, setStatus] = useState<TimesheetStatus>('signed');
  const [page, setPage] = useState(1);
  const list = useTimesheets(status, page);
  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {t('title')}
      </Heading>
      <Paragraph>{t('intro')}</Paragraph>
      <StatusTabs
        tabs={TABS}
        value={status}
        onChange={(value) => {
          setStatus(value);
          setPage(1);
        }}
        label={(tab) => t(`tabs.${tab}`)}
      >
        <QueryState query={list}>
          {(answer) =>
            answer.items.length === 0 ? (
              <Paragraph>{t(`none.${status}`)}</Paragraph>
            ) : (
              <div className="stack">
                <DataTable
                  caption={t(`caption.${status}`)}
                  headers={[t('user'), t('contact'), t('period'), t('hours'), t('km'), t('signatureHeader')]}
                >
                  {answer.items.map((sheet) => (
                    <Table.Row key={sheet.id}>
                      <Table.Cell>
                        <Link asChild>
                          <RouterLink to={`/timelister/${sheet.id}`}>{timesheetParty(t, sheet)}</RouterLink>
                        </Link>
                      </Table.Cell>
                      <Table.Cell>{fullName(sheet.contact)}</Table.Cell>
                      <Table.Cell>
                        {t('periodRange', {
                          from: formatDate(sheet.periodStart),
                          to: formatDate(sheet.periodEnd),
                        })}
                      </Table.Cell>
                      <Table.Cell>{formatNumber(sheet.totals.hours)}</Table.Cell>
                      <Table.Cell>{formatNumber(sheet.totals.km)}</Table.Cell>
                      <Table.Cell>
                        <SignatureText sheet={sheet} />
                      </Table.Cell>
                    </Table.Row>
                  ))}
                </DataTable>
                <Pager page={page} pageSize={TIMESHEETS_PAGE_SIZE} total={answer.total} onChange={setPage} />
              </div>
            )
          }
        </QueryState>
      </StatusTabs>
    </div>
  );
}
