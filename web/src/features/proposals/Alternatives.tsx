import { Button, Card, Dialog, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../common/components/QueryState';
import { formatDate, formatNumber } from '../../common/format/format';
import { fullName } from '../../common/format/names';
import { rankAlternatives } from './bulk';
import {
  type Proposal,
  type ProposalAlternatives,
  useProposalAlternatives,
  useUserProposals,
} from './queries';
import { ScoreParts } from './ScoreParts';
import './proposals.css';

const STATUS_COLOR = {
  open: 'info',
  accepted: 'success',
  declined: 'danger',
  superseded: 'neutral',
} as const;

/**
 * A user's alternatives side by side: first every contact the run's rules allow for them now, ranked by the run's
 * own score (and whether the run gave that contact to someone else); then every contact earlier runs proposed.
 * Each with its score in parts and in words, this proposal marked.
 */
export function AlternativesDialog({ proposal, onClose }: { proposal: Proposal; onClose: () => void }) {
  const { t } = useTranslation('proposals');
  const list = useUserProposals(proposal.serviceUserId);
  const candidates = useProposalAlternatives(proposal.id);
  const user = fullName(proposal.serviceUser);
  return (
    <Dialog
      open
      modal
      closeButton={t('alternatives.close')}
      onClose={onClose}
      aria-labelledby="alternatives-heading"
      className="alternatives-dialog"
    >
      <Dialog.Block>
        <Heading level={2} data-size="sm" id="alternatives-heading">
          {t('alternatives.title', { user })}
        </Heading>
        <Paragraph>{t('alternatives.intro')}</Paragraph>
      </Dialog.Block>
      <Dialog.Block>
        <Heading level={3} data-size="xs">
          {t('alternatives.candidates.title')}
        </Heading>
        <Paragraph data-size="sm">{t('alternatives.candidates.intro')}</Paragraph>
        <QueryState query={candidates}>{(answer) => <Candidates answer={answer} user={user} />}</QueryState>
      </Dialog.Block>
      <Dialog.Block>
        <Heading level={3} data-size="xs">
          {t('alternatives.history')}
        </Heading>
        <QueryState query={list}>
          {(answer) => {
            const ranked = rankAlternatives(answer.items, proposal.runId);
            return (
              <>
                <ol className="alternatives" aria-label={t('alternatives.listLabel', { user })}>
                  {ranked.map((alternative, index) => (
                    <li key={alternative.id}>
                      <Card data-color={alternative.id === proposal.id ? 'accent' : 'neutral'}>
                        <Heading level={4} data-size="2xs">
                          {t('alternatives.rank', {
                            rank: index + 1,
                            contact: fullName(alternative.contact),
                          })}
                        </Heading>
                        <div className="row">
                          <Tag data-color={STATUS_COLOR[alternative.status]}>
                            {t(`alternatives.status.${alternative.status}`)}
                          </Tag>
                          {alternative.runId === proposal.runId ? (
                            <Tag data-color="accent">{t('alternatives.thisRun')}</Tag>
                          ) : null}
                        </div>
                        <Paragraph>
                          {t('alternatives.score', { score: formatNumber(alternative.score) })}
                        </Paragraph>
                        <Paragraph data-size="sm">
                          <ScoreParts proposal={alternative} />
                        </Paragraph>
                        <Paragraph data-size="sm">
                          {t('alternatives.proposedOn', { date: formatDate(alternative.createdAt) })}
                        </Paragraph>
                      </Card>
                    </li>
                  ))}
                </ol>
                {answer.total > answer.items.length ? (
                  <Paragraph data-size="sm">
                    {t('alternatives.more', { shown: answer.items.length, total: answer.total })}
                  </Paragraph>
                ) : null}
                {answer.items.length <= 1 ? <Paragraph>{t('alternatives.onlyOne')}</Paragraph> : null}
              </>
            );
          }}
        </QueryState>
      </Dialog.Block>
      <Dialog.Block>
        <Button variant="secondary" onClick={onClose}>
          {t('alternatives.close')}
        </Button>
      </Dialog.Block>
    </Dialog>
  );
}

function Candidates({ answer, user }: { answer: ProposalAlternatives; user: string }) {
  const { t } = useTranslation('proposals');
  const { t: tRuns } = useTranslation('matching-runs');
  if (answer.alternatives.length === 0) {
    return (
      <Paragraph>
        {answer.noneReason === 'user_not_waiting'
          ? t('alternatives.candidates.notWaiting')
          : t('alternatives.candidates.none', {
              reason: tRuns(`reason.${answer.noneReason ?? 'other'}`),
            })}
      </Paragraph>
    );
  }
  return (
    <>
      <ol className="alternatives" aria-label={t('alternatives.candidates.listLabel', { user })}>
        {answer.alternatives.map((alternative, index) => (
          <li key={alternative.contact.id}>
            <Card data-color={alternative.isThisProposal ? 'accent' : 'neutral'}>
              <Heading level={4} data-size="2xs">
                {t('alternatives.rank', { rank: index + 1, contact: fullName(alternative.contact) })}
              </Heading>
              <div className="row">
                {alternative.isThisProposal ? (
                  <Tag data-color="accent">{t('alternatives.candidates.thisProposal')}</Tag>
                ) : null}
                {alternative.proposedToOthersInRun > 0 ? (
                  <Tag data-color="warning">
                    {t('alternatives.candidates.takenInRun', { count: alternative.proposedToOthersInRun })}
                  </Tag>
                ) : null}
                <Tag data-color="neutral">
                  {t('alternatives.candidates.freeSlots', { count: alternative.freeUserSlots })}
                </Tag>
              </div>
              <Paragraph>{t('alternatives.score', { score: formatNumber(alternative.score) })}</Paragraph>
              <Paragraph data-size="sm">
                <ScoreParts proposal={alternative} />
              </Paragraph>
            </Card>
          </li>
        ))}
      </ol>
      {answer.candidateCount > answer.alternatives.length ? (
        <Paragraph data-size="sm">
          {t('alternatives.candidates.more', {
            shown: answer.alternatives.length,
            total: answer.candidateCount,
          })}
        </Paragraph>
      ) : null}
    </>
  );
}
