import { Alert, Button, Dialog, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { errorText } from '../../common/errors/errors';
import { fullName } from '../../common/format/names';
import type { BulkOutcome } from './bulk';
import { type Introduction, type Proposal, useBulkAccept } from './queries';

export type Outcomes = BulkOutcome<Proposal, Introduction>[];

function pairOf(proposal: Proposal) {
  return { user: fullName(proposal.serviceUser), contact: fullName(proposal.contact) };
}

/** Confirm before several proposals are accepted at once: each names its pair, and nothing happens unasked. */
export function BulkAcceptDialog({
  proposals,
  onClose,
  onDone,
}: {
  proposals: Proposal[];
  onClose: () => void;
  onDone: (outcomes: Outcomes) => void;
}) {
  const { t } = useTranslation('proposals');
  const bulk = useBulkAccept();
  return (
    <Dialog
      open
      modal
      closeButton={t('bulk.close')}
      onClose={() => {
        if (!bulk.isPending) onClose();
      }}
      aria-labelledby="bulk-heading"
    >
      <Dialog.Block>
        <Heading level={2} data-size="sm" id="bulk-heading">
          {t('bulk.confirmTitle', { count: proposals.length })}
        </Heading>
        <Paragraph>{t('bulk.confirmText')}</Paragraph>
      </Dialog.Block>
      <Dialog.Block>
        <ul className="line-list">
          {proposals.map((proposal) => (
            <li key={proposal.id}>{t('bulk.pair', pairOf(proposal))}</li>
          ))}
        </ul>
      </Dialog.Block>
      <Dialog.Block>
        <div className="row">
          <Button
            loading={bulk.isPending}
            onClick={() => bulk.mutate(proposals, { onSuccess: (outcomes) => onDone(outcomes) })}
          >
            {t('bulk.confirm', { count: proposals.length })}
          </Button>
          <Button variant="secondary" onClick={onClose} disabled={bulk.isPending}>
            {t('bulk.cancel')}
          </Button>
        </div>
      </Dialog.Block>
    </Dialog>
  );
}

/** What a bulk accept did, proposal by proposal: the introductions made, and why the others were not accepted. */
export function BulkResult({ outcomes, onDismiss }: { outcomes: Outcomes; onDismiss: () => void }) {
  const { t } = useTranslation('proposals');
  const heading = useRef<HTMLHeadingElement>(null);
  // Focus moves to the result, so a screen reader hears it and the keyboard starts there.
  useEffect(() => heading.current?.focus(), [outcomes]);
  const accepted = outcomes.filter((o) => o.ok);
  const failed = outcomes.filter((o) => !o.ok);
  return (
    <Alert data-color={failed.length === 0 ? 'success' : accepted.length === 0 ? 'danger' : 'warning'}>
      <div className="stack">
        <Heading level={2} data-size="xs" ref={heading} tabIndex={-1}>
          {t('bulk.resultTitle', { accepted: accepted.length, count: outcomes.length })}
        </Heading>
        {accepted.length > 0 ? (
          <>
            <Paragraph>{t('bulk.acceptedHeading')}</Paragraph>
            <ul className="line-list">
              {accepted.map((outcome) =>
                outcome.ok ? (
                  <li key={outcome.proposal.id}>
                    {t('bulk.acceptedPair', pairOf(outcome.proposal))}{' '}
                    <Link asChild>
                      <RouterLink to={`/introduksjoner/${outcome.result.id}`}>
                        {t('bulk.bookLink', pairOf(outcome.proposal))}
                      </RouterLink>
                    </Link>
                  </li>
                ) : null,
              )}
            </ul>
          </>
        ) : null}
        {failed.length > 0 ? (
          <>
            <Paragraph>{t('bulk.failedHeading')}</Paragraph>
            <ul className="line-list">
              {failed.map((outcome) =>
                outcome.ok ? null : (
                  <li key={outcome.proposal.id}>
                    {t('bulk.failedPair', {
                      ...pairOf(outcome.proposal),
                      reason: errorText(t, outcome.error),
                    })}
                  </li>
                ),
              )}
            </ul>
          </>
        ) : null}
        <div>
          <Button data-size="sm" variant="secondary" onClick={onDismiss}>
            {t('bulk.dismiss')}
          </Button>
        </div>
      </div>
    </Alert>
  );
}
