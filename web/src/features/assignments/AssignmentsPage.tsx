import { Alert, Button, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../common/auth/session';
import { DataTable } from '../../common/components/DataTable';
import { StatusTabs } from '../../common/components/StatusTabs';
import { Pager } from '../../common/components/Pager';
import { QueryState } from '../../common/components/QueryState';
import { formatDate, formatNumber } from '../../common/format/format';
import { fullName } from '../../common/format/names';
import { usePageTitle } from '../../common/layout/usePageTitle';
import { EndAssignmentDialog } from './EndAssignmentDialog';
import { assignmentParty } from './party';
import { type Assignment, type AssignmentFilter, ASSIGNMENTS_PAGE_SIZE, useAssignments } from './queries';

const FILTERS: AssignmentFilter[] = ['active', 'ended'];

/** Oppdrag: active or ended assignments, latest start first; a coordinator ends one with a reason. */
export default function AssignmentsPage() {
  const { t } = useTranslation('assignments');
  usePageTitle(t('title'));
  const role = useSession().data?.user?.role;
  const canEnd = role === 'coordinator' || role === 'admin';
  const [filter, setFilter] = useState<AssignmentFilter>('active');
  const [page, setPage] = useState(1);
  const [ending, setEnding] = useState<Assignment | null>(null);
  const [ended, setEnded] = useState<string | null>(null);
  const assignments = useAssignments(filter, page);
  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {t('title')}
      </Heading>
      <Paragraph>{t('intro')}</Paragraph>
      {ended ? (
        <Alert data-color="success" role="status">
          <Paragraph>{ended}</Paragraph>
        </Alert>
      ) : null}
      <StatusTabs
        tabs={FILTERS}
        value={filter}
        onChange={(value) => {
          setFilter(value);
          setPage(1);
        }}
        label={(tab) => t(`filter.${tab}`)}
      >
        <QueryState query={assignments}>
          {(list) =>
            list.items.length === 0 ? (
              <Paragraph>{t(`none.${filter}`)}</Paragraph>
            ) : (
              <div className="stack">
                <DataTable
                  caption={t(`caption.${filter}`)}
                  headers={[
                    t('user'),
                    t('contact'),
                    t('startsOn'),
                    t('endsOn'),
                    t('hours'),
                    ...(filter === 'ended' ? [t('endReason')] : []),
                    ...(canEnd && filter === 'active' ? [t('actions')] : []),
                  ]}
                >
                  {(list.items as Assignment[]).map((assignment) => (
                    <Table.Row key={assignment.id}>
                      <Table.Cell>{assignmentParty(t, assignment).user}</Table.Cell>
                      <Table.Cell>{fullName(assignment.contact)}</Table.Cell>
                      <Table.Cell>{formatDate(assignment.startsOn)}</Table.Cell>
                      <Table.Cell>{assignment.endsOn ? formatDate(assignment.endsOn) : t('open')}</Table.Cell>
                      <Table.Cell>{formatNumber(assignment.weeklyHours)}</Table.Cell>
                      {filter === 'ended' ? (
                        <Table.Cell>
                          {assignment.endReason ? t(`reasons.${assignment.endReason}`) : null}
                        </Table.Cell>
                      ) : null}
                      {canEnd && filter === 'active' ? (
                        <Table.Cell>
                          {assignment.endsOn ? null : (
                            <Button
                              variant="secondary"
                              data-size="sm"
                              onClick={() => setEnding(assignment)}
                              aria-label={t('end.open', assignmentParty(t, assignment))}
                            >
                              {t('end.button')}
                            </Button>
                          )}
                        </Table.Cell>
                      ) : null}
                    </Table.Row>
                  ))}
                </DataTable>
                <Pager page={page} pageSize={ASSIGNMENTS_PAGE_SIZE} total={list.total} onChange={setPage} />
              </div>
            )
          }
        </QueryState>
      </StatusTabs>
      {ending ? (
        <EndAssignmentDialog
          assignment={ending}
          onClose={() => setEnding(null)}
          onEnded={() => setEnded(t('end.done', assignmentParty(t, ending)))}
        />
      ) : null}
    </div>
  );
}
