import { Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { MatchingRun } from './queries';

/** A live progress bar; the status text is a polite live region so a screen reader hears it change. */
export function RunProgress({ run }: { run: MatchingRun }) {
  const { t } = useTranslation('matching-runs');
  const label = t(`status.${run.status}`);
  return (
    <div className="stack">
      <div className="row">
        <Spinner aria-hidden data-size="sm" />
        <Paragraph role="status" aria-live="polite">
          {t('progress', { status: label, progress: run.progress })}
        </Paragraph>
      </div>
      <progress className="run-progress" max={100} value={run.progress} aria-label={t('progressLabel')} />
    </div>
  );
}
