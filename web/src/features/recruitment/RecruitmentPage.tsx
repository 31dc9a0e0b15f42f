import {
  Button,
  Field,
  Heading,
  Label,
  Link,
  Paragraph,
  Table,
  Textarea,
} from '@digdir/designsystemet-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { QueryState } from '../../common/components/QueryState';
import { formatDate, formatNumber } from '../../common/format/format';
import { usePageTitle } from '../../common/layout/usePageTitle';
import { type Recruitment, useLatestCompletedRun, useRecruitment } from './queries';
import { RecruitmentMap } from './RecruitmentMap';
import { adText, languageName, servesText, whenText } from './words';

/** Rekruttering: which støttekontakter to recruit, where and for when, computed from the last completed run. */
export default function RecruitmentPage() {
  const { t } = useTranslation('recruitment');
  usePageTitle(t('title'));
  const run = useLatestCompletedRun();
  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {t('title')}
      </Heading>
      <Paragraph>{t('intro')}</Paragraph>
      <QueryState query={run}>
        {(latest) =>
          latest ? (
            <Plan runId={latest.id} />
          ) : (
            <Paragraph>
              {t('noRun')}{' '}
              <Link asChild>
                <RouterLink to="/forslag">{t('startRun')}</RouterLink>
              </Link>
            </Paragraph>
          )
        }
      </QueryState>
    </div>
  );
}

function Plan({ runId }: { runId: string }) {
  const recruitment = useRecruitment(runId);
  return <QueryState query={recruitment}>{(plan) => <PlanView plan={plan} />}</QueryState>;
}

function PlanView({ plan }: { plan: Recruitment }) {
  const { t } = useTranslation('recruitment');
  const { forecast, waiting, profiles } = plan;
  const reasons = Object.entries(waiting.byReason).filter(([, n]) => n > 0);
  return (
    <>
      <section className="stack" aria-labelledby="gap-heading">
        <Heading level={2} data-size="md" id="gap-heading">
          {t('gap.title', { date: formatDate(plan.runDate) })}
        </Heading>
        <Paragraph>
          {t('gap.waiting', { count: waiting.unmatched, poorly: formatNumber(waiting.poorlyMatched) })}
        </Paragraph>
        {reasons.length > 0 ? (
          <ul>
            {reasons.map(([reason, count]) => (
              <li key={reason}>
                {t(`matching-runs:reason.${reason}`, { defaultValue: t('matching-runs:reason.other') })}:{' '}
                {formatNumber(count)}
              </li>
            ))}
          </ul>
        ) : null}
        <Paragraph>
          {profiles.length > 0
            ? t('forecast.served', {
                count: profiles.length,
                served: formatNumber(forecast.servedByProfiles),
                waiting: formatNumber(forecast.waitingNow),
              })
            : t('forecast.none')}{' '}
          {forecast.stillWaiting > 0
            ? t('forecast.still', {
                count: forecast.stillWaiting,
                days: formatNumber(forecast.longestStillWaitingDays ?? 0),
              })
            : t('forecast.nobody')}
        </Paragraph>
        {forecast.matchableWithoutRecruiting > 0 ? (
          <Paragraph>{t('forecast.matchable', { count: forecast.matchableWithoutRecruiting })}</Paragraph>
        ) : null}
        <Paragraph>
          {t('forecast.rates', {
            decisions: formatNumber(forecast.newDecisionsPer30Days),
            starts: formatNumber(forecast.assignmentsStartedPer30Days),
          })}{' '}
          {forecast.monthsToClear === null
            ? t('forecast.growing')
            : forecast.stillWaiting > 0
              ? t('forecast.months', { months: formatNumber(forecast.monthsToClear) })
              : ''}
        </Paragraph>
      </section>

      {profiles.length > 0 ? (
        <section className="stack" aria-labelledby="profiles-heading">
          <Heading level={2} data-size="md" id="profiles-heading">
            {t('profiles.title')}
          </Heading>
          <RecruitmentMap areas={plan.areas} profiles={profiles} />
          <ProfilesTable profiles={profiles} />
        </section>
      ) : null}

      {profiles.length > 0 ? <AdText plan={plan} /> : null}
    </>
  );
}

/** Wide on purpose: its wrapper scrolls sideways on a narrow screen, and takes focus so a keyboard can scroll it. */
function ProfilesTable({ profiles }: { profiles: Recruitment['profiles'] }) {
  const { t, i18n } = useTranslation('recruitment');
  const captionId = useId();
  const headers = ['rank', 'area', 'when', 'interests', 'languages', 'drives', 'serves', 'gain'];
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={captionId}>
      <Table zebra>
        <caption id={captionId}>{t('profiles.caption')}</caption>
        <Table.Head>
          <Table.Row>
            {headers.map((header) => (
              <Table.HeaderCell key={header}>{t(`profiles.${header}`)}</Table.HeaderCell>
            ))}
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {profiles.map((profile) => (
            <Table.Row key={profile.key}>
              <Table.Cell>{profile.rank}</Table.Cell>
              <Table.Cell>{profile.postalCode ?? t('area.unknown')}</Table.Cell>
              <Table.Cell>
                {whenText(t, profile)} ({profile.start}–{profile.end})
              </Table.Cell>
              <Table.Cell>{profile.interests.join(', ')}</Table.Cell>
              <Table.Cell>
                {profile.languages.map((c) => languageName(c, i18n.language)).join(', ')}
              </Table.Cell>
              <Table.Cell>{profile.drives ? t('yes') : t('no')}</Table.Cell>
              <Table.Cell>{servesText(t, profile)}</Table.Cell>
              <Table.Cell>{formatNumber(profile.marginalGain)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}

function AdText({ plan }: { plan: Recruitment }) {
  const { t } = useTranslation('recruitment');
  const [copied, setCopied] = useState<'copied' | 'failed' | null>(null);
  const text = adText(t, plan.profiles);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied('copied');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <section className="stack" aria-labelledby="ad-heading">
      <Heading level={2} data-size="md" id="ad-heading">
        {t('ad.heading')}
      </Heading>
      <Field>
        <Label>{t('ad.label')}</Label>
        <Textarea className="recruitment-ad" readOnly value={text} rows={14} />
      </Field>
      <div>
        <Button variant="secondary" onClick={() => void copy()}>
          {t('ad.copy')}
        </Button>
      </div>
      <Paragraph role="status">{copied ? t(`ad.${copied}`) : ''}</Paragraph>
    </section>
  );
}
