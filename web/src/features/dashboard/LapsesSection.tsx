import { Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../common/components/DataTable';
import { QueryState } from '../../common/components/QueryState';
import { formatDate, formatNumber } from '../../common/format/format';
import { fullName } from '../../common/format/names';
import { useLapses } from './queries';

/** Politiattester and vedtak that lapse within the warning window (30 days by default) or have lapsed. */
export function LapsesSection() {
  const { t } = useTranslation('dashboard');
  const lapses = useLapses();
  return (
    <section className="stack" aria-labelledby="lapses-heading">
      <Heading level={2} data-size="md" id="lapses-heading">
        {t('lapses.title')}
      </Heading>
      <QueryState query={lapses}>
        {(list) => (
          <>
            <Paragraph>
              {t('lapses.intro', { days: list.warningDays })}{' '}
              {list.scannedOn ? t('lapses.scannedOn', { date: formatDate(list.scannedOn) }) : null}
            </Paragraph>
            {list.items.length === 0 ? (
              <Paragraph>{t('lapses.none')}</Paragraph>
            ) : (
              <DataTable
                caption={t('lapses.caption')}
                headers={[
                  t('lapses.kind'),
                  t('lapses.name'),
                  t('lapses.validUntil'),
                  t('lapses.status'),
                  t('lapses.openAssignments'),
                ]}
              >
                {list.items.map((lapse) => (
                  <Table.Row key={`${lapse.kind}-${lapse.subjectId}`}>
                    <Table.Cell>{t(`lapses.kinds.${lapse.kind}`)}</Table.Cell>
                    <Table.Cell>{fullName(lapse)}</Table.Cell>
                    <Table.Cell>{formatDate(lapse.validUntil)}</Table.Cell>
                    <Table.Cell>
                      <Tag data-color={lapse.status === 'lapsed' ? 'danger' : 'warning'}>
                        {t(`lapses.statuses.${lapse.status}`)}
                      </Tag>
                    </Table.Cell>
                    <Table.Cell>{formatNumber(lapse.openAssignments)}</Table.Cell>
                  </Table.Row>
                ))}
              </DataTable>
            )}
          </>
        )}
      </QueryState>
    </section>
  );
}
