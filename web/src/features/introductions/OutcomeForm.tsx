import {
  Button,
  ErrorSummary,
  Field,
  Fieldset,
  Label,
  Radio,
  Select,
  Textfield,
} from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../api/client';
import { errorText } from '../../common/errors/errors';
import { osloDay } from '../../common/format/format';
import { type Introduction, useRecordOutcome } from './queries';

type Reason = NonNullable<Schemas['OutcomeRequest']['reason']>;
const REASONS: Reason[] = [
  'personality',
  'interests',
  'schedule',
  'distance',
  'age',
  'gender',
  'language',
  'contact_unavailable',
  'user_unavailable',
  'other',
];

/** After the meeting: both go on (the assignment starts on a date) or not (the pair is declined, with a reason). */
export function OutcomeForm({ introduction }: { introduction: Introduction }) {
  const { t } = useTranslation('introductions');
  const record = useRecordOutcome(introduction.id);
  const [goOn, setGoOn] = useState<'yes' | 'no' | ''>('');
  const [startsOn, setStartsOn] = useState(osloDay());
  const [reason, setReason] = useState<Reason | ''>('');
  const [problem, setProblem] = useState<{ field: string; text: string } | null>(null);

  function submit() {
    setProblem(null);
    if (goOn === '') return setProblem({ field: 'outcome-continue', text: t('outcome.choiceMissing') });
    if (goOn === 'yes') {
      if (!startsOn) return setProblem({ field: 'outcome-starts', text: t('outcome.startMissing') });
      record.mutate({ continue: true, startsOn });
    } else {
      if (reason === '') return setProblem({ field: 'outcome-reason', text: t('outcome.reasonMissing') });
      record.mutate({ continue: false, reason, declinedBy: 'both' });
    }
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
      {problem || record.isError ? (
        <ErrorSummary>
          <ErrorSummary.Heading>{t('errors.summaryTitle', { ns: 'common' })}</ErrorSummary.Heading>
          <ErrorSummary.List>
            <ErrorSummary.Item>
              <ErrorSummary.Link href={`#${problem?.field ?? 'outcome-continue'}`}>
                {problem?.text ?? errorText(t, record.error)}
              </ErrorSummary.Link>
            </ErrorSummary.Item>
          </ErrorSummary.List>
        </ErrorSummary>
      ) : null}
      <Fieldset id="outcome-continue">
        <Fieldset.Legend>{t('outcome.legend')}</Fieldset.Legend>
        <Radio
          name="continue"
          value="yes"
          checked={goOn === 'yes'}
          onChange={() => setGoOn('yes')}
          label={t('outcome.yes')}
        />
        <Radio
          name="continue"
          value="no"
          checked={goOn === 'no'}
          onChange={() => setGoOn('no')}
          label={t('outcome.no')}
        />
      </Fieldset>
      {goOn === 'yes' ? (
        <Textfield
          id="outcome-starts"
          label={t('outcome.startsOn')}
          type="date"
          value={startsOn}
          onChange={(e) => setStartsOn(e.target.value)}
        />
      ) : null}
      {goOn === 'no' ? (
        <Field>
          <Label htmlFor="outcome-reason">{t('outcome.reason')}</Label>
          <Select
            id="outcome-reason"
            value={reason}
            onChange={(e) => setReason(e.target.value as Reason | '')}
          >
            <Select.Option value="">{t('outcome.choose')}</Select.Option>
            {REASONS.map((value) => (
              <Select.Option key={value} value={value}>
                {t(`reasons.${value}`)}
              </Select.Option>
            ))}
          </Select>
        </Field>
      ) : null}
      <div>
        <Button type="submit" loading={record.isPending}>
          {t('outcome.submit')}
        </Button>
      </div>
    </form>
  );
}
