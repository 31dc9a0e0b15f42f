import { Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../common/components/DataTable';
import { QueryState } from '../../common/components/QueryState';
import { formatDate, formatNumber } from '../../common/format/format';
import { fullName } from '../../common/format/names';
import { useQuotas } from './queries';

/** Hours used against the hours granted in this period (with approved extra hours), per active assignment. */
export function QuotasSection({ serviceUserId }: { serviceUserId: string }) {
  const { t } = useTranslation('service-users');
  const quotas = useQuotas(serviceUserId);
  return (
    <section className="stack" aria-labelledby="quotas-heading">
      <Heading level={2} data-size="md" id="quotas-heading">
        {t('quotas.title')}
      </Heading>
      <QueryState query={quotas}>
        {(rows) => {
          const lines = rows.flatMap(({ assignment, periods }) =>
            periods.map((quota) => ({ assignment, quota })),
          );
          return lines.length === 0 ? (
            <Paragraph>{t('quotas.none')}</Paragraph>
          ) : (
            <DataTable
              caption={t('quotas.caption')}
              headers={[
                t('quotas.contact'),
                t('quotas.period'),
                t('quotas.granted'),
                t('quotas.used'),
                t('quotas.remaining'),
                t('quotas.km'),
              ]}
            >
              {lines.map(({ assignment, quota }) => (
                <Table.Row key={`${assignment.id}-${quota.periodStart}`}>
                  <Table.Cell>{fullName(assignment.contact)}</Table.Cell>
                  <Table.Cell>
                    {t('decisions.range', {
                      from: formatDate(quota.hours.periodStart),
                      to: formatDate(quota.hours.periodEnd),
                    })}
                  </Table.Cell>
                  <Table.Cell>
                    {t('quotas.hoursValue', { hours: formatNumber(quota.hours.grantedHours) })}
                    {quota.hours.approvedOverrunHours > 0
                      ? ` ${t('quotas.extra', { hours: formatNumber(quota.hours.approvedOverrunHours) })}`
                      : ''}
                  </Table.Cell>
                  <Table.Cell>
                    <span className="row">
                      {t('quotas.hoursValue', { hours: formatNumber(quota.hours.usedHours) })}
                      {quota.hours.usedPercent !== null
                        ? ` (${formatNumber(Math.round(quota.hours.usedPercent))} %)`
                        : ''}
                      {quota.hours.warning ? <Tag data-color="warning">{t('quotas.warning')}</Tag> : null}
                    </span>
                  </Table.Cell>
                  <Table.Cell>
                    {t('quotas.hoursValue', { hours: formatNumber(quota.hours.remainingHours) })}
                  </Table.Cell>
                  <Table.Cell>
                    {quota.km.grantedKm > 0
                      ? t('quotas.kmValue', {
                          used: formatNumber(quota.km.usedKm),
                          granted: formatNumber(quota.km.grantedKm + quota.km.approvedOverrunKm),
                        })
                      : t('decisions.noDriving')}
                  </Table.Cell>
                </Table.Row>
              ))}
            </DataTable>
          );
        }}
      </QueryState>
    </section>
  );
}
