import { Alert, Card, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../common/components/QueryState';
import { formatDate, formatNumber } from '../../common/format/format';
import { usePageTitle } from '../../common/layout/usePageTitle';
import {
  type AssignedUser,
  type OwnAssignment,
  useInterestLabels,
  useMyAssignments,
  useMyUsers,
  useQuotas,
} from './queries';
import './contact.css';

/** Mine oppdrag: each user with what the work needs, and the hours left of this period. */
export default function MyAssignmentsPage() {
  const { t } = useTranslation('contact');
  usePageTitle(t('assignments.title'));
  const assignments = useMyAssignments();
  const users = useMyUsers();
  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {t('assignments.title')}
      </Heading>
      <QueryState query={assignments}>
        {(list) => (
          <QueryState query={users}>
            {(people) =>
              list.length === 0 ? (
                <Paragraph>{t('assignments.none')}</Paragraph>
              ) : (
                <ul className="card-list">
                  {list.map((assignment) => (
                    <li key={assignment.id}>
                      <AssignmentCard assignment={assignment} users={people} />
                    </li>
                  ))}
                </ul>
              )
            }
          </QueryState>
        )}
      </QueryState>
    </div>
  );
}

function AssignmentCard({ assignment, users }: { assignment: OwnAssignment; users: AssignedUser[] }) {
  const { t } = useTranslation('contact');
  const quotas = useQuotas(assignment.id);
  const interests = useInterestLabels();
  const byId = new Map(users.map((user) => [user.id, user]));
  const user = assignment.serviceUser ? byId.get(assignment.serviceUser.id) : undefined;
  const title = assignment.group
    ? t('assignments.group', { name: assignment.group.name })
    : (assignment.serviceUser?.firstName ?? '');
  const interestText = (codes: string[]) =>
    codes.map((code) => interests.data?.get(code) ?? code).join(', ') || t('assignments.noneGiven');
  return (
    <Card data-color="neutral">
      <Heading level={2} data-size="sm">
        {title}
      </Heading>
      <Paragraph data-size="sm">
        {t('assignments.since', {
          date: formatDate(assignment.startsOn),
          hours: formatNumber(assignment.weeklyHours),
        })}
      </Paragraph>
      {user ? (
        <dl className="facts">
          <dt>{t('assignments.phone')}</dt>
          <dd>{user.phone ?? t('assignments.noneGiven')}</dd>
          {user.guardianPhone ? (
            <>
              <dt>{t('assignments.guardianPhone')}</dt>
              <dd>{user.guardianPhone}</dd>
            </>
          ) : null}
          <dt>{t('assignments.interests')}</dt>
          <dd>{interestText(user.interests)}</dd>
          <dt>{t('assignments.area')}</dt>
          <dd>{user.area ?? t('assignments.noneGiven')}</dd>
          <dt>{t('assignments.companionCard.term')}</dt>
          <dd>{t(`assignments.companionCard.${user.companionCard ?? 'notRecorded'}`)}</dd>
        </dl>
      ) : null}
      <QueryState query={quotas}>
        {(list) =>
          list.length === 0 ? (
            <Paragraph>{t('assignments.noQuota')}</Paragraph>
          ) : (
            <div className="stack">
              {list.map((quota) => {
                const name = byId.get(quota.serviceUserId)?.firstName ?? title;
                const text = t('assignments.hoursLeft', {
                  name,
                  left: formatNumber(quota.hours.remainingHours),
                  granted: formatNumber(quota.hours.grantedHours + quota.hours.approvedOverrunHours),
                  end: formatDate(quota.hours.periodEnd),
                });
                return quota.hours.warning ? (
                  <Alert key={quota.serviceUserId} data-color="warning">
                    <Paragraph>{text}</Paragraph>
                    <Paragraph>{t('assignments.warning80')}</Paragraph>
                  </Alert>
                ) : (
                  <Paragraph key={quota.serviceUserId}>{text}</Paragraph>
                );
              })}
            </div>
          )
        }
      </QueryState>
    </Card>
  );
}
