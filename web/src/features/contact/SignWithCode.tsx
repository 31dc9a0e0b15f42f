import { Alert, Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { formatTime } from '../../common/format/format';
import { refusalText } from './LogSessionPage';
import { useConfirmSigningCode, useSendSigningCode } from './queries';

/** The codes a wrong or spent code comes back with; each asks for a new code but the wrong one. */
const ASK_AGAIN = new Set([
  'signing_code_expired',
  'signing_code_used_up',
  'signing_code_not_requested',
  'timesheet_changed',
]);

/**
 * "Signer med engangskode" on the contact's phone: the user or guardian, sitting beside the contact, gets a code
 * by e-mail and types it in here (or reads it out) after looking over the lines above. The contact never sees
 * the code until the signer gives it, so the contact alone cannot sign (DOMAIN rule 5).
 */
export function SignWithCode({
  timesheetId,
  serviceUserId,
  disabled,
  onSigned,
}: {
  timesheetId: string;
  serviceUserId?: string;
  disabled: boolean;
  onSigned: () => void;
}) {
  const { t } = useTranslation('contact');
  const send = useSendSigningCode(timesheetId);
  const confirm = useConfirmSigningCode(timesheetId);
  const [code, setCode] = useState('');
  const [invalid, setInvalid] = useState(false);
  const fieldId = `code-${timesheetId}`;
  const error = confirm.error;
  const wrong = error instanceof ApiError && error.code === 'signing_code_wrong';
  const askAgain = error instanceof ApiError && ASK_AGAIN.has(error.code);

  const fieldError = invalid
    ? t('code.needSix')
    : wrong
      ? t('code.wrong', { count: Number(error.context.attemptsLeft ?? 0) })
      : undefined;

  return (
    <section className="stack" aria-labelledby={`code-heading-${timesheetId}`}>
      <Heading level={3} data-size="xs" id={`code-heading-${timesheetId}`}>
        {t('code.heading')}
      </Heading>
      <Paragraph data-size="sm">{t('code.help')}</Paragraph>
      {send.isError ? (
        <Alert data-color="danger">
          <Paragraph>{refusalText(t, send.error)}</Paragraph>
        </Alert>
      ) : null}
      {send.isSuccess && !askAgain ? (
        <>
          <Alert data-color="info" role="status">
            {t('code.sent', { to: send.data.sentTo, until: formatTime(send.data.codeExpiresAt) })}
          </Alert>
          <form
            className="stack"
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              const typed = code.replace(/\s/g, '');
              if (!/^\d{6}$/.test(typed)) {
                setInvalid(true);
                return;
              }
              setInvalid(false);
              confirm.mutate(typed, { onSuccess: onSigned });
            }}
          >
            <Textfield
              id={fieldId}
              label={t('code.label')}
              description={t('code.description')}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={7}
              value={code}
              error={fieldError}
              onChange={(event) => {
                setInvalid(false);
                setCode(event.target.value);
              }}
            />
            {error && !wrong ? (
              <Alert data-color="danger">
                <Paragraph>{refusalText(t, error)}</Paragraph>
              </Alert>
            ) : null}
            <div>
              <Button type="submit" loading={confirm.isPending}>
                {t('code.confirm')}
              </Button>
            </div>
          </form>
        </>
      ) : null}
      {askAgain ? (
        <Alert data-color="warning">
          <Paragraph>{refusalText(t, error)}</Paragraph>
        </Alert>
      ) : null}
      {
        <div>
          <Button
            variant="secondary"
            disabled={disabled}
            loading={send.isPending}
            onClick={() => {
              confirm.reset();
              setCode('');
              send.mutate(serviceUserId);
            }}
          >
            {send.isSuccess ? t('code.sendAgain') : t('code.send')}
          </Button>
        </div>
      }
    </section>
  );
}
