import { Alert, Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../common/components/QueryState';
import { errorText } from '../../common/errors/errors';
import { formatDate } from '../../common/format/format';
import { type CalendarFeed, useCalendarFeed, useRenewCalendarFeed, useRevokeCalendarFeed } from './queries';

/**
 * The person's private calendar feed: make the link, copy it into a calendar app, renew it (the old link stops)
 * or revoke it. The server keeps only the link's hash, so the link is shown once, right after it is made.
 */
export function CalendarFeedSection() {
  const { t } = useTranslation('calendar-feed');
  const feed = useCalendarFeed();
  return (
    <section className="stack" aria-labelledby="calendar-feed-heading">
      <Heading level={2} data-size="sm" id="calendar-feed-heading">
        {t('title')}
      </Heading>
      <Paragraph>{t('intro')}</Paragraph>
      <QueryState query={feed}>{(current) => <FeedControls feed={current} />}</QueryState>
    </section>
  );
}

function FeedControls({ feed }: { feed: CalendarFeed }) {
  const { t } = useTranslation('calendar-feed');
  const renew = useRenewCalendarFeed();
  const revoke = useRevokeCalendarFeed();
  const [copied, setCopied] = useState(false);
  const failure = renew.error ?? revoke.error;
  const copy = async (url: string) => {
    await navigator.clipboard.writeText(url);
    setCopied(true);
  };
  return (
    <div className="stack">
      {feed.url ? (
        <>
          <Textfield label={t('link')} description={t('linkHelp')} readOnly value={feed.url} />
          <div>
            <Button variant="secondary" onClick={() => void copy(feed.url!)}>
              {t('copy')}
            </Button>
          </div>
          {copied ? (
            <Alert data-color="success" role="status">
              {t('copied')}
            </Alert>
          ) : null}
        </>
      ) : feed.active && feed.createdAt ? (
        <Paragraph>{t('active', { date: formatDate(feed.createdAt) })}</Paragraph>
      ) : (
        <Paragraph>{t('none')}</Paragraph>
      )}
      {revoke.isSuccess && !feed.active ? (
        <Alert data-color="info" role="status">
          {t('revoked')}
        </Alert>
      ) : null}
      {failure ? <Alert data-color="danger">{errorText(t, failure)}</Alert> : null}
      <div className="row">
        <Button
          variant={feed.active ? 'secondary' : 'primary'}
          loading={renew.isPending}
          onClick={() => {
            setCopied(false);
            revoke.reset();
            renew.mutate();
          }}
        >
          {feed.active ? t('renew') : t('make')}
        </Button>
        {feed.active ? (
          <Button
            variant="tertiary"
            data-color="danger"
            loading={revoke.isPending}
            onClick={() => {
              setCopied(false);
              renew.reset();
              revoke.mutate();
            }}
          >
            {t('revoke')}
          </Button>
        ) : null}
      </div>
    </div>
  );
}
