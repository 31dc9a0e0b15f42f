import { Heading, Link, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import type { Schemas } from '../../api/client';
import { DataTable } from '../../common/components/DataTable';
import { Pager } from '../../common/components/Pager';
import { QueryState } from '../../common/components/QueryState';
import { formatDate, formatDateTime, formatNumber } from '../../common/format/format';
import { fullName } from '../../common/format/names';
import { useWaitingList, WAITING_PAGE_SIZE } from './queries';

const BANDS = ['0-15', '16-30', '31+'] as const;
const BAND_COLOR = { '0-15': 'success', '16-30': 'warning', '31+': 'danger' } as const;

function NextStep({ entry }: { entry: Schemas['WaitingUserResponse'] }) {
  const { t } = useTranslation('dashboard');
  if (entry.state === 'proposed') {
    return (
      <Link asChild>
        <RouterLink to="/forslag">{t('next.proposed')}</RouterLink>
      </Link>
    );
  }
  if (entry.introductionId) {
    return (
      <Link asChild>
        <RouterLink to={`/introduksjoner/${entry.introductionId}`}>
          {entry.meetingStartsAt
            ? t('next.meeting', { when: formatDateTime(entry.meetingStartsAt, t('at')) })
            : t('next.book')}
        </RouterLink>
      </Link>
    );
  }
  return <>{t('next.none')}</>;
}

export function WaitingListSection() {
  const { t } = useTranslation('dashboard');
  const [page, setPage] = useState(1);
  const waiting = useWaitingList(page);
  return (
    <section className="stack" aria-labelledby="waiting-heading">
      <Heading level={2} data-size="md" id="waiting-heading">
        {t('waiting.title')}
      </Heading>
      <QueryState query={waiting}>
        {(list) => {
          const bands = list.bands as unknown as Record<string, number>;
          return (
            <>
              <Paragraph>{t('waiting.intro')}</Paragraph>
              <ul className="row band-summary">
                {BANDS.map((band) => (
                  <li key={band}>
                    <Tag data-color={BAND_COLOR[band]}>
                      {t('waiting.bandCount', { band: t(`band.${band}`), count: bands[band] ?? 0 })}
                    </Tag>
                  </li>
                ))}
              </ul>
              {list.items.length === 0 ? (
                <Paragraph>{t('waiting.none')}</Paragraph>
              ) : (
                <DataTable
                  caption={t('waiting.caption')}
                  headers={[
                    t('waiting.name'),
                    t('waiting.since'),
                    t('waiting.days'),
                    t('waiting.band'),
                    t('waiting.form'),
                    t('waiting.state'),
                  ]}
                >
                  {list.items.map((entry) => (
                    <Table.Row key={entry.serviceUserId}>
                      <Table.Cell>{fullName(entry)}</Table.Cell>
                      <Table.Cell>{formatDate(entry.waitingSince)}</Table.Cell>
                      <Table.Cell>{formatNumber(entry.waitingDays)}</Table.Cell>
                      <Table.Cell>
                        <Tag data-color={BAND_COLOR[entry.band]}>{t(`band.${entry.band}`)}</Tag>
                      </Table.Cell>
                      <Table.Cell>{t(`serviceForm.${entry.serviceForm}`)}</Table.Cell>
                      <Table.Cell>
                        <div className="stack stack--tight">
                          <span>{t(`state.${entry.state}`)}</span>
                          <NextStep entry={entry} />
                        </div>
                      </Table.Cell>
                    </Table.Row>
                  ))}
                </DataTable>
              )}
              <Pager
                page={page}
                pageSize={WAITING_PAGE_SIZE}
                total={list.total}
                onChange={setPage}
                label={t('waiting.pages')}
              />
            </>
          );
        }}
      </QueryState>
    </section>
  );
}
