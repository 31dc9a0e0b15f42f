import { Alert, Button, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { errorText } from '../../common/errors/errors';
import { useRun, useStartRun } from '../matching-runs/queries';
import { RunProgress } from '../matching-runs/RunProgress';

/** Start a matching run now and follow it until it has finished. */
export function StartRun() {
  const { t } = useTranslation('matching-runs');
  const start = useStartRun();
  const [runId, setRunId] = useState<string | null>(null);
  const run = useRun(runId);
  // A run already on its way (another coordinator's, or this one's in another tab) is followed instead.
  const pendingRunId =
    start.error instanceof ApiError && start.error.code === 'run_already_pending'
      ? start.error.context.runId
      : undefined;
  const running = run.data && (run.data.status === 'queued' || run.data.status === 'running');
  return (
    <div className="stack">
      <div>
        <Button
          onClick={() =>
            start.mutate(undefined, {
              onSuccess: (created) => setRunId(created.id),
              onError: (error) => {
                if (error instanceof ApiError && typeof error.context.runId === 'string')
                  setRunId(error.context.runId);
              },
            })
          }
          loading={start.isPending}
          disabled={Boolean(running)}
        >
          {t('start')}
        </Button>
      </div>
      {start.isError && pendingRunId ? (
        <Alert data-color="info" role="status">
          <Paragraph>{t('alreadyPending')}</Paragraph>
        </Alert>
      ) : start.isError ? (
        <Alert data-color="danger">
          <Paragraph>{errorText(t, start.error)}</Paragraph>
        </Alert>
      ) : null}
      {run.data && running ? <RunProgress run={run.data} /> : null}
      {run.data?.status === 'completed' ? (
        <Alert data-color="success" role="status">
          <Paragraph>{t('finished')}</Paragraph>
        </Alert>
      ) : null}
      {run.data?.status === 'failed' ? (
        <Alert data-color="danger">
          <Paragraph>{t('failed')}</Paragraph>
        </Alert>
      ) : null}
    </div>
  );
}
