import { Alert, Button, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
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
import { useLatestRun } from '../matching-runs/queries';
import { RunCard } from '../matching-runs/RunCard';
import { DeclineDialog } from './DeclineDialog';
import { type Proposal, PROPOSALS_PAGE_SIZE, useAcceptProposal, useOpenProposals } from './queries';
import { ScoreParts } from './ScoreParts';
import { StartRun } from './StartRun';

/** Forslag: the open proposals of the latest run, best first; accept one, or decline it with a reason. */
export default function ProposalsPage() {
  const { t } = useTranslation('proposals');
  usePageTitle(t('title'));
  const [page, setPage] = useState(1);
  const proposals = useOpenProposals(page);
  const latestRun = useLatestRun();
  const accept = useAcceptProposal();
  const navigate = useNavigate();
  const [declining, setDeclining] = useState<Proposal | null>(null);

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
                        <Table.Cell>{pair.user}</Table.Cell>
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
    </div>
  );
}
