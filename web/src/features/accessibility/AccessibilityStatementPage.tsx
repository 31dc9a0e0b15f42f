import { Heading, Link, List, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../common/layout/usePageTitle';

/** Tilgjengelighetserklæring: public bodies must publish one for each web solution (forskrift om universell utforming av IKT). */
export default function AccessibilityStatementPage() {
  const { t } = useTranslation('accessibility');
  usePageTitle(t('title'));
  const checks = t('checks', { returnObjects: true }) as string[];
  const limits = t('limits', { returnObjects: true }) as string[];
  return (
    <article className="stack">
      <Heading level={1} data-size="lg">
        {t('title')}
      </Heading>
      <Paragraph>{t('intro')}</Paragraph>
      <Heading level={2} data-size="sm">
        {t('statusTitle')}
      </Heading>
      <Paragraph>{t('status')}</Paragraph>
      <Heading level={2} data-size="sm">
        {t('checksTitle')}
      </Heading>
      <List.Unordered>
        {checks.map((check) => (
          <List.Item key={check}>{check}</List.Item>
        ))}
      </List.Unordered>
      <Heading level={2} data-size="sm">
        {t('limitsTitle')}
      </Heading>
      <List.Unordered>
        {limits.map((limit) => (
          <List.Item key={limit}>{limit}</List.Item>
        ))}
      </List.Unordered>
      <Heading level={2} data-size="sm">
        {t('feedbackTitle')}
      </Heading>
      <Paragraph>{t('feedback')}</Paragraph>
      <Paragraph>
        {t('supervision')} <Link href="https://www.uutilsynet.no/">{t('supervisionLink')}</Link>
      </Paragraph>
    </article>
  );
}
