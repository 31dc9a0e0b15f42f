import { Alert, Button, ErrorSummary, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../common/components/QueryState';
import { errorText, fieldErrors } from '../../common/errors/errors';
import { formatDate } from '../../common/format/format';
import { useAddAbsence, useMyAbsences, useRemoveAbsence } from './queries';

type Field = 'startsOn' | 'endsOn';
const FIELD_ID: Record<Field, string> = { startsOn: 'absence-startsOn', endsOn: 'absence-endsOn' };

/** Fravær: whole days away, first and last included; on those days no proposals, meetings or sessions. */
export function AbsencesSection() {
  const { t } = useTranslation('contact');
  const absences = useMyAbsences();
  const add = useAddAbsence();
  const remove = useRemoveAbsence();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [problems, setProblems] = useState<{ field: Field; text: string }[]>([]);

  function submit() {
    const found: { field: Field; text: string }[] = [];
    if (!from) found.push({ field: 'startsOn', text: t('absences.needFrom') });
    if (!to) found.push({ field: 'endsOn', text: t('absences.needTo') });
    if (from && to && to < from) found.push({ field: 'endsOn', text: t('absences.toAfterFrom') });
    setProblems(found);
    remove.reset();
    if (found.length > 0) return;
    add.mutate(
      { startsOn: from, endsOn: to },
      {
        onSuccess: () => {
          setFrom('');
          setTo('');
        },
      },
    );
  }

  const apiProblems = fieldErrors(add.error).map((detail) => {
    const field: Field = detail.field === 'startsOn' ? 'startsOn' : 'endsOn';
    const reason = /already ended/.test(detail.reason)
      ? 'ended'
      : /at most/.test(detail.reason)
        ? 'tooLong'
        : 'invalid';
    return {
      field,
      text: `${t(field === 'startsOn' ? 'absences.from' : 'absences.to')}: ${t(`absences.reason.${reason}`)}`,
    };
  });
  const shown = [...problems, ...apiProblems];
  const errorOf = (field: Field) => shown.find((p) => p.field === field)?.text;

  return (
    <section className="stack" aria-labelledby="absences-heading">
      <Heading level={2} data-size="sm" id="absences-heading">
        {t('absences.title')}
      </Heading>
      <Paragraph>{t('absences.intro')}</Paragraph>
      <form
        className="stack"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        {shown.length > 0 ? (
          <ErrorSummary>
            <ErrorSummary.Heading>{t('errors.summaryTitle', { ns: 'common' })}</ErrorSummary.Heading>
            <ErrorSummary.List>
              {shown.map((p) => (
                <ErrorSummary.Item key={`${p.field}-${p.text}`}>
                  <ErrorSummary.Link href={`#${FIELD_ID[p.field]}`}>{p.text}</ErrorSummary.Link>
                </ErrorSummary.Item>
              ))}
            </ErrorSummary.List>
          </ErrorSummary>
        ) : null}
        {add.isError && apiProblems.length === 0 ? (
          <Alert data-color="danger">{errorText(t, add.error)}</Alert>
        ) : null}
        <div className="row">
          <Textfield
            id={FIELD_ID.startsOn}
            label={t('absences.from')}
            type="date"
            value={from}
            error={errorOf('startsOn')}
            onChange={(event) => {
              add.reset();
              setFrom(event.target.value);
            }}
          />
          <Textfield
            id={FIELD_ID.endsOn}
            label={t('absences.to')}
            type="date"
            value={to}
            min={from || undefined}
            error={errorOf('endsOn')}
            onChange={(event) => {
              add.reset();
              setTo(event.target.value);
            }}
          />
        </div>
        <div>
          <Button type="submit" variant="secondary" loading={add.isPending}>
            {t('absences.add')}
          </Button>
        </div>
        {add.isSuccess ? (
          <Alert data-color="success" role="status">
            {t('absences.added')}
          </Alert>
        ) : null}
      </form>
      {remove.isSuccess ? (
        <Alert data-color="info" role="status">
          {t('absences.removed')}
        </Alert>
      ) : null}
      {remove.isError ? <Alert data-color="danger">{errorText(t, remove.error)}</Alert> : null}
      <QueryState query={absences}>
        {(list) =>
          list.length === 0 ? (
            <Paragraph>{t('absences.none')}</Paragraph>
          ) : (
            <ul className="line-list" aria-label={t('absences.listLabel')}>
              {list.map((absence) => {
                const period = { from: formatDate(absence.startsOn), to: formatDate(absence.endsOn) };
                return (
                  <li key={absence.id} className="row">
                    <span>{t('absences.period', period)}</span>
                    <Button
                      variant="tertiary"
                      data-size="sm"
                      aria-label={t('absences.remove', period)}
                      loading={remove.isPending && remove.variables === absence.id}
                      onClick={() => {
                        add.reset();
                        remove.mutate(absence.id);
                      }}
                    >
                      {t('absences.delete')}
                    </Button>
                  </li>
                );
              })}
            </ul>
          )
        }
      </QueryState>
    </section>
  );
}
