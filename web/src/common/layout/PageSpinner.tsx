import { Spinner } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';

export function PageSpinner() {
  const { t } = useTranslation();
  return <Spinner aria-label={t('app.loading')} data-size="lg" />;
}
