import { Details, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../common/components/DataTable';
import { QueryState } from '../../common/components/QueryState';
import { formatDate, formatNumber } from '../../common/format/format';
import { useDecisions } from './queries';

const STATUS_COLOR = { current: 'success', upcoming: 'info', expired: 'neutral' } as const;

/** Vedtak: hours a week or a month, driving, the period and the form of service, newest first. */
export function DecisionsSection({ serviceUserId }: { serviceUserId: string }) {
  const { t } = useTranslation('service-users');
  const decisions = useDecisions(serviceUserId);
  return (
    <section className="stack" aria-labelledby="decisions-heading">
      <Heading level={2} data-size="md" id="decisions-heading">
        {t('decisions.title')}
      </Heading>
      <QueryState query={decisions}>
        {(list) =>
          list.items.length === 0 ? (
            <Paragraph>{t('decisions.none')}</Paragraph>
          ) : (
            <>
              <DataTable
                caption={t('decisions.caption')}
                headers={[
                  t('decisions.form'),
                  t('decisions.hours'),
                  t('decisions.driving'),
                  t('decisions.period'),
                  t('decisions.decidedOn'),
                  t('decisions.status'),
                ]}
              >
                {list.items.map((decision) => (
                  <Table.Row key={decision.id}>
                    <Table.Cell>
                      {t(`form.${decision.serviceForm}`)}
                      {decision.grantedByChildWelfare ? ` ${t('decisions.childWelfare')}` : ''}
                    </Table.Cell>
                    <Table.Cell>
                      {t(`hoursPer.${decision.hoursPeriod}`, { hours: formatNumber(decision.hoursGranted) })}
                    </Table.Cell>
                    <Table.Cell>
                      {decision.drivingKmGranted > 0
                        ? t(`kmPer.${decision.drivingPeriod}`, {
                            km: formatNumber(decision.drivingKmGranted),
                          })
                        : t('decisions.noDriving')}
                    </Table.Cell>
                    <Table.Cell>
                      {t('decisions.range', {
                        from: formatDate(decision.validFrom),
                        to: formatDate(decision.validTo),
                      })}
                    </Table.Cell>
                    <Table.Cell>{formatDate(decision.decidedOn)}</Table.Cell>
                    <Table.Cell>
                      <Tag data-color={STATUS_COLOR[decision.status]}>
                        {t(`decisions.statuses.${decision.status}`)}
                      </Tag>
                    </Table.Cell>
                  </Table.Row>
                ))}
              </DataTable>
              {list.items
                .filter((decision) => decision.decisionText)
                .map((decision) => (
                  <Details key={decision.id}>
                    <Details.Summary>
                      {t('decisions.text', {
                        from: formatDate(decision.validFrom),
                        to: formatDate(decision.validTo),
                      })}
                    </Details.Summary>
                    <Details.Content>
                      <Paragraph>{decision.decisionText}</Paragraph>
                    </Details.Content>
                  </Details>
                ))}
            </>
          )
        }
      </QueryState>
    </section>
  );
}
