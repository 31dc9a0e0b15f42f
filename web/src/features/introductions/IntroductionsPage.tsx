import { Heading, Link, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { DataTable } from '../../common/components/DataTable';
import { StatusTabs } from '../../common/components/StatusTabs';
import { Pager } from '../../common/components/Pager';
import { QueryState } from '../../common/components/QueryState';
import { formatDate, formatDateTime } from '../../common/format/format';
import { fullName } from '../../common/format/names';
import { usePageTitle } from '../../common/layout/usePageTitle';
import { CalendarFeedSection } from '../calendar-feed/CalendarFeedSection';
import { STATUS_COLOR } from './IntroductionPage';
import { INTRODUCTIONS_PAGE_SIZE, type IntroductionStatus, useIntroductions } from './queries';

const TABS: IntroductionStatus[] = ['awaiting_booking', 'booked', 'started', 'declined'];

/** Introduksjonsmøter by state: awaiting a time, booked, started (an assignment), declined. */
export default function IntroductionsPage() {
  const { t } = useTranslation('introductions');
  usePageTitle(t('title'));
  const [status, setStatus] = useState<IntroductionStatus>('awaiting_booking');
  const [page, setPage] = useState(1);
  const list = useIntroductions(status, page);
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
        label={(tab) => t(`status.${tab}`)}
      >
        <QueryState query={list}>
          {(answer) =>
            answer.items.length === 0 ? (
              <Paragraph>{t('none')}</Paragraph>
            ) : (
              <div className="stack">
                <DataTable
                  caption={t(`status.${status}`)}
                  headers={[
                    t('list.user'),
                    t('list.contact'),
                    t('list.meeting'),
                    t('list.status'),
                    t('list.created'),
                  ]}
                >
                  {answer.items.map((intro) => (
                    <Table.Row key={intro.id}>
                      <Table.Cell>
                        <Link asChild>
                          <RouterLink to={`/introduksjoner/${intro.id}`}>
                            {fullName(intro.serviceUser)}
                          </RouterLink>
                        </Link>
                      </Table.Cell>
                      <Table.Cell>{fullName(intro.contact)}</Table.Cell>
                      <Table.Cell>
                        {intro.meeting
                          ? formatDateTime(intro.meeting.startsAt, t('at'))
                          : t('list.noMeeting')}
                      </Table.Cell>
                      <Table.Cell>
                        <Tag data-color={STATUS_COLOR[intro.status]}>{t(`status.${intro.status}`)}</Tag>
                      </Table.Cell>
                      <Table.Cell>{formatDate(intro.createdAt)}</Table.Cell>
                    </Table.Row>
                  ))}
                </DataTable>
                <Pager
                  page={page}
                  pageSize={INTRODUCTIONS_PAGE_SIZE}
                  total={answer.total}
                  onChange={setPage}
                />
              </div>
            )
          }
        </QueryState>
      </StatusTabs>
      <CalendarFeedSection />
    </div>
  );
}
