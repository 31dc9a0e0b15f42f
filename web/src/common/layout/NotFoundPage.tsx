import { Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { usePageTitle } from './usePageTitle';

export function NotFoundPage() {
  const { t } = useTranslation();
  usePageTitle(t('app.notFound'));
  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {t('app.notFound')}
      </Heading>
      <Paragraph>{t('app.notFoundText')}</Paragraph>
      <Link asChild>
        <RouterLink to="/">{t('app.toFrontPage')}</RouterLink>
      </Link>
    </div>
  );
}
