import { Button, ErrorSummary, Fieldset, Paragraph, Radio, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../common/components/QueryState';
import { errorText } from '../../common/errors/errors';
import { osloDay, osloInstant } from '../../common/format/format';
import { type Introduction, useBook, useSuggestedTimes } from './queries';
import { WeekView } from './WeekView';

const OTHER = 'other';

/** Book (or move) the meeting: a time free for user, contact and saksbehandler, or another time, in Oslo time. */
export function BookingForm({ introduction, onDone }: { introduction: Introduction; onDone?: () => void }) {
  const { t } = useTranslation('introductions');
  const suggested = useSuggestedTimes(introduction.id, true);
  const book = useBook(introduction.id);
  const [choice, setChoice] = useState('');
  const [day, setDay] = useState(osloDay());
  const [time, setTime] = useState('');
  const [location, setLocation] = useState(introduction.meeting?.location ?? '');
  const [problem, setProblem] = useState<string | null>(null);

  function submit() {
    setProblem(null);
    let startsAt = choice;
    if (choice === OTHER) {
      if (!day || !time) {
        setProblem(t('booking.otherMissing'));
        return;
      }
      startsAt = osloInstant(day, time);
    }
    if (!startsAt) {
      setProblem(t('booking.choiceMissing'));
      return;
    }
    book.mutate(
      { startsAt, durationMinutes: 60, ...(location.trim() ? { location: location.trim() } : {}) },
      { onSuccess: () => onDone?.() },
    );
  }

  return (
    <form
      className="stack"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      {problem || book.isError ? (
        <ErrorSummary>
          <ErrorSummary.Heading>{t('errors.summaryTitle', { ns: 'common' })}</ErrorSummary.Heading>
          <ErrorSummary.List>
            <ErrorSummary.Item>
              <ErrorSummary.Link href="#booking-times">
                {problem ?? errorText(t, book.error)}
              </ErrorSummary.Link>
            </ErrorSummary.Item>
          </ErrorSummary.List>
        </ErrorSummary>
      ) : null}
      <QueryState query={suggested}>
        {(answer) => (
          <Fieldset id="booking-times">
            <Fieldset.Legend>{t('booking.legend')}</Fieldset.Legend>
            <Fieldset.Description>{t('booking.description')}</Fieldset.Description>
            {answer.times.length === 0 ? <Paragraph>{t('booking.noneFree')}</Paragraph> : null}
            <WeekView slots={answer.times} choice={choice} onChoose={setChoice} />
            <Radio
              name="startsAt"
              value={OTHER}
              checked={choice === OTHER}
              onChange={() => setChoice(OTHER)}
              label={t('booking.other')}
            />
          </Fieldset>
        )}
      </QueryState>
      {choice === OTHER ? (
        <div className="row">
          <Textfield
            label={t('booking.day')}
            type="date"
            value={day}
            onChange={(e) => setDay(e.target.value)}
          />
          <Textfield
            label={t('booking.time')}
            description={t('booking.timeZone')}
            type="time"
            value={time}
            onChange={(e) => setTime(e.target.value)}
          />
        </div>
      ) : null}
      <Textfield
        label={t('booking.location')}
        value={location}
        onChange={(e) => setLocation(e.target.value)}
      />
      <div>
        <Button type="submit" loading={book.isPending}>
          {introduction.status === 'booked' ? t('booking.move') : t('booking.book')}
        </Button>
      </div>
    </form>
  );
}
