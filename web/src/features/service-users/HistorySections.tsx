import { Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../common/components/DataTable';
import { Pager } from '../../common/components/Pager';
import { QueryState } from '../../common/components/QueryState';
import { formatDateTime } from '../../common/format/format';
import { ACCESS_LOG_PAGE_SIZE, useAccessLog, useCaseHistory } from './queries';

/** Saksgang: every state change of the user's proposals, introductions and assignments, oldest first. */
export function CaseHistorySection({ serviceUserId }: { serviceUserId: string }) {
  const { t } = useTranslation('service-users');
  const history = useCaseHistory(serviceUserId);
  const other = t('history.otherValue');
  const subject = (value: string) => t(`history.subjects.${value}`, { defaultValue: other });
  const state = (type: string, value: string) =>
    t(`history.states.${type}.${value}`, { defaultValue: other });
  const reason = (value: string) => t(`history.reasons.${value}`, { defaultValue: other });
  return (
    <section className="stack" aria-labelledby="history-heading">
      <Heading level={2} data-size="md" id="history-heading">
        {t('history.title')}
      </Heading>
      <QueryState query={history}>
        {(events) =>
          events.length === 0 ? (
            <Paragraph>{t('history.none')}</Paragraph>
          ) : (
            <DataTable
              caption={t('history.caption')}
              headers={[
                t('history.at'),
                t('history.subject'),
                t('history.change'),
                t('history.reason'),
                t('history.actor'),
              ]}
            >
              {events.map((event, index) => (
                <Table.Row key={`${event.subjectId}-${event.at}-${index}`}>
                  <Table.Cell>{formatDateTime(event.at, t('at'))}</Table.Cell>
                  <Table.Cell>{subject(event.subjectType)}</Table.Cell>
                  <Table.Cell>
                    {event.from
                      ? t('history.fromTo', {
                          from: state(event.subjectType, event.from),
                          to: state(event.subjectType, event.to),
                        })
                      : t('history.created', { to: state(event.subjectType, event.to) })}
                  </Table.Cell>
                  <Table.Cell>
                    {event.reasonCode ? reason(event.reasonCode) : '–'}
                    {event.note ? ` (${event.note})` : ''}
                  </Table.Cell>
                  <Table.Cell>{event.actor}</Table.Cell>
                </Table.Row>
              ))}
            </DataTable>
          )
        }
      </QueryState>
    </section>
  );
}

/** Tilgangslogg: who has read the user's record, when, and how (the user's right to see it). */
export function AccessLogSection({ serviceUserId }: { serviceUserId: string }) {
  const { t } = useTranslation('service-users');
  const [page, setPage] = useState(1);
  const log = useAccessLog(serviceUserId, page);
  return (
    <section className="stack" aria-labelledby="access-heading">
      <Heading level={2} data-size="md" id="access-heading">
        {t('access.title')}
      </Heading>
      <Paragraph>{t('access.intro')}</Paragraph>
      <QueryState query={log}>
        {(list) =>
          list.items.length === 0 ? (
            <Paragraph>{t('access.none')}</Paragraph>
          ) : (
            <>
              <DataTable
                caption={t('access.caption')}
                headers={[
                  t('access.at'),
                  t('access.actor'),
                  t('access.role'),
                  t('access.action'),
                  t('access.outcome'),
                ]}
              >
                {list.items.map((entry) => (
                  <Table.Row key={`${entry.requestId}-${entry.occurredAt}-${entry.action}`}>
                    <Table.Cell>{formatDateTime(entry.occurredAt, t('at'))}</Table.Cell>
                    <Table.Cell>{entry.actor}</Table.Cell>
                    <Table.Cell>
                      {t(`role.${entry.role}`, { ns: 'common', defaultValue: t('history.otherValue') })}
                    </Table.Cell>
                    <Table.Cell>
                      {t(`access.actions.${entry.action}`, { defaultValue: t('access.actions.other') })}
                    </Table.Cell>
                    <Table.Cell>
                      <Tag data-color={entry.outcome === 'allowed' ? 'success' : 'danger'}>
                        {t(`access.outcomes.${entry.outcome}`)}
                      </Tag>
                    </Table.Cell>
                  </Table.Row>
                ))}
              </DataTable>
              <Pager
                page={page}
                pageSize={ACCESS_LOG_PAGE_SIZE}
                total={list.total}
                onChange={setPage}
                label={t('access.pages')}
              />
            </>
          )
        }
      </QueryState>
    </section>
  );
}
