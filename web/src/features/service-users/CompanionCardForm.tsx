import { Alert, Button, Field, Label, Select } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../common/errors/errors';
import {
  COMPANION_CARD_STATES,
  type CompanionCard,
  type ServiceUser,
  useUpdateCompanionCard,
} from './queries';

/**
 * Ledsagerbevis (companion card): whether the user has one, has applied, or has none. The støttekontakt sees it
 * on their phone, since it decides whether they get in free.
 */
export function CompanionCardForm({ user }: { user: ServiceUser }) {
  const { t } = useTranslation('service-users');
  const [value, setValue] = useState<CompanionCard | ''>(user.companionCard ?? '');
  const update = useUpdateCompanionCard(user.id);
  const unchanged = value === (user.companionCard ?? '');
  return (
    <form
      className="stack"
      onSubmit={(event) => {
        event.preventDefault();
        update.mutate({ companionCard: value === '' ? null : value, version: user.version });
      }}
    >
      <Field>
        <Label htmlFor="companion-card">{t('companionCard.label')}</Label>
        <Select
          id="companion-card"
          value={value}
          onChange={(event) => setValue(event.target.value as CompanionCard | '')}
        >
          <Select.Option value="">{t('companionCard.notRecorded')}</Select.Option>
          {COMPANION_CARD_STATES.map((state) => (
            <Select.Option key={state} value={state}>
              {t(`companionCard.states.${state}`)}
            </Select.Option>
          ))}
        </Select>
      </Field>
      <div>
        <Button type="submit" variant="secondary" disabled={unchanged} loading={update.isPending}>
          {t('companionCard.save')}
        </Button>
      </div>
      {update.isError ? <Alert data-color="danger">{errorText(t, update.error)}</Alert> : null}
      {update.isSuccess && unchanged ? (
        <Alert data-color="success" role="status">
          {t('companionCard.saved')}
        </Alert>
      ) : null}
    </form>
  );
}
