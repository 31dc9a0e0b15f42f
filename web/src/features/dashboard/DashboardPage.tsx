import { Heading, Paragraph } from '@digdir/designsystemet-react';
import type { QueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../common/components/QueryState';
import { usePageTitle } from '../../common/layout/usePageTitle';
import { latestRunQuery, useLatestRun } from '../matching-runs/queries';
import { RunCard } from '../matching-runs/RunCard';
import { LapsesSection } from './LapsesSection';
import { QuotaWarningsSection } from './QuotaWarningsSection';
import { lapsesQuery, quotaWarningsQuery, waitingListQuery } from './queries';
import { WaitingListSection } from './WaitingListSection';

/** Oversikt: who waits longest, the last run, what lapses soon, who is near their quota. */
export default function DashboardPage() {
  const { t } = useTranslation('dashboard');
  usePageTitle(t('title'));
  const latestRun = useLatestRun();
  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {t('title')}
      </Heading>
      <Paragraph>{t('intro')}</Paragraph>
      <QueryState query={latestRun}>{(run) => <RunCard run={run} />}</QueryState>
      <WaitingListSection />
      <LapsesSection />
      <QuotaWarningsSection />
    </div>
  );
}

/** The queries the dashboard opens with, started by the route while the session is read (router.tsx). */
export function prefetch(client: QueryClient): void {
  void client.prefetchQuery(waitingListQuery(1));
  void client.prefetchQuery(lapsesQuery());
  void client.prefetchQuery(quotaWarningsQuery());
  void client.prefetchQuery(latestRunQuery());
}
