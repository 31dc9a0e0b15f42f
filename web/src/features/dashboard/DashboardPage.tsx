import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../common/components/QueryState';
import { usePageTitle } from '../../common/layout/usePageTitle';
import { useLatestRun } from '../matching-runs/queries';
import { RunCard } from '../matching-runs/RunCard';
import { LapsesSection } from './LapsesSection';
import { QuotaWarningsSection } from './QuotaWarningsSection';
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
