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
} from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../common/errors/errors';
import { fullName } from '../../common/format/names';
import { type DeclineReason, type Proposal, useDeclineProposal } from './queries';

const REASONS: DeclineReason[] = [
  'distance',
  'gender',
  'age',
  'language',
  'interests',
  'personality',
  'schedule',
  'contact_unavailable',
  'user_unavailable',
  'other',
];

/** Decline a proposal with a reason; the pair is not proposed again. */
export function DeclineDialog({ proposal, onClose }: { proposal: Proposal; onClose: () => void }) {
  const { t } = useTranslation('proposals');
  const decline = useDeclineProposal();
  const [reason, setReason] = useState<DeclineReason | ''>('');
  const [note, setNote] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const missingReason = submitted && reason === '';

  function submit() {
    setSubmitted(true);
    if (reason === '') return;
    decline.mutate(
      {
        id: proposal.id,
        body: { reason, declinedBy: 'coordinator', ...(note.trim() ? { note: note.trim() } : {}) },
      },
      { onSuccess: onClose },
    );
  }

  return (
    <Dialog open modal closeButton={t('decline.close')} onClose={onClose} aria-labelledby="decline-heading">
      <Dialog.Block>
        <Heading level={2} data-size="sm" id="decline-heading">
          {t('decline.title')}
        </Heading>
        <Paragraph>
          {t('decline.pair', { user: fullName(proposal.serviceUser), contact: fullName(proposal.contact) })}
        </Paragraph>
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
          {missingReason || decline.isError ? (
            <ErrorSummary>
              <ErrorSummary.Heading>{t('errors.summaryTitle', { ns: 'common' })}</ErrorSummary.Heading>
              <ErrorSummary.List>
                {missingReason ? (
                  <ErrorSummary.Item>
                    <ErrorSummary.Link href="#decline-reason">{t('decline.reasonMissing')}</ErrorSummary.Link>
                  </ErrorSummary.Item>
                ) : null}
                {decline.isError ? (
                  <ErrorSummary.Item>{errorText(t, decline.error)}</ErrorSummary.Item>
                ) : null}
              </ErrorSummary.List>
            </ErrorSummary>
          ) : null}
          <Field>
            <Label htmlFor="decline-reason">{t('decline.reason')}</Label>
            <Select
              id="decline-reason"
              value={reason}
              aria-invalid={missingReason || undefined}
              onChange={(event) => setReason(event.target.value as DeclineReason | '')}
            >
              <Select.Option value="">{t('decline.choose')}</Select.Option>
              {REASONS.map((value) => (
                <Select.Option key={value} value={value}>
                  {t(`decline.reasons.${value}`)}
                </Select.Option>
              ))}
            </Select>
          </Field>
          <Field>
            <Label htmlFor="decline-note">{t('decline.note')}</Label>
            <Textarea
              id="decline-note"
              rows={3}
              value={note}
              onChange={(event) => setNote(event.target.value)}
            />
          </Field>
          <div className="row">
            <Button type="submit" loading={decline.isPending}>
              {t('decline.submit')}
            </Button>
            <Button type="button" variant="secondary" onClick={onClose}>
              {t('decline.cancel')}
            </Button>
          </div>
        </form>
      </Dialog.Block>
    </Dialog>
  );
}
