import { Alert, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';

/** A screen that failed to load or threw: say so in words, offer the way back. */
export function RouteError() {
  const { t } = useTranslation();
  return (
    <main id="main" className="app-main">
      <Alert data-color="danger">
        <Heading level={1} data-size="xs">
          {t('errors.title')}
        </Heading>
        <Paragraph>{t('errors.unknown')}</Paragraph>
        <Link href="/">{t('app.toFrontPage')}</Link>
      </Alert>
    </main>
  );
}
