import { Alert, Button, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../common/errors/errors';
import { groupNationalId } from '../../common/format/national-id';
import { useRevealNationalId } from './queries';

/**
 * The fødselsnummer masked; the full number only on the explicit action, which the API logs (who, when). It is
 * held in this component only, and forgotten on "Skjul" or when the page is left.
 */
export function NationalIdField({ id, masked }: { id: string; masked: string }) {
  const { t } = useTranslation('service-users');
  const reveal = useRevealNationalId(id);
  const shown = reveal.data;
  return (
    <div className="stack stack--tight">
      <span className="national-id" aria-live="polite">
        {groupNationalId(shown ?? masked)}
      </span>
      <div className="row">
        {shown ? (
          <Button data-size="sm" variant="secondary" onClick={() => reveal.reset()}>
            {t('record.hideNationalId')}
          </Button>
        ) : (
          <Button
            data-size="sm"
            variant="secondary"
            onClick={() => reveal.mutate()}
            loading={reveal.isPending}
          >
            {t('record.revealNationalId')}
          </Button>
        )}
      </div>
      <Paragraph data-size="sm">{t('record.revealLogged')}</Paragraph>
      {reveal.isError ? (
        <Alert data-color="danger">
          <Paragraph>{errorText(t, reveal.error)}</Paragraph>
        </Alert>
      ) : null}
    </div>
  );
}
