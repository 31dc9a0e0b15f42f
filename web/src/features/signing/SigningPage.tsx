import {
  Alert,
  Button,
  ErrorSummary,
  Heading,
  Paragraph,
  Radio,
  Fieldset,
  Textarea,
  Field,
  Label,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiError, type Schemas } from '../../api/client';
import { PageSpinner } from '../../common/layout/PageSpinner';
import { errorText } from '../../common/errors/errors';
import { formatDate, formatKroner, formatNumber, formatWeekday } from '../../common/format/format';
import { usePageTitle } from '../../common/layout/usePageTitle';
import { useSigningDecision, useSigningView } from './queries';
import './signing.css';

const REFUSED = [
  'signing_link_used',
  'signing_link_replaced',
  'signing_link_expired',
  'signing_link_not_found',
  'timesheet_changed',
];

/** Why a link cannot be used, in plain words; null for any other error. */
function refusal(t: TFunction, error: unknown): { title: string; text: string } | null {
  if (!(error instanceof ApiError) || !REFUSED.includes(error.code)) return null;
  return { title: t(`refused.${error.code}.title`), text: t(`refused.${error.code}.text`) };
}

/** /signer/:token — the user (or guardian) reads the month's timesheet and confirms it or objects to it. */
export default function SigningPage() {
  const { t } = useTranslation('signing');
  usePageTitle(t('title'));
  const { token = '' } = useParams();
  const view = useSigningView(token);
  if (view.isPending) return <PageSpinner />;
  if (view.isError) {
    const refused = refusal(t, view.error);
    return (
      <div className="stack">
        <Heading level={1} data-size="lg">
          {refused?.title ?? t('title')}
        </Heading>
        <Alert data-color="warning">
          <Paragraph>{refused?.text ?? errorText(t, view.error)}</Paragraph>
        </Alert>
        <Paragraph>{t('refused.help')}</Paragraph>
      </div>
    );
  }
  return <SigningForm token={token} view={view.data} />;
}

function SigningForm({ token, view }: { token: string; view: Schemas['SigningViewResponse'] }) {
  const { t } = useTranslation('signing');
  const decide = useSigningDecision(token);
  const [answer, setAnswer] = useState<'confirm' | 'object' | ''>('');
  const [comment, setComment] = useState('');
  const [problem, setProblem] = useState<'answer' | 'comment' | null>(null);
  const period = { from: formatDate(view.periodStart), to: formatDate(view.periodEnd) };
  const names = { contact: view.contactFirstName, user: view.userFirstName };

  if (decide.isSuccess) {
    return (
      <div className="stack">
        <Heading level={1} data-size="lg">
          {decide.data.status === 'signed' ? t('done.signedTitle') : t('done.objectedTitle')}
        </Heading>
        <Alert data-color="success" role="status">
          <Paragraph>
            {decide.data.status === 'signed' ? t('done.signed', period) : t('done.objected')}
          </Paragraph>
        </Alert>
        <Paragraph>{t('done.close')}</Paragraph>
      </div>
    );
  }
  const refused = decide.isError ? refusal(t, decide.error) : null;

  function submit() {
    if (!answer) return setProblem('answer');
    if (answer === 'object' && !comment.trim()) return setProblem('comment');
    setProblem(null);
    decide.mutate(
      answer === 'confirm' ? { decision: 'confirm' } : { decision: 'object', comment: comment.trim() },
    );
  }

  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {t('title')}
      </Heading>
      <Paragraph>
        {view.signer === 'guardian'
          ? t('intro.guardian', { ...names, ...period })
          : t('intro.user', { ...names, ...period })}
      </Paragraph>
      <Heading level={2} data-size="sm">
        {t('lines.caption', period)}
      </Heading>
      <ul className="signing-lines">
        {view.lines.map((line, index) => (
          <li key={`${line.date}-${line.start}-${index}`}>
            <Paragraph>
              <strong>
                {t('lines.when', {
                  weekday: formatWeekday(line.date),
                  date: formatDate(line.date),
                  from: line.start,
                  to: line.end,
                })}
              </strong>
              {line.correction ? ` ${t('lines.correction')}` : ''}
            </Paragraph>
            <Paragraph>
              {line.activity}.{' '}
              {line.km > 0
                ? t('lines.hoursAndKm', { hours: formatNumber(line.hours), km: formatNumber(line.km) })
                : t('lines.hoursOnly', { hours: formatNumber(line.hours) })}
            </Paragraph>
          </li>
        ))}
      </ul>
      <Paragraph>
        {t('totals', {
          count: view.totals.sessions,
          hours: formatNumber(view.totals.hours),
          km: formatNumber(view.totals.km),
        })}
        {view.totals.expensesOre > 0
          ? ` ${t('expenses', { amount: formatKroner(view.totals.expensesOre / 100) })}`
          : ''}
      </Paragraph>
      <Paragraph data-size="sm">{t('expires', { date: formatDate(view.expiresAt) })}</Paragraph>
      <form
        className="stack"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        {problem ? (
          <ErrorSummary>
            <ErrorSummary.Heading>{t('problem.title')}</ErrorSummary.Heading>
            <ErrorSummary.List>
              <ErrorSummary.Item>
                <ErrorSummary.Link href={problem === 'answer' ? '#signing-answer' : '#signing-comment'}>
                  {t(`problem.${problem}`)}
                </ErrorSummary.Link>
              </ErrorSummary.Item>
            </ErrorSummary.List>
          </ErrorSummary>
        ) : null}
        {decide.isError ? (
          <Alert data-color="danger">
            <Paragraph>{refused ? `${refused.title} ${refused.text}` : errorText(t, decide.error)}</Paragraph>
          </Alert>
        ) : null}
        <Fieldset id="signing-answer">
          <Fieldset.Legend>{t('answer.legend')}</Fieldset.Legend>
          <Radio
            name="answer"
            value="confirm"
            checked={answer === 'confirm'}
            onChange={() => setAnswer('confirm')}
            label={t('answer.confirm')}
          />
          <Radio
            name="answer"
            value="object"
            checked={answer === 'object'}
            onChange={() => setAnswer('object')}
            label={t('answer.object')}
          />
        </Fieldset>
        {answer === 'object' ? (
          <Field>
            <Label htmlFor="signing-comment">{t('answer.comment')}</Label>
            <Textarea
              id="signing-comment"
              value={comment}
              maxLength={2000}
              rows={4}
              aria-invalid={problem === 'comment' || undefined}
              onChange={(event) => setComment(event.target.value)}
            />
            {problem === 'comment' ? <ValidationMessage>{t('problem.comment')}</ValidationMessage> : null}
          </Field>
        ) : null}
        <div>
          <Button type="submit" loading={decide.isPending}>
            {t('answer.submit')}
          </Button>
        </div>
      </form>
    </div>
  );
}
