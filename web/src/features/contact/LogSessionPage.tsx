import {
  Alert,
  Button,
  Checkbox,
  ErrorSummary,
  Field,
  Fieldset,
  Label,
  Heading,
  Paragraph,
  Select,
  Textfield,
} from '@digdir/designsystemet-react';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { QueryState } from '../../common/components/QueryState';
import { errorText, fieldErrors } from '../../common/errors/errors';
import { formatDate, formatKroner, formatNumber, kronerToOre, osloDay } from '../../common/format/format';
import { usePageTitle } from '../../common/layout/usePageTitle';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useSession } from '../../common/auth/session';
import { type Flushed, useOfflineSessions } from './offline-sessions';
import { SessionTimer } from './SessionTimer';
import { type ExpenseDraft, ExpenseLines } from './ExpenseLines';
import {
  type AssignedUser,
  type LoggedSession,
  type OwnAssignment,
  useExpenseCategories,
  useMyAssignments,
  useMyUsers,
  useQuotas,
} from './queries';

const FIELDS = [
  'assignmentId',
  'date',
  'start',
  'end',
  'activity',
  'km',
  'presentServiceUserIds',
  'expenses',
] as const;
type Field = (typeof FIELDS)[number];
const fieldId = (field: string) => `session-${FIELDS.find((f) => field.startsWith(f)) ?? 'date'}`;

/** A refusal in words: the quota's and the session's own codes first, then the common texts. */
export function refusalText(t: TFunction, error: unknown): string {
  if (error instanceof ApiError) {
    const own = t(`contact:refusal.${error.code}`, { defaultValue: '' });
    if (own) return own;
  }
  return errorText(t, error);
}

/** Før timer: date, start and end, what you did and km driven; the quota's answer comes back at once. */
export default function LogSessionPage() {
  const { t } = useTranslation('contact');
  usePageTitle(t('log.title'));
  const assignments = useMyAssignments();
  const users = useMyUsers();
  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {t('log.title')}
      </Heading>
      <Paragraph>{t('log.intro')}</Paragraph>
      <QueryState query={assignments}>
        {(list) => (
          <QueryState query={users}>
            {(people) =>
              list.length === 0 ? (
                <Paragraph>{t('assignments.none')}</Paragraph>
              ) : (
                <SessionForm assignments={list} users={people} />
              )
            }
          </QueryState>
        )}
      </QueryState>
    </div>
  );
}

/** Who an assignment is with, as the contact reads it: the user's first name, or the group's name. */
export const assignmentName = (t: TFunction, assignment: OwnAssignment) =>
  assignment.group
    ? t('contact:assignments.group', { name: assignment.group.name })
    : (assignment.serviceUser?.firstName ?? '');

function SessionForm({ assignments, users }: { assignments: OwnAssignment[]; users: AssignedUser[] }) {
  const { t } = useTranslation('contact');
  const contactId = useSession().data?.user?.contactId ?? 'unknown';
  const offline = useOfflineSessions(contactId);
  const queryClient = useQueryClient();
  const log = useMutation({
    // Runs without network too: the session is then kept on the phone (offline-sessions.ts).
    networkMode: 'always',
    mutationFn: offline.send,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['contact', 'quotas'] });
      void queryClient.invalidateQueries({ queryKey: ['contact', 'timesheets'] });
    },
  });
  const [assignmentId, setAssignmentId] = useState(assignments[0].id);
  const [date, setDate] = useState(osloDay());
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [activity, setActivity] = useState('');
  const [km, setKm] = useState('');
  const [present, setPresent] = useState<string[]>([]);
  const [expenses, setExpenses] = useState<ExpenseDraft[]>([]);
  const [expenseErrors, setExpenseErrors] = useState(new Map<string, string>());
  // Without network the categories may not load: the session is then logged without expenses.
  const categories = useExpenseCategories().data ?? [];
  const [problems, setProblems] = useState<{ field: Field; text: string }[]>([]);
  const assignment = assignments.find((a) => a.id === assignmentId) ?? assignments[0];
  const names = new Map(users.map((user) => [user.id, user.firstName]));

  function submit() {
    const found: { field: Field; text: string }[] = [];
    if (!date) found.push({ field: 'date', text: t('log.needDate') });
    if (!start) found.push({ field: 'start', text: t('log.needStart') });
    if (!end) found.push({ field: 'end', text: t('log.needEnd') });
    if (start && end && end <= start) found.push({ field: 'end', text: t('log.endAfterStart') });
    if (!activity.trim()) found.push({ field: 'activity', text: t('log.needActivity') });
    const kmValue = km.trim() === '' ? undefined : Number(km.replace(',', '.'));
    if (kmValue !== undefined && (!Number.isFinite(kmValue) || kmValue < 0))
      found.push({ field: 'km', text: t('log.kmNumber') });
    if (assignment.group && present.length === 0)
      found.push({ field: 'presentServiceUserIds', text: t('log.needPresent') });
    const lineErrors = new Map<string, string>();
    const lines = expenses.map((line) => {
      const typed = kronerToOre(line.amount);
      const amountOre = typed !== null && typed > 0 ? typed : null;
      const quantity = Number(line.quantity);
      const perUnit = categories.find((c) => c.id === line.categoryId)?.rule === 'per_unit';
      if (amountOre === null) lineErrors.set(line.key, t('expenses.amountNumber'));
      else if (perUnit && !(Number.isInteger(quantity) && quantity >= 1 && quantity <= 100))
        lineErrors.set(line.key, t('expenses.quantityNumber'));
      return { categoryId: line.categoryId, amountOre: amountOre ?? 0, quantity: perUnit ? quantity : 1 };
    });
    if (lineErrors.size > 0) found.push({ field: 'expenses', text: [...lineErrors.values()][0] });
    setExpenseErrors(lineErrors);
    setProblems(found);
    if (found.length > 0) return;
    log.mutate({
      assignmentId,
      date,
      start,
      end,
      activity: activity.trim(),
      ...(kmValue !== undefined ? { km: Math.round(kmValue * 10) / 10 } : {}),
      ...(assignment.group ? { presentServiceUserIds: present } : {}),
      ...(lines.length > 0 ? { expenses: lines } : {}),
    });
    // An expense belongs to one session: the next one starts without it.
    setExpenses([]);
  }

  const apiProblems = fieldErrors(log.error).map((detail) => ({
    id: fieldId(detail.field),
    text: `${t(`log.field.${FIELDS.find((f) => detail.field.startsWith(f)) ?? 'date'}`)}: ${t(
      /not in advance/.test(detail.reason) ? 'log.reason.future' : 'log.reason.invalid',
    )}`,
  }));
  const errorOf = (field: Field) => problems.find((p) => p.field === field)?.text;

  return (
    <form
      className="stack"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      {problems.length > 0 || apiProblems.length > 0 ? (
        <ErrorSummary>
          <ErrorSummary.Heading>{t('errors.summaryTitle', { ns: 'common' })}</ErrorSummary.Heading>
          <ErrorSummary.List>
            {[...problems.map((p) => ({ id: `session-${p.field}`, text: p.text })), ...apiProblems].map(
              (p) => (
                <ErrorSummary.Item key={`${p.id}-${p.text}`}>
                  <ErrorSummary.Link href={`#${p.id}`}>{p.text}</ErrorSummary.Link>
                </ErrorSummary.Item>
              ),
            )}
          </ErrorSummary.List>
        </ErrorSummary>
      ) : null}
      {log.isError && apiProblems.length === 0 ? (
        <Alert data-color="danger">
          <Paragraph>{refusalText(t, log.error)}</Paragraph>
        </Alert>
      ) : null}
      {log.isSuccess && log.data.queued ? (
        <Alert data-color="info" role="status">
          <Paragraph>{t('offline.kept')}</Paragraph>
        </Alert>
      ) : null}
      {log.isSuccess && !log.data.queued ? <LoggedAnswer session={log.data.session} names={names} /> : null}
      {offline.pending.length > 0 ? (
        <Alert data-color="warning">
          <Paragraph>{t('offline.waiting', { count: offline.pending.length })}</Paragraph>
        </Alert>
      ) : null}
      {offline.flushed.map((item) => (
        <FlushedAnswer key={item.key} item={item} names={names} />
      ))}
      <Field>
        <Label htmlFor="session-assignmentId">{t('log.field.assignmentId')}</Label>
        <Select
          id="session-assignmentId"
          value={assignmentId}
          onChange={(event) => {
            setAssignmentId(event.target.value);
            setPresent([]);
          }}
        >
          {assignments.map((a) => (
            <Select.Option key={a.id} value={a.id}>
              {assignmentName(t, a)}
            </Select.Option>
          ))}
        </Select>
      </Field>
      {assignment.group ? (
        <GroupMembers
          assignmentId={assignment.id}
          names={names}
          present={present}
          onChange={setPresent}
          error={errorOf('presentServiceUserIds')}
        />
      ) : null}
      <SessionTimer
        contactId={contactId}
        onStopped={(times) => {
          setDate(times.date);
          setStart(times.start);
          setEnd(times.end);
        }}
      />
      <Textfield
        id="session-date"
        label={t('log.field.date')}
        type="date"
        value={date}
        onChange={(e) => setDate(e.target.value)}
        error={errorOf('date')}
      />
      <div className="row">
        <Textfield
          id="session-start"
          label={t('log.field.start')}
          type="time"
          value={start}
          onChange={(e) => setStart(e.target.value)}
          error={errorOf('start')}
        />
        <Textfield
          id="session-end"
          label={t('log.field.end')}
          type="time"
          value={end}
          onChange={(e) => setEnd(e.target.value)}
          error={errorOf('end')}
        />
      </div>
      <Textfield
        id="session-activity"
        label={t('log.field.activity')}
        description={t('log.activityHelp')}
        value={activity}
        onChange={(e) => setActivity(e.target.value)}
        error={errorOf('activity')}
      />
      <Textfield
        id="session-km"
        label={t('log.field.km')}
        description={t('log.kmHelp')}
        inputMode="decimal"
        value={km}
        onChange={(e) => setKm(e.target.value)}
        error={errorOf('km')}
      />
      <ExpenseLines categories={categories} lines={expenses} onChange={setExpenses} errors={expenseErrors} />
      <div>
        <Button type="submit" loading={log.isPending}>
          {t('log.submit')}
        </Button>
      </div>
    </form>
  );
}

function GroupMembers(props: {
  assignmentId: string;
  names: Map<string, string>;
  present: string[];
  onChange: (present: string[]) => void;
  error?: string;
}) {
  const { t } = useTranslation('contact');
  const quotas = useQuotas(props.assignmentId);
  return (
    <QueryState query={quotas}>
      {(list) => (
        <Fieldset id="session-presentServiceUserIds">
          <Fieldset.Legend>{t('log.field.presentServiceUserIds')}</Fieldset.Legend>
          {list.map((quota) => (
            <Checkbox
              key={quota.serviceUserId}
              label={props.names.get(quota.serviceUserId) ?? t('log.member')}
              checked={props.present.includes(quota.serviceUserId)}
              onChange={(event) =>
                props.onChange(
                  event.target.checked
                    ? [...props.present, quota.serviceUserId]
                    : props.present.filter((id) => id !== quota.serviceUserId),
                )
              }
            />
          ))}
          {props.error ? <Paragraph data-color="danger">{props.error}</Paragraph> : null}
        </Fieldset>
      )}
    </QueryState>
  );
}

/** A session kept on the phone, once sent: its quota answer, or why it was refused. */
function FlushedAnswer({ item, names }: { item: Flushed; names: Map<string, string> }) {
  const { t } = useTranslation('contact');
  if ('session' in item) {
    return (
      <div className="stack">
        <Paragraph>
          {t('offline.sent', { date: formatDate(item.body.date), start: item.body.start })}
        </Paragraph>
        <LoggedAnswer session={item.session} names={names} />
      </div>
    );
  }
  return (
    <Alert data-color="danger">
      <Paragraph>
        {t('offline.refused', { date: formatDate(item.body.date), start: item.body.start })}{' '}
        {refusalText(t, item.error)}
      </Paragraph>
    </Alert>
  );
}

/** The quota check's answer, in words. */
function LoggedAnswer({ session, names }: { session: LoggedSession; names: Map<string, string> }) {
  const { t } = useTranslation('contact');
  const warning = session.warnings.length > 0;
  return (
    <Alert data-color={warning ? 'warning' : 'success'} role="status">
      <Heading level={2} data-size="xs">
        {t('log.logged', { hours: formatNumber(session.hours), date: formatDate(session.date) })}
      </Heading>
      {session.quotas.map((quota) => (
        <Paragraph key={quota.serviceUserId}>
          {t('log.quotaLeft', {
            name: names.get(quota.serviceUserId) ?? '',
            left: formatNumber(quota.hours.remainingHours),
            granted: formatNumber(quota.hours.grantedHours + quota.hours.approvedOverrunHours),
            end: formatDate(quota.hours.periodEnd),
          })}
        </Paragraph>
      ))}
      {session.warnings.includes('hours_quota_80_percent') ? (
        <Paragraph>{t('log.warnHours')}</Paragraph>
      ) : null}
      {session.warnings.includes('km_quota_80_percent') ? <Paragraph>{t('log.warnKm')}</Paragraph> : null}
      {session.expenses.length > 0 ? (
        <Paragraph>
          {t('expenses.covered', {
            paid: formatKroner(session.expensesOre / 100),
            covered: formatKroner(session.expensesCoveredOre / 100),
          })}
        </Paragraph>
      ) : null}
    </Alert>
  );
}
