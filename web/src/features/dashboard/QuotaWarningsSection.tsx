import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../common/components/DataTable';
import { QueryState } from '../../common/components/QueryState';
import { formatDate, formatNumber } from '../../common/format/format';
import { fullName } from '../../common/format/names';
import { useQuotaWarnings } from './queries';

/** Users who have used 80 % or more of the hours or driving their vedtak grants this period. */
export function QuotaWarningsSection() {
  const { t } = useTranslation('dashboard');
  const warnings = useQuotaWarnings();
  return (
    <section className="stack" aria-labelledby="quota-heading">
      <Heading level={2} data-size="md" id="quota-heading">
        {t('quota.title')}
      </Heading>
      <QueryState query={warnings}>
        {(items) =>
          items.length === 0 ? (
            <Paragraph>{t('quota.none')}</Paragraph>
          ) : (
            <DataTable
              caption={t('quota.caption')}
              headers={[t('quota.name'), t('quota.period'), t('quota.hours'), t('quota.km')]}
            >
              {items.map((item) => (
                <Table.Row key={item.decisionId}>
                  <Table.Cell>{fullName(item)}</Table.Cell>
                  <Table.Cell>
                    {formatDate(item.hours.periodStart)}–{formatDate(item.hours.periodEnd)}
                  </Table.Cell>
                  <Table.Cell>
                    {t('quota.used', {
                      used: formatNumber(item.hours.usedHours),
                      granted: formatNumber(item.hours.grantedHours + item.hours.approvedOverrunHours),
                      percent: formatNumber(item.hours.usedPercent ?? 0),
                    })}
                  </Table.Cell>
                  <Table.Cell>
                    {item.km.grantedKm > 0
                      ? t('quota.used', {
                          used: formatNumber(item.km.usedKm),
                          granted: formatNumber(item.km.grantedKm + item.km.approvedOverrunKm),
                          percent: formatNumber(item.km.usedPercent ?? 0),
                        })
                      : t('quota.noDriving')}
                  </Table.Cell>
                </Table.Row>
              ))}
            </DataTable>
          )
        }
      </QueryState>
    </section>
  );
}
