import { Alert, Paragraph } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../errors/errors';
import { PageSpinner } from '../layout/PageSpinner';

/** A query's loading and error states in one shape; renders its children once the data is there. */
export function QueryState<T>({
  query,
  children,
}: {
  query: { isPending: boolean; isError: boolean; error: unknown; data: T | undefined };
  children: (data: T) => ReactNode;
}) {
  const { t } = useTranslation();
  if (query.isPending) return <PageSpinner />;
  if (query.isError || query.data === undefined) {
    return (
      <Alert data-color="danger">
        <Paragraph>{errorText(t, query.error)}</Paragraph>
      </Alert>
    );
  }
  return <>{children(query.data)}</>;
}
