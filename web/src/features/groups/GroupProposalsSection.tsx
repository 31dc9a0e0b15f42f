import {
  Alert,
  Button,
  Dialog,
  ErrorSummary,
  Heading,
  Paragraph,
  Table,
  Textarea,
  Field,
  Label,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../common/components/DataTable';
import { Pager } from '../../common/components/Pager';
import { QueryState } from '../../common/components/QueryState';
import { errorText } from '../../common/errors/errors';
import { formatNumber } from '../../common/format/format';
import { fullName } from '../../common/format/names';
import { useInterestLabels } from '../contacts/queries';
import {
  GROUP_PROPOSALS_PAGE_SIZE,
  type GroupProposal,
  useAcceptGroupProposal,
  useDeclineGroupProposal,
  useOpenGroupProposals,
} from './queries';
import { slotText } from './slots';

function DeclineGroupDialog({ proposal, onClose }: { proposal: GroupProposal; onClose: () => void }) {
  const { t } = useTranslation('groups');
  const decline = useDeclineGroupProposal();
  const [reason, setReason] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const missing = submitted && reason.trim() === '';
  return (
    <Dialog open modal closeButton={t('proposals.close')} onClose={onClose} aria-labelledby="gp-decline">
      <Dialog.Block>
        <Heading level={2} data-size="sm" id="gp-decline">
          {t('proposals.declineTitle', { name: proposal.name })}
        </Heading>
      </Dialog.Block>
      <Dialog.Block>
        <form
          className="stack"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            setSubmitted(true);
            if (reason.trim() === '') return;
            decline.mutate({ id: proposal.id, reason: reason.trim() }, { onSuccess: onClose });
          }}
        >
          {decline.isError ? (
            <ErrorSummary>
              <ErrorSummary.Heading>{t('errors.summaryTitle', { ns: 'common' })}</ErrorSummary.Heading>
              <ErrorSummary.List>
                <ErrorSummary.Item>
                  <ErrorSummary.Link href="#gp-reason">{errorText(t, decline.error)}</ErrorSummary.Link>
                </ErrorSummary.Item>
              </ErrorSummary.List>
            </ErrorSummary>
          ) : null}
          <Field>
            <Label htmlFor="gp-reason">{t('proposals.reason')}</Label>
            <Textarea
              id="gp-reason"
              rows={3}
              maxLength={500}
              value={reason}
              aria-invalid={missing || undefined}
              onChange={(event) => setReason(event.target.value)}
            />
            {missing ? <ValidationMessage>{t('proposals.reasonMissing')}</ValidationMessage> : null}
          </Field>
          <div className="row">
            <Button type="submit" loading={decline.isPending}>
              {t('proposals.declineSubmit')}
            </Button>
            <Button type="button" variant="secondary" onClick={onClose}>
              {t('form.cancel')}
            </Button>
          </div>
        </form>
      </Dialog.Block>
    </Dialog>
  );
}

/** The night's group proposals: who, run by whom, when they would meet and why, to accept or decline. */
export function GroupProposalsSection() {
  const { t } = useTranslation('groups');
  const [page, setPage] = useState(1);
  const proposals = useOpenGroupProposals(page);
  const accept = useAcceptGroupProposal();
  const interestLabel = useInterestLabels();
  const [declining, setDeclining] = useState<GroupProposal | null>(null);
  return (
    <section className="stack" aria-labelledby="group-proposals-heading">
      <Heading level={2} data-size="md" id="group-proposals-heading">
        {t('proposals.title')}
      </Heading>
      <Paragraph>{t('proposals.intro')}</Paragraph>
      {accept.isError ? (
        <Alert data-color="danger">
          <Paragraph>{errorText(t, accept.error)}</Paragraph>
        </Alert>
      ) : null}
      {accept.isSuccess ? (
        <Alert data-color="success">
          <Paragraph>{t('proposals.accepted', { name: accept.data.group.name })}</Paragraph>
        </Alert>
      ) : null}
      <QueryState query={proposals}>
        {(list) =>
          list.items.length === 0 ? (
            <Paragraph>{t('proposals.none')}</Paragraph>
          ) : (
            <>
              <DataTable
                caption={t('proposals.caption')}
                headers={[t('name'), t('members'), t('contacts'), t('proposals.why'), t('proposals.actions')]}
              >
                {list.items.map((proposal) => (
                  <Table.Row key={proposal.id}>
                    <Table.Cell>{proposal.name}</Table.Cell>
                    <Table.Cell>{proposal.members.map((m) => fullName(m)).join(', ')}</Table.Cell>
                    <Table.Cell>
                      {proposal.contacts.length
                        ? proposal.contacts.map((c) => fullName(c)).join(', ')
                        : t('proposals.fillsSeats')}
                    </Table.Cell>
                    <Table.Cell>
                      {t(proposal.groupId ? 'proposals.whyFill' : 'proposals.whyNew', {
                        count: proposal.members.length,
                        interests: proposal.interests.map(interestLabel).join(', ') || t('proposals.noTheme'),
                        when: slotText(t, proposal.meetingTime),
                        hours: formatNumber(proposal.weeklyHours),
                      })}
                    </Table.Cell>
                    <Table.Cell>
                      <div className="row">
                        <Button
                          data-size="sm"
                          onClick={() => accept.mutate(proposal.id)}
                          loading={accept.isPending && accept.variables === proposal.id}
                          aria-label={t('proposals.acceptNamed', { name: proposal.name })}
                        >
                          {t('proposals.accept')}
                        </Button>
                        <Button
                          data-size="sm"
                          variant="secondary"
                          onClick={() => setDeclining(proposal)}
                          aria-label={t('proposals.declineNamed', { name: proposal.name })}
                        >
                          {t('proposals.decline')}
                        </Button>
                      </div>
                    </Table.Cell>
                  </Table.Row>
                ))}
              </DataTable>
              <Pager
                page={page}
                pageSize={GROUP_PROPOSALS_PAGE_SIZE}
                total={list.total}
                onChange={setPage}
                label={t('proposals.pages')}
              />
            </>
          )
        }
      </QueryState>
      {declining ? <DeclineGroupDialog proposal={declining} onClose={() => setDeclining(null)} /> : null}
    </section>
  );
}
