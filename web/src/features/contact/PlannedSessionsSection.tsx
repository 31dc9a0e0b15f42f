import {
  Alert,
  Button,
  ErrorSummary,
  Field,
  Heading,
  Label,
  Paragraph,
  Select,
  Textfield,
} from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../common/components/QueryState';
import { errorText } from '../../common/errors/errors';
import { formatDate, formatWeekday } from '../../common/format/format';
import { ApiError } from '../../api/client';
import { assignmentName, refusalText } from './LogSessionPage';
import {
  type OwnAssignment,
  useCancelPlannedSession,
  useMyAssignments,
  useMyPlannedSessions,
  usePlanSession,
} from './queries';

type Field = 'date' | 'start' | 'end';

/** Planlagte økter: times ahead with a user, which the calendar feed shows (only the time and the first name). */
export function PlannedSessionsSection() {
  const { t } = useTranslation('contact');
  const assignments = useMyAssignments();
  return (
    <section className="stack" aria-labelledby="planned-heading">
      <Heading level={2} data-size="sm" id="planned-heading">
        {t('planned.title')}
      </Heading>
      <Paragraph>{t('planned.intro')}</Paragraph>
      <QueryState query={assignments}>
        {(list) =>
          list.length === 0 ? <Paragraph>{t('assignments.none')}</Paragraph> : <Planner assignments={list} />
        }
      </QueryState>
    </section>
  );
}

function Planner({ assignments }: { assignments: OwnAssignment[] }) {
  const { t } = useTranslation('contact');
  const planned = useMyPlannedSessions();
  const plan = usePlanSession();
  const cancel = useCancelPlannedSession();
  const [assignmentId, setAssignmentId] = useState(assignments[0].id);
  const [date, setDate] = useState('');
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [problems, setProblems] = useState<{ field: Field; text: string }[]>([]);

  function submit() {
    const found: { field: Field; text: string }[] = [];
    if (!date) found.push({ field: 'date', text: t('log.needDate') });
    if (!start) found.push({ field: 'start', text: t('log.needStart') });
    if (!end) found.push({ field: 'end', text: t('log.needEnd') });
    if (start && end && end <= start) found.push({ field: 'end', text: t('log.endAfterStart') });
    setProblems(found);
    cancel.reset();
    if (found.length > 0) return;
    plan.mutate(
      { assignmentId, date, start, end },
      {
        onSuccess: () => {
          setStart('');
          setEnd('');
        },
      },
    );
  }
  const errorOf = (field: Field) => problems.find((p) => p.field === field)?.text;
  const byId = new Map(assignments.map((a) => [a.id, a]));

  return (
    <>
      <form
        className="stack"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        {problems.length > 0 ? (
          <ErrorSummary>
            <ErrorSummary.Heading>{t('errors.summaryTitle', { ns: 'common' })}</ErrorSummary.Heading>
            <ErrorSummary.List>
              {problems.map((p) => (
                <ErrorSummary.Item key={`${p.field}-${p.text}`}>
                  <ErrorSummary.Link href={`#planned-${p.field}`}>{p.text}</ErrorSummary.Link>
                </ErrorSummary.Item>
              ))}
            </ErrorSummary.List>
          </ErrorSummary>
        ) : null}
        {plan.isError ? (
          <Alert data-color="danger">
            <Paragraph>
              {plan.error instanceof ApiError
                ? t(`planned.refusal.${plan.error.code}`, { defaultValue: refusalText(t, plan.error) })
                : refusalText(t, plan.error)}
            </Paragraph>
          </Alert>
        ) : null}
        <Field>
          <Label htmlFor="planned-assignmentId">{t('planned.with')}</Label>
          <Select
            id="planned-assignmentId"
            value={assignmentId}
            onChange={(event) => setAssignmentId(event.target.value)}
          >
            {assignments.map((a) => (
              <Select.Option key={a.id} value={a.id}>
                {assignmentName(t, a)}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Textfield
          id="planned-date"
          label={t('planned.date')}
          type="date"
          value={date}
          onChange={(e) => setDate(e.target.value)}
          error={errorOf('date')}
        />
        <div className="row">
          <Textfield
            id="planned-start"
            label={t('log.field.start')}
            type="time"
            value={start}
            onChange={(e) => setStart(e.target.value)}
            error={errorOf('start')}
          />
          <Textfield
            id="planned-end"
            label={t('log.field.end')}
            type="time"
            value={end}
            onChange={(e) => setEnd(e.target.value)}
            error={errorOf('end')}
          />
        </div>
        <div>
          <Button type="submit" variant="secondary" loading={plan.isPending}>
            {t('planned.add')}
          </Button>
        </div>
        {plan.isSuccess ? (
          <Alert data-color="success" role="status">
            {t('planned.added')}
          </Alert>
        ) : null}
      </form>
      {cancel.isSuccess ? (
        <Alert data-color="info" role="status">
          {t('planned.cancelled')}
        </Alert>
      ) : null}
      {cancel.isError ? <Alert data-color="danger">{errorText(t, cancel.error)}</Alert> : null}
      <QueryState query={planned}>
        {(list) =>
          list.length === 0 ? (
            <Paragraph>{t('planned.none')}</Paragraph>
          ) : (
            <ul className="line-list" aria-label={t('planned.listLabel')}>
              {list.map((p) => {
                const words = {
                  name: byId.has(p.assignmentId) ? assignmentName(t, byId.get(p.assignmentId)!) : '',
                  weekday: formatWeekday(p.date),
                  date: formatDate(p.date),
                  from: p.start,
                  to: p.end,
                };
                return (
                  <li key={p.id} className="row">
                    <span>{t('planned.line', words)}</span>
                    <Button
                      variant="tertiary"
                      data-size="sm"
                      aria-label={t('planned.cancel', words)}
                      loading={cancel.isPending && cancel.variables === p.id}
                      onClick={() => {
                        plan.reset();
                        cancel.mutate(p.id);
                      }}
                    >
                      {t('planned.cancelShort')}
                    </Button>
                  </li>
                );
              })}
            </ul>
          )
        }
      </QueryState>
    </>
  );
}
