import { Alert, Card, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { formatDateTime, formatNumber } from '../../common/format/format';
import { type MatchingRun, runSummary } from './queries';
import { RunProgress } from './RunProgress';

/** A matching run in words: when, how it went, how many were proposed and why the rest were not. */
export function RunCard({ run, headingLevel = 2 }: { run: MatchingRun | null; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation('matching-runs');
  if (!run) {
    return (
      <Card data-color="neutral">
        <Heading level={headingLevel} data-size="xs">
          {t('lastRun')}
        </Heading>
        <Paragraph>{t('noRuns')}</Paragraph>
      </Card>
    );
  }
  const summary = runSummary(run);
  const reasons = Object.entries(summary?.unmatchedByReason ?? {}).filter(([, count]) => count > 0);
  const groupReasons = Object.entries(summary?.groupUnplacedByReason ?? {}).filter(([, count]) => count > 0);
  return (
    <Card data-color="neutral">
      <Heading level={headingLevel} data-size="xs">
        {t('lastRun')}
      </Heading>
      <Paragraph>
        {t(`trigger.${run.trigger}`)} ·{' '}
        {formatDateTime(run.finishedAt ?? run.startedAt ?? run.createdAt, t('at'))}
      </Paragraph>
      {run.status === 'completed' && summary ? (
        <>
          <Paragraph>
            {t('summary', {
              waiting: formatNumber(summary.usersWaiting ?? 0),
              proposed: formatNumber(summary.proposed ?? 0),
              unmatched: formatNumber(summary.unmatched ?? 0),
            })}
          </Paragraph>
          {reasons.length > 0 ? (
            <>
              <Paragraph>{t('unmatchedBy')}</Paragraph>
              <ul>
                {reasons.map(([reason, count]) => (
                  <li key={reason}>
                    {t(`reason.${reason}`, { defaultValue: t('reason.other') })}: {formatNumber(count)}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {groupReasons.length > 0 ? (
            <>
              <Paragraph>
                {t('groupUnplaced', {
                  count: groupReasons.reduce((sum, [, count]) => sum + count, 0),
                  days: formatNumber(summary.longestWaitGroupUnplacedDays ?? 0),
                })}
              </Paragraph>
              <ul>
                {groupReasons.map(([reason, count]) => (
                  <li key={reason}>
                    {t(`groupReason.${reason}`, { defaultValue: t('reason.other') })}: {formatNumber(count)}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {(summary.unmatched ?? 0) > 0 ? (
            <Paragraph>
              <Link asChild>
                <RouterLink to="/rekruttering">{t('recruitmentLink')}</RouterLink>
              </Link>
            </Paragraph>
          ) : null}
        </>
      ) : null}
      {run.status === 'failed' ? <Alert data-color="danger">{t('failed')}</Alert> : null}
      {run.status === 'queued' || run.status === 'running' ? <RunProgress run={run} /> : null}
    </Card>
  );
}
