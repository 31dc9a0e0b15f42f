import { Alert, Button, Card, Heading, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import { QueryState } from '../../common/components/QueryState';
import { errorText } from '../../common/errors/errors';
import { formatDate, formatDateTime, formatNumber, formatTime } from '../../common/format/format';
import { fullName } from '../../common/format/names';
import { usePageTitle } from '../../common/layout/usePageTitle';
import { BookingForm } from './BookingForm';
import { OutcomeForm } from './OutcomeForm';
import { type Introduction, useCancelBooking, useIntroduction } from './queries';

export const STATUS_COLOR = {
  awaiting_booking: 'warning',
  booked: 'info',
  started: 'success',
  declined: 'neutral',
} as const;

/** The time now, ticking every 15 seconds, so the outcome form appears once the meeting has begun. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 15_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

function Meeting({ introduction }: { introduction: Introduction }) {
  const { t } = useTranslation('introductions');
  const cancel = useCancelBooking(introduction.id);
  const [moving, setMoving] = useState(false);
  const now = useNow();
  const meeting = introduction.meeting;
  if (introduction.status === 'awaiting_booking') {
    return (
      <section className="stack" aria-labelledby="booking-heading">
        <Heading level={2} data-size="sm" id="booking-heading">
          {t('booking.title')}
        </Heading>
        <BookingForm introduction={introduction} />
      </section>
    );
  }
  if (introduction.status !== 'booked' || !meeting) return null;
  const begun = new Date(meeting.startsAt).getTime() <= now;
  return (
    <>
      <section className="stack" aria-labelledby="meeting-heading">
        <Heading level={2} data-size="sm" id="meeting-heading">
          {t('meeting.title')}
        </Heading>
        <Paragraph>
          {t('meeting.when', {
            date: formatDate(meeting.startsAt),
            from: formatTime(meeting.startsAt),
            to: formatTime(meeting.endsAt),
          })}
        </Paragraph>
        {meeting.location ? (
          <Paragraph>{t('meeting.where', { location: meeting.location })}</Paragraph>
        ) : null}
        {!begun ? (
          <div className="row">
            <Button variant="secondary" onClick={() => setMoving((value) => !value)} aria-expanded={moving}>
              {t('meeting.move')}
            </Button>
            <Button
              variant="tertiary"
              data-color="danger"
              onClick={() => cancel.mutate()}
              loading={cancel.isPending}
            >
              {t('meeting.cancel')}
            </Button>
          </div>
        ) : null}
        {cancel.isError ? (
          <Alert data-color="danger">
            <Paragraph>{errorText(t, cancel.error)}</Paragraph>
          </Alert>
        ) : null}
        {moving && !begun ? (
          <BookingForm introduction={introduction} onDone={() => setMoving(false)} />
        ) : null}
      </section>
      <section className="stack" aria-labelledby="outcome-heading">
        <Heading level={2} data-size="sm" id="outcome-heading">
          {t('outcome.title')}
        </Heading>
        {begun ? (
          <OutcomeForm introduction={introduction} />
        ) : (
          <Paragraph>{t('outcome.notYet', { when: formatDateTime(meeting.startsAt, t('at')) })}</Paragraph>
        )}
      </section>
    </>
  );
}

function Started({ introduction }: { introduction: Introduction }) {
  const { t } = useTranslation('introductions');
  const contract = introduction.contract;
  if (introduction.status !== 'started' || !contract) return null;
  return (
    <Alert data-color="success">
      <Heading level={2} data-size="xs">
        {t('started.title')}
      </Heading>
      <Paragraph>
        {t('started.text', {
          date: formatDate(contract.startsOn),
          hours: formatNumber(contract.weeklyHours),
        })}
      </Paragraph>
      <Link asChild>
        <RouterLink to="/oppdrag">{t('started.link')}</RouterLink>
      </Link>
    </Alert>
  );
}

export default function IntroductionPage() {
  const { t } = useTranslation('introductions');
  const { id = '' } = useParams();
  const introduction = useIntroduction(id);
  usePageTitle(t('one.title'));
  return (
    <div className="stack">
      <Link asChild>
        <RouterLink to="/introduksjoner">{t('one.back')}</RouterLink>
      </Link>
      <QueryState query={introduction}>
        {(intro) => (
          <>
            <Heading level={1} data-size="lg">
              {t('one.heading', { user: fullName(intro.serviceUser), contact: fullName(intro.contact) })}
            </Heading>
            <div>
              <Tag data-color={STATUS_COLOR[intro.status]}>{t(`status.${intro.status}`)}</Tag>
            </div>
            <Card data-color="neutral">
              <Paragraph>{t('one.user', { name: fullName(intro.serviceUser) })}</Paragraph>
              <Paragraph>{t('one.contact', { name: fullName(intro.contact) })}</Paragraph>
              <Paragraph>{t('one.hours', { hours: formatNumber(intro.weeklyHours) })}</Paragraph>
            </Card>
            <Started introduction={intro} />
            {intro.status === 'declined' ? (
              <Paragraph>
                {t('one.declined', { reason: t(`reasons.${intro.declineReason ?? 'other'}`) })}
              </Paragraph>
            ) : null}
            <Meeting introduction={intro} />
          </>
        )}
      </QueryState>
    </div>
  );
}
