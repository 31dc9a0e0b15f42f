import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../common/components/DataTable';
import { Pager } from '../../common/components/Pager';
import { QueryState } from '../../common/components/QueryState';
import { formatDate, formatNumber } from '../../common/format/format';
import { fullName } from '../../common/format/names';
import { usePageTitle } from '../../common/layout/usePageTitle';
import { ASSIGNMENTS_PAGE_SIZE, useAssignments } from './queries';

/** Oppdrag: the active assignments, latest start first. */
export default function AssignmentsPage() {
  const { t } = useTranslation('assignments');
  usePageTitle(t('title'));
  const [page, setPage] = useState(1);
  const assignments = useAssignments(page);
  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {t('title')}
      </Heading>
      <Paragraph>{t('intro')}</Paragraph>
      <QueryState query={assignments}>
        {(list) =>
          list.items.length === 0 ? (
            <Paragraph>{t('none')}</Paragraph>
          ) : (
            <div className="stack">
              <DataTable
                caption={t('caption')}
                headers={[t('user'), t('contact'), t('startsOn'), t('endsOn'), t('hours')]}
              >
                {list.items.map((assignment) => (
                  <Table.Row key={assignment.id}>
                    <Table.Cell>
                      {assignment.group
                        ? t('group', { name: assignment.group.name })
                        : assignment.serviceUser
                          ? fullName(assignment.serviceUser)
                          : t('unknown')}
                    </Table.Cell>
                    <Table.Cell>{fullName(assignment.contact)}</Table.Cell>
                    <Table.Cell>{formatDate(assignment.startsOn)}</Table.Cell>
                    <Table.Cell>{assignment.endsOn ? formatDate(assignment.endsOn) : t('open')}</Table.Cell>
                    <Table.Cell>{formatNumber(assignment.weeklyHours)}</Table.Cell>
                  </Table.Row>
                ))}
              </DataTable>
              <Pager page={page} pageSize={ASSIGNMENTS_PAGE_SIZE} total={list.total} onChange={setPage} />
            </div>
          )
        }
      </QueryState>
    </div>
  );
}
