import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../common/format/format';
import type { Proposal } from './queries';

/** The parts of the score that count (above zero), in words: why this pair was proposed. */
const PARTS = ['interests', 'availability', 'distance', 'waiting', 'ageCloseness', 'language'] as const;

/** Anything scored as a pair: a proposal, or one of its alternatives. */
type Scored = Pick<Proposal, 'components'>;

export function scoreReason(t: (key: string, options?: Record<string, unknown>) => string, proposal: Scored) {
  const components = proposal.components as unknown as Record<string, number | undefined>;
  const parts = PARTS.filter((part) => (components[part] ?? 0) > 0).map((part) =>
    t(`part.${part}`, { points: formatNumber(components[part] ?? 0) }),
  );
  if (typeof components.distanceKm === 'number') {
    parts.push(t('distanceKm', { km: formatNumber(Math.round(components.distanceKm * 10) / 10) }));
  }
  return parts.join(' · ');
}

export function ScoreParts({ proposal }: { proposal: Scored }) {
  const { t } = useTranslation('proposals');
  return <span>{scoreReason(t, proposal)}</span>;
}
