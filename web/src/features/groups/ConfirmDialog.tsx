import { Alert, Button, Dialog, Heading, Paragraph } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../common/errors/errors';

/**
 * Asks before a change that cannot be taken back (a member out, the group closed): the question, what follows,
 * the API's refusal in words, and the danger button beside Cancel. It cannot be closed while the change is sent.
 */
export function ConfirmDialog({
  id,
  title,
  children,
  confirmLabel,
  pending,
  error,
  onConfirm,
  onClose,
}: {
  id: string;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  pending: boolean;
  error: unknown;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('groups');
  return (
    <Dialog
      open
      modal
      closeButton={t('proposals.close')}
      onClose={() => {
        if (!pending) onClose();
      }}
      aria-labelledby={id}
    >
      <Dialog.Block>
        <Heading level={2} data-size="sm" id={id}>
          {title}
        </Heading>
        {children}
        {error ? (
          <Alert data-color="danger">
            <Paragraph>{errorText(t, error)}</Paragraph>
          </Alert>
        ) : null}
      </Dialog.Block>
      <Dialog.Block>
        <div className="row">
          <Button data-color="danger" onClick={onConfirm} loading={pending}>
            {confirmLabel}
          </Button>
          <Button variant="secondary" onClick={onClose} disabled={pending}>
            {t('form.cancel')}
          </Button>
        </div>
      </Dialog.Block>
    </Dialog>
  );
}
