import {
  Button,
  Dialog,
  ErrorSummary,
  Field,
  Heading,
  Label,
  Paragraph,
  Select,
  Textarea,
  Textfield,
} from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText, fieldErrors } from '../../common/errors/errors';
import { osloDay } from '../../common/format/format';
import { type Assignment, END_REASONS, type EndReason, useEndAssignment } from './queries';
import { assignmentParty } from './party';

/** The API's field names, each with the field it points to; their texts are under end.fieldErrors. */
const FIELD_ANCHORS: Record<string, string> = {
  endsOn: '#end-date',
  reason: '#end-reason',
  note: '#end-note',
};

/** End an assignment: the last day and a reason in words (kept for the reports), and a note for staff. */
export function EndAssignmentDialog({
  assignment,
  onClose,
  onEnded,
}: {
  assignment: Assignment;
  onClose: () => void;
  onEnded: () => void;
}) {
  const { t } = useTranslation('assignments');
  const end = useEndAssignment();
  const [endsOn, setEndsOn] = useState(osloDay());
  const [reason, setReason] = useState<EndReason | ''>('');
  const [note, setNote] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const missingReason = submitted && reason === '';
  const missingDate = submitted && endsOn === '';
  const apiFields = fieldErrors(end.error);

  function submit() {
    setSubmitted(true);
    if (reason === '' || endsOn === '') return;
    end.mutate(
      { id: assignment.id, body: { endsOn, reason, ...(note.trim() ? { note: note.trim() } : {}) } },
      {
        onSuccess: () => {
          onEnded();
          onClose();
        },
      },
    );
  }

  return (
    <Dialog open modal closeButton={t('end.close')} onClose={onClose} aria-labelledby="end-heading">
      <Dialog.Block>
        <Heading level={2} data-size="sm" id="end-heading">
          {t('end.title')}
        </Heading>
        <Paragraph>{t('end.pair', assignmentParty(t, assignment))}</Paragraph>
      </Dialog.Block>
      <Dialog.Block>
        <form
          className="stack"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          {missingReason || missingDate || end.isError ? (
            <ErrorSummary>
              <ErrorSummary.Heading>{t('errors.summaryTitle', { ns: 'common' })}</ErrorSummary.Heading>
              <ErrorSummary.List>
                {missingDate ? (
                  <ErrorSummary.Item>
                    <ErrorSummary.Link href="#end-date">{t('end.dateMissing')}</ErrorSummary.Link>
                  </ErrorSummary.Item>
                ) : null}
                {missingReason ? (
                  <ErrorSummary.Item>
                    <ErrorSummary.Link href="#end-reason">{t('end.reasonMissing')}</ErrorSummary.Link>
                  </ErrorSummary.Item>
                ) : null}
                {end.isError ? <ErrorSummary.Item>{errorText(t, end.error)}</ErrorSummary.Item> : null}
                {apiFields.map((f) => (
                  <ErrorSummary.Item key={f.field}>
                    {FIELD_ANCHORS[f.field] ? (
                      <ErrorSummary.Link href={FIELD_ANCHORS[f.field]}>
                        {t(`end.fieldErrors.${f.field}`)}
                      </ErrorSummary.Link>
                    ) : (
                      t('errors.status.400', { ns: 'common' })
                    )}
                  </ErrorSummary.Item>
                ))}
              </ErrorSummary.List>
            </ErrorSummary>
          ) : null}
          <Textfield
            id="end-date"
            label={t('end.date')}
            description={t('end.dateHelp')}
            type="date"
            value={endsOn}
            aria-invalid={missingDate || undefined}
            onChange={(event) => setEndsOn(event.target.value)}
          />
          <Field>
            <Label htmlFor="end-reason">{t('end.reason')}</Label>
            <Select
              id="end-reason"
              value={reason}
              aria-invalid={missingReason || undefined}
              onChange={(event) => setReason(event.target.value as EndReason | '')}
            >
              <Select.Option value="">{t('end.choose')}</Select.Option>
              {END_REASONS.map((value) => (
                <Select.Option key={value} value={value}>
                  {t(`reasons.${value}`)}
                </Select.Option>
              ))}
            </Select>
          </Field>
          <Field>
            <Label htmlFor="end-note">{t('end.note')}</Label>
            <Textarea id="end-note" rows={3} value={note} onChange={(event) => setNote(event.target.value)} />
          </Field>
          <div className="row">
            <Button type="submit" loading={end.isPending}>
              {t('end.submit')}
            </Button>
            <Button type="button" variant="secondary" onClick={onClose}>
              {t('end.cancel')}
            </Button>
          </div>
        </form>
      </Dialog.Block>
    </Dialog>
  );
}
