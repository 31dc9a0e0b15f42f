import { Alert, Button, Checkbox, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import type { QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { DataTable } from '../../common/components/DataTable';
import { Pager } from '../../common/components/Pager';
import { QueryState } from '../../common/components/QueryState';
import { errorText } from '../../common/errors/errors';
import { formatNumber } from '../../common/format/format';
import { fullName } from '../../common/format/names';
import { usePageTitle } from '../../common/layout/usePageTitle';
import { latestRunQuery, useLatestRun } from '../matching-runs/queries';
import { RunCard } from '../matching-runs/RunCard';
import { AlternativesDialog } from './Alternatives';
import { BulkAcceptDialog, BulkResult, type Outcomes } from './BulkAccept';
import { DeclineDialog } from './DeclineDialog';
import {
  openProposalsQuery,
  type Proposal,
  PROPOSALS_PAGE_SIZE,
  useAcceptProposal,
  useOpenProposals,
} from './queries';
import { ScoreParts } from './ScoreParts';
import { StartRun } from './StartRun';

/**
 * Forslag: the open proposals of the latest run, best first; accept one, or decline it with a reason; accept
 * several chosen ones at once; see a user's alternatives side by side.
 */
export default function ProposalsPage() {
  const { t } = useTranslation('proposals');
  usePageTitle(t('title'));
  const [page, setPage] = useState(1);
  const proposals = useOpenProposals(page);
  const latestRun = useLatestRun();
  const accept = useAcceptProposal();
  const navigate = useNavigate();
  const [declining, setDeclining] = useState<Proposal | null>(null);
  const [alternativesOf, setAlternativesOf] = useState<Proposal | null>(null);
  // Chosen proposals by id, kept across pages, in the order chosen.
  const [chosen, setChosen] = useState<Map<string, Proposal>>(new Map());
  const [confirming, setConfirming] = useState(false);
  const [outcomes, setOutcomes] = useState<Outcomes | null>(null);

  function toggle(proposal: Proposal, on: boolean) {
    setChosen((current) => {
      const next = new Map(current);
      if (on) next.set(proposal.id, proposal);
      else next.delete(proposal.id);
      return next;
    });
  }

  function acceptProposal(proposal: Proposal) {
    accept.mutate(proposal.id, {
      onSuccess: (introduction) =>
        void navigate(`/introduksjoner/${introduction.id}`, { state: { accepted: true } }),
    });
  }

  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {t('title')}
      </Heading>
      <Paragraph>{t('intro')}</Paragraph>
      <QueryState query={latestRun}>{(run) => <RunCard run={run} />}</QueryState>
      <StartRun />
      {accept.isError ? (
        <Alert data-color="danger">
          <Paragraph>{errorText(t, accept.error)}</Paragraph>
        </Alert>
      ) : null}
      {outcomes ? <BulkResult outcomes={outcomes} onDismiss={() => setOutcomes(null)} /> : null}
      <section className="stack" aria-labelledby="proposals-heading">
        <Heading level={2} data-size="md" id="proposals-heading">
          {t('listTitle')}
        </Heading>
        <QueryState query={proposals}>
          {(list) =>
            list.items.length === 0 ? (
              <Paragraph>{t('none')}</Paragraph>
            ) : (
              <>
                <div className="row">
                  <Checkbox
                    label={t('bulk.choosePage')}
                    checked={list.items.every((p) => chosen.has(p.id))}
                    onChange={(event) => {
                      for (const proposal of list.items) toggle(proposal, event.target.checked);
                    }}
                  />
                  <Button
                    variant="secondary"
                    disabled={chosen.size === 0}
                    onClick={() => setConfirming(true)}
                  >
                    {t('bulk.acceptChosen', { count: chosen.size })}
                  </Button>
                  <Paragraph data-size="sm" role="status">
                    {t('bulk.chosenCount', { count: chosen.size })}
                  </Paragraph>
                </div>
                <DataTable
                  caption={t('caption')}
                  headers={[t('user'), t('contact'), t('score'), t('reason'), t('actions')]}
                >
                  {list.items.map((proposal) => {
                    const pair = {
                      user: fullName(proposal.serviceUser),
                      contact: fullName(proposal.contact),
                    };
                    return (
                      <Table.Row key={proposal.id}>
                        <Table.Cell>
                          <span className="proposal-pick">
                            <Checkbox
                              aria-label={t('bulk.choosePair', pair)}
                              checked={chosen.has(proposal.id)}
                              onChange={(event) => toggle(proposal, event.target.checked)}
                            />
                            {pair.user}
                          </span>
                        </Table.Cell>
                        <Table.Cell>{pair.contact}</Table.Cell>
                        <Table.Cell>{formatNumber(proposal.score)}</Table.Cell>
                        <Table.Cell>
                          <ScoreParts proposal={proposal} />
                        </Table.Cell>
                        <Table.Cell>
                          <div className="row">
                            <Button
                              data-size="sm"
                              onClick={() => acceptProposal(proposal)}
                              loading={accept.isPending && accept.variables === proposal.id}
                              aria-label={t('acceptPair', pair)}
                            >
                              {t('accept')}
                            </Button>
                            <Button
                              data-size="sm"
                              variant="secondary"
                              onClick={() => setDeclining(proposal)}
                              aria-label={t('declinePair', pair)}
                            >
                              {t('declineButton')}
                            </Button>
                            <Button
                              data-size="sm"
                              variant="tertiary"
                              onClick={() => setAlternativesOf(proposal)}
                              aria-label={t('alternatives.open', { user: pair.user })}
                            >
                              {t('alternatives.button')}
                            </Button>
                          </div>
                        </Table.Cell>
                      </Table.Row>
                    );
                  })}
                </DataTable>
                <Pager
                  page={page}
                  pageSize={PROPOSALS_PAGE_SIZE}
                  total={list.total}
                  onChange={setPage}
                  label={t('pages')}
                />
              </>
            )
          }
        </QueryState>
      </section>
      {declining ? <DeclineDialog proposal={declining} onClose={() => setDeclining(null)} /> : null}
      {alternativesOf ? (
        <AlternativesDialog proposal={alternativesOf} onClose={() => setAlternativesOf(null)} />
      ) : null}
      {confirming ? (
        <BulkAcceptDialog
          proposals={[...chosen.values()]}
          onClose={() => setConfirming(false)}
          onDone={(done) => {
            setConfirming(false);
            setChosen(new Map());
            setOutcomes(done);
          }}
        />
      ) : null}
    </div>
  );
}

/** The queries the proposal list opens with, started by the route while the session is read (router.tsx). */
export function prefetch(client: QueryClient): void {
  void client.prefetchQuery(openProposalsQuery(1));
  void client.prefetchQuery(latestRunQuery());
}
