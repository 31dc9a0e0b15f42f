import { Alert, Button, Paragraph } from '@digdir/designsystemet-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../common/format/format';
import {
  elapsedMinutes,
  loadTimer,
  type RunningTimer,
  saveTimer,
  startTimer,
  stopTimer,
} from './session-timer';

/** Start when you meet, stop when you part: the form gets the date and the times. Survives a reload. */
export function SessionTimer(props: {
  contactId: string;
  onStopped: (times: { date: string; start: string; end: string }) => void;
}) {
  const { t } = useTranslation('contact');
  const [timer, setTimer] = useState<RunningTimer | null>(() => loadTimer(props.contactId));
  const [now, setNow] = useState(() => new Date());
  const [outcome, setOutcome] = useState<'filled' | 'untilMidnight' | 'too_short' | null>(null);

  useEffect(() => {
    if (!timer) return;
    const tick = window.setInterval(() => setNow(new Date()), 15_000);
    return () => window.clearInterval(tick);
  }, [timer]);

  const change = (next: RunningTimer | null) => {
    saveTimer(props.contactId, next);
    setTimer(next);
    setNow(new Date());
  };

  if (!timer) {
    return (
      <div className="stack stack--tight">
        {outcome ? (
          <Alert data-color={outcome === 'too_short' ? 'warning' : 'info'} role="status">
            {t(`timer.${outcome}`)}
          </Alert>
        ) : null}
        <div>
          <Button
            type="button"
            variant="secondary"
            onClick={() => {
              setOutcome(null);
              change(startTimer(new Date()));
            }}
          >
            {t('timer.start')}
          </Button>
        </div>
      </div>
    );
  }
  return (
    <div className="stack stack--tight">
      <Paragraph>
        {t('timer.running', {
          start: formatTime(timer.startedAt),
          minutes: elapsedMinutes(timer, now),
        })}
      </Paragraph>
      <div className="row">
        <Button
          type="button"
          onClick={() => {
            const stopped = stopTimer(timer, new Date());
            change(null);
            if (!stopped.ok) return setOutcome('too_short');
            props.onStopped({ date: stopped.date, start: stopped.start, end: stopped.end });
            setOutcome(stopped.untilMidnight ? 'untilMidnight' : 'filled');
          }}
        >
          {t('timer.stop')}
        </Button>
        <Button type="button" variant="tertiary" onClick={() => change(null)}>
          {t('timer.discard')}
        </Button>
      </div>
    </div>
  );
}
