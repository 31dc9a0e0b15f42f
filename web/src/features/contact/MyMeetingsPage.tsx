import { Card, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../common/components/QueryState';
import { formatDate, formatTime, formatWeekday } from '../../common/format/format';
import { usePageTitle } from '../../common/layout/usePageTitle';
import { CalendarFeedSection } from '../calendar-feed/CalendarFeedSection';
import { PlannedSessionsSection } from './PlannedSessionsSection';
import { useMyMeetings } from './queries';
import './contact.css';

/** Mine møter: the introduction meetings booked for this contact, soonest first. */
export default function MyMeetingsPage() {
  const { t } = useTranslation('contact');
  usePageTitle(t('meetings.title'));
  const meetings = useMyMeetings();
  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {t('meetings.title')}
      </Heading>
      <Paragraph>{t('meetings.intro')}</Paragraph>
      <QueryState query={meetings}>
        {(list) =>
          list.length === 0 ? (
            <Paragraph>{t('meetings.none')}</Paragraph>
          ) : (
            <ul className="card-list">
              {list.map((meeting) => (
                <li key={meeting.id}>
                  <Card data-color="neutral">
                    <Heading level={2} data-size="sm">
                      {t('meetings.heading', { name: meeting.serviceUser.firstName })}
                    </Heading>
                    <dl className="facts">
                      <dt>{t('meetings.when')}</dt>
                      <dd>
                        {t('meetings.time', {
                          weekday: formatWeekday(meeting.startsAt),
                          date: formatDate(meeting.startsAt),
                          from: formatTime(meeting.startsAt),
                          to: formatTime(meeting.endsAt),
                        })}
                      </dd>
                      <dt>{t('meetings.where')}</dt>
                      <dd>{meeting.location ?? t('meetings.noLocation')}</dd>
                      <dt>{t('meetings.who')}</dt>
                      <dd>
                        {meeting.serviceUser.hasGuardian
                          ? t('meetings.whoWithGuardian', { name: meeting.serviceUser.firstName })
                          : t('meetings.whoUser', { name: meeting.serviceUser.firstName })}
                      </dd>
                    </dl>
                  </Card>
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
      <PlannedSessionsSection />
      <CalendarFeedSection />
    </div>
  );
}
